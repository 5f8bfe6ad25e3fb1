/**
 * The console's businesses: a list that stays fast at 100,000 businesses, and one business's
 * page. Read through the admin door (`AdminDb`), which is what may read across businesses.
 *
 * The list pages by keyset (the sort key and the id of the last row shown), never by OFFSET, so
 * page 2,000 costs what page 1 does. Each sort has its index on `tenants` (migration 0013):
 * `lower(name), id`, `created_at, id`, `last_active_at, id`. Search matches words of the name and
 * the city by prefix through a GIN index on `to_tsvector('simple', name || ' ' || city)` (core
 * PostgreSQL; pg_trgm would also find the middle of a word, but it is an extension to load into
 * PGlite and to create on every server), or the owner's email by prefix through a
 * `text_pattern_ops` index on `lower(users.email)`. `npx tsx scripts/bench/admin-businesses.ts`
 * times the list on 100,000 businesses.
 *
 * What an admin sees of a business: its details, its members (names, emails, roles), counts and
 * its last activity. Never its reviews, personas or journeys: jejak_admin is not even granted those
 * columns, only `tenant_id` (and `created_at` of reviews) to count them.
 */
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows } from '@/db/client';
import { businessTypes, type BusinessType, type MemberRole } from '../shared/business';
import type { TimeZone } from '../shared/time-zones';
import { NotFoundError } from '../core/errors';
import { isUuid } from '../core/ids';
import type { AdminDb } from './door';

export const businessSorts = ['created', 'name', 'activity'] as const;
export type BusinessSort = (typeof businessSorts)[number];
/** The list's orders: newest and most recently active first, names A→Z, and each the other way. */
export const businessOrders = ['created_desc', 'created_asc', 'name_asc', 'name_desc', 'activity_desc', 'activity_asc'] as const;
export type BusinessOrder = (typeof businessOrders)[number];
export const PAGE_SIZE = 25;

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const day = z
  .string()
  .regex(isoDay)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
  .optional()
  .catch(undefined);

/** A page's position: the sort key and id of the row it continues from. */
const cursorSchema = z.tuple([z.string().max(400), z.uuid()]);

function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

function decodeCursor(raw: string | undefined): [string, string] | undefined {
  if (!raw || raw.length > 800) return undefined;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export const businessStatuses = ['active', 'suspended'] as const;

/** The list's query, from the URL: anything malformed is dropped, never an error. */
export const businessListQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  type: z.enum(businessTypes).optional().catch(undefined),
  /** Active (not suspended) or suspended businesses only; none: both. */
  status: z.enum(businessStatuses).optional().catch(undefined),
  from: day,
  to: day,
  order: z.enum(businessOrders).default('created_desc').catch('created_desc'),
  after: z.string().optional().catch(undefined),
  before: z.string().optional().catch(undefined),
});
export type BusinessListQuery = z.output<typeof businessListQuery>;

export interface BusinessRow {
  id: string;
  name: string;
  businessType: BusinessType;
  city: string;
  createdAt: Date;
  lastActiveAt: Date;
  ownerName: string | null;
  ownerEmail: string | null;
  /** Suspended by a platform admin (lib/admin/suspension.ts). */
  suspended: boolean;
}

export interface BusinessPage {
  rows: BusinessRow[];
  total: number;
  /** Cursors for the next and previous pages (absent at either end). */
  next?: string;
  prev?: string;
}

const sortKey: Record<BusinessSort, { column: SQL; text: SQL; cast: (v: string) => SQL }> = {
  name: { column: sql`lower(t.name)`, text: sql`lower(t.name)`, cast: (v) => sql`${v}::text` },
  created: {
    column: sql`t.created_at`,
    text: sql`to_char(t.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    cast: (v) => sql`${v}::timestamptz`,
  },
  activity: {
    column: sql`t.last_active_at`,
    text: sql`to_char(t.last_active_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    cast: (v) => sql`${v}::timestamptz`,
  },
};

/** Words of a search, each matched as a prefix: "kopi sen" → `kopi:* & sen:*` (letters and digits only, so no tsquery syntax gets through). */
export function searchTerms(q: string): string | null {
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.slice(0, 8) ?? [];
  return words.length ? words.map((w) => `${w}:*`).join(' & ') : null;
}

function likePrefix(q: string): string {
  return `${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The list's WHERE conditions on `tenants t`, as branches whose rows together are the list: one
 * branch without a search; with one, a branch per way to match (words of the name and city through
 * the GIN index; the owner's email through the users index, then the membership), each able to use
 * its own index, instead of an OR that can use none.
 */
function branches(query: BusinessListQuery): SQL[][] {
  const common: SQL[] = [];
  if (query.type) common.push(sql`t.business_type = ${query.type}`);
  if (query.status) common.push(query.status === 'suspended' ? sql`t.suspended_at is not null` : sql`t.suspended_at is null`);
  // Days are WIB days, where the platform is run from.
  if (query.from) common.push(sql`t.created_at >= (${query.from}::date)::timestamp at time zone 'Asia/Jakarta'`);
  if (query.to) common.push(sql`t.created_at < (${query.to}::date + 1)::timestamp at time zone 'Asia/Jakarta'`);
  const q = query.q?.trim();
  if (!q) return [common];
  const out: SQL[][] = [];
  const terms = searchTerms(q);
  if (terms) out.push([...common, sql`to_tsvector('simple'::regconfig, t.name || ' ' || t.city) @@ to_tsquery('simple', ${terms})`]);
  // An email has no spaces: only then is the owner's email searched too.
  if (!/\s/.test(q)) {
    out.push([
      ...common,
      sql`t.id in (select m.tenant_id from memberships m join users u on u.id = m.user_id where m.role = 'owner' and lower(u.email) like ${likePrefix(q)})`,
    ]);
  }
  return out.length ? out : [[...common, sql`false`]];
}

interface RawRow {
  id: string;
  name: string;
  business_type: BusinessType;
  city: string;
  created_at: string;
  last_active_at: string;
  owner_name: string | null;
  owner_email: string | null;
  suspended: boolean;
  k: string;
}

const iso = (col: SQL) => sql`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The list's two statements for a query: the page's rows (one more than a page, to tell whether
 * another follows) and the total. Apart from listBusinesses for the timing script.
 */
export function businessListSql(query: BusinessListQuery, pageSize = PAGE_SIZE): { rows: SQL; total: SQL; backwards: boolean; fromCursor: boolean } {
  const [sort, dir] = query.order.split('_') as [BusinessSort, 'asc' | 'desc'];
  const key = sortKey[sort];
  const after = decodeCursor(query.after);
  const before = after ? undefined : decodeCursor(query.before);
  // Going back reads the other way from the cursor, then turns the page around.
  const backwards = !!before;
  const readDesc = backwards ? dir === 'asc' : dir === 'desc';
  const cursor = after ?? before;
  const keyset = cursor
    ? readDesc
      ? sql`(${key.column}, t.id) < (${key.cast(cursor[0])}, ${cursor[1]}::uuid)`
      : sql`(${key.column}, t.id) > (${key.cast(cursor[0])}, ${cursor[1]}::uuid)`
    : null;
  const whereSql = (conds: SQL[]) => (conds.length ? sql`where ${sql.join(conds, sql` and `)}` : sql``);
  const way = readDesc ? sql`desc` : sql`asc`;
  const parts = branches(query);
  // Each branch its own top of the page (an index scan in the sort's order, or a top-N sort of its
  // matches); the union of those, in order, is the page. Only then, for the page's rows alone, the owner.
  //
  // A search branch is fenced (OFFSET 0): its matches are found first, by its own index, then the
  // page is sorted out of them, so its cost follows the number of matches. Unfenced, the planner
  // may walk the sort's index instead, testing every row on the way: fast for a common word, a full
  // scan for a word that matches nothing (1 s at 100,000 businesses, measured).
  const columns = sql`t.id, t.name, t.business_type, t.city, t.created_at, t.last_active_at, t.suspended_at is not null as suspended, ${key.column} as sk, ${key.text} as k`;
  const fenced = !!query.q?.trim();
  const pageOf = (conds: SQL[]) => {
    const where = whereSql(keyset ? [...conds, keyset] : conds);
    return fenced
      ? sql`(select * from (select ${columns} from tenants t ${where} offset 0) t order by t.sk ${way}, t.id ${way} limit ${pageSize + 1})`
      : sql`(select ${columns} from tenants t ${where} order by ${key.column} ${way}, t.id ${way} limit ${pageSize + 1})`;
  };
  return {
    rows: sql`select p.id, p.name, p.business_type, p.city, ${iso(sql`p.created_at`)} as created_at, ${iso(sql`p.last_active_at`)} as last_active_at,
                     o.name as owner_name, o.email as owner_email, p.suspended, p.k
              from (${sql.join(parts.map(pageOf), sql` union `)}) p
              left join lateral (
                select u.name, u.email from memberships m join users u on u.id = m.user_id
                where m.tenant_id = p.id and m.role = 'owner' order by m.created_at limit 1
              ) o on true
              order by p.sk ${way}, p.id ${way}
              limit ${pageSize + 1}`,
    total: sql`select count(*)::int as n from (${sql.join(
      parts.map((conds) => sql`select t.id from tenants t ${whereSql(conds)}`),
      sql` union `,
    )}) x`,
    backwards,
    fromCursor: !!after,
  };
}

/** One page of the list: `PAGE_SIZE` rows from the cursor on, in the query's order. */
export async function listBusinesses(db: AdminDb, query: BusinessListQuery, pageSize = PAGE_SIZE): Promise<BusinessPage> {
  const statements = businessListSql(query, pageSize);
  const { backwards } = statements;
  const rows = await queryRows<RawRow>(db.tx, statements.rows);
  const [counted] = await queryRows<{ n: number }>(db.tx, statements.total);
  const more = rows.length > pageSize;
  const shown = rows.slice(0, pageSize);
  if (backwards) shown.reverse();
  const first = shown[0];
  const last = shown[shown.length - 1];
  // Forward: a next page if more rows were found, a previous one if we came from a cursor. Backward: the mirror.
  const hasNext = backwards ? true : more;
  const hasPrev = backwards ? more : statements.fromCursor;
  return {
    rows: shown.map((r) => ({
      id: r.id,
      name: r.name,
      businessType: r.business_type,
      city: r.city,
      createdAt: new Date(r.created_at),
      lastActiveAt: new Date(r.last_active_at),
      ownerName: r.owner_name,
      ownerEmail: r.owner_email,
      suspended: r.suspended === true,
    })),
    total: counted?.n ?? 0,
    next: hasNext && last ? encodeCursor(last.k, last.id) : undefined,
    prev: hasPrev && first ? encodeCursor(first.k, first.id) : undefined,
  };
}

export interface BusinessMember {
  userId: string;
  name: string;
  email: string;
  role: MemberRole;
  joinedAt: Date;
}

export interface BusinessDetail {
  id: string;
  name: string;
  businessType: BusinessType;
  city: string;
  timeZone: TimeZone;
  createdAt: Date;
  lastActiveAt: Date;
  /** Suspended by a platform admin (lib/admin/suspension.ts): when, and the reason typed; null when active. */
  suspension: { at: Date; reason: string } | null;
  members: BusinessMember[];
  counts: { personas: number; journeys: number; reviewLinks: number; reviews: number; reviewsLast30Days: number };
}

/** One business for the console: details, members, counts. NotFoundError if there is none with this id. */
export async function getBusiness(db: AdminDb, tenantId: string): Promise<BusinessDetail> {
  if (!isUuid(tenantId)) throw new NotFoundError('tenant');
  const [t] = await queryRows<{
    id: string;
    name: string;
    business_type: BusinessType;
    city: string;
    time_zone: TimeZone;
    created_at: string;
    last_active_at: string;
    suspended_at: string | null;
    suspended_reason: string | null;
  }>(
    db.tx,
    sql`select t.id, t.name, t.business_type, t.city, t.time_zone, ${iso(sql`t.created_at`)} as created_at, ${iso(sql`t.last_active_at`)} as last_active_at,
               ${iso(sql`t.suspended_at`)} as suspended_at, t.suspended_reason
        from tenants t where t.id = ${tenantId}`,
  );
  if (!t) throw new NotFoundError('tenant');
  const members = await queryRows<{ user_id: string; name: string; email: string; role: MemberRole; joined_at: string }>(
    db.tx,
    sql`select u.id as user_id, u.name, u.email, m.role, ${iso(sql`m.created_at`)} as joined_at
        from memberships m join users u on u.id = m.user_id
        where m.tenant_id = ${tenantId}
        order by (m.role = 'owner') desc, m.created_at, u.id`,
  );
  const [c] = await queryRows<{ personas: number; journeys: number; review_links: number; reviews: number; reviews_30: number }>(
    db.tx,
    sql`select (select count(*)::int from personas p where p.tenant_id = ${tenantId}) as personas,
               (select count(*)::int from journeys j where j.tenant_id = ${tenantId}) as journeys,
               (select count(*)::int from review_links l where l.tenant_id = ${tenantId}) as review_links,
               (select count(*)::int from reviews r where r.tenant_id = ${tenantId}) as reviews,
               (select count(*)::int from reviews r where r.tenant_id = ${tenantId} and r.created_at > now() - interval '30 days') as reviews_30`,
  );
  return {
    id: t.id,
    name: t.name,
    businessType: t.business_type,
    city: t.city,
    timeZone: t.time_zone,
    createdAt: new Date(t.created_at),
    lastActiveAt: new Date(t.last_active_at),
    suspension: t.suspended_at ? { at: new Date(t.suspended_at), reason: t.suspended_reason ?? '' } : null,
    members: members.map((m) => ({ userId: m.user_id, name: m.name, email: m.email, role: m.role, joinedAt: new Date(m.joined_at) })),
    counts: {
      personas: c?.personas ?? 0,
      journeys: c?.journeys ?? 0,
      reviewLinks: c?.review_links ?? 0,
      reviews: c?.reviews ?? 0,
      reviewsLast30Days: c?.reviews_30 ?? 0,
    },
  };
}
