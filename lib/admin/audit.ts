/**
 * The platform audit log as the console shows it: newest first, filtered by admin, action,
 * business and WIB days, paged by keyset on (created_at, id) (index platform_audit_time_idx, and
 * one per filter: migration 0013). Read through the admin door.
 */
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows } from '@/db/client';
import { adminActions, type AdminAction, type AdminDb } from './door';

export const AUDIT_PAGE_SIZE = 50;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
  .optional()
  .catch(undefined);

const cursorSchema = z.tuple([z.string().regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/), z.uuid()]);

function decodeCursor(raw: string | undefined): [string, string] | undefined {
  if (!raw || raw.length > 200) return undefined;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The audit page's query, from the URL: anything malformed is dropped. */
export const auditListQuery = z.object({
  actor: z.uuid().optional().catch(undefined),
  action: z.enum(adminActions).optional().catch(undefined),
  business: z.uuid().optional().catch(undefined),
  from: day,
  to: day,
  after: z.string().optional().catch(undefined),
});
export type AuditListQuery = z.output<typeof auditListQuery>;

export interface AuditRow {
  id: string;
  at: Date;
  actorUserId: string;
  actorEmail: string | null;
  action: AdminAction;
  tenantId: string | null;
  tenantName: string | null;
  reason: string;
  ip: string | null;
  meta: Record<string, unknown>;
}

export interface AuditPage {
  rows: AuditRow[];
  /** The next (older) page's cursor, if there is one. */
  next?: string;
}

/** One page of the platform audit log, newest first. */
export async function listPlatformAudit(db: AdminDb, query: AuditListQuery, pageSize = AUDIT_PAGE_SIZE): Promise<AuditPage> {
  const where: SQL[] = [];
  if (query.actor) where.push(sql`a.actor_user_id = ${query.actor}`);
  if (query.action) where.push(sql`a.action = ${query.action}`);
  if (query.business) where.push(sql`a.target_tenant_id = ${query.business}`);
  if (query.from) where.push(sql`a.created_at >= (${query.from}::date)::timestamp at time zone 'Asia/Jakarta'`);
  if (query.to) where.push(sql`a.created_at < (${query.to}::date + 1)::timestamp at time zone 'Asia/Jakarta'`);
  const cursor = decodeCursor(query.after);
  if (cursor) where.push(sql`(a.created_at, a.id) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`);
  const rows = await queryRows<{
    id: string;
    at: string;
    actor_user_id: string;
    actor_email: string | null;
    action: AdminAction;
    target_tenant_id: string | null;
    tenant_name: string | null;
    reason: string;
    ip: string | null;
    meta: Record<string, unknown> | string;
  }>(
    db.tx,
    sql`select a.id, to_char(a.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at, a.actor_user_id, u.email as actor_email,
               a.action, a.target_tenant_id, t.name as tenant_name, a.reason, host(a.ip) as ip, a.meta
        from platform_audit a
        left join users u on u.id = a.actor_user_id
        left join tenants t on t.id = a.target_tenant_id
        ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``}
        order by a.created_at desc, a.id desc
        limit ${pageSize + 1}`,
  );
  const shown = rows.slice(0, pageSize);
  const last = shown[shown.length - 1];
  return {
    rows: shown.map((r) => ({
      id: r.id,
      at: new Date(r.at),
      actorUserId: r.actor_user_id,
      actorEmail: r.actor_email,
      action: r.action,
      tenantId: r.target_tenant_id,
      tenantName: r.tenant_name,
      reason: r.reason,
      ip: r.ip,
      meta: typeof r.meta === 'string' ? (JSON.parse(r.meta) as Record<string, unknown>) : r.meta,
    })),
    next: rows.length > pageSize && last ? Buffer.from(JSON.stringify([last.at, last.id])).toString('base64url') : undefined,
  };
}

/** The platform admins, for the audit page's filter. */
export async function listAdmins(db: AdminDb): Promise<{ id: string; email: string }[]> {
  return queryRows<{ id: string; email: string }>(db.tx, sql`select u.id, u.email from users u where u.is_platform_admin order by u.email`);
}
