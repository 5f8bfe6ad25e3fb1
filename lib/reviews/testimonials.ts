/**
 * A business's public testimonial page (/t/<slug>, and its embed /t/<slug>/embed): the owner
 * claims, renames or removes its address; the platform routing table `testimonial_pages` finds a
 * slug's business; inside that business the page shows its featured reviews with the honesty line
 * ("Menampilkan 12 dari 40 ulasan; rata-rata semua ulasan 4,3").
 *
 * What a featured review shows: stars, comment, date, stage, and the customer's first name with an
 * initial at most (`publicDisplayName`) — never a WhatsApp number, never a full name, nothing of an
 * erased review. Shown only when featured, with the customer's testimonial consent, and not spam
 * (the schema already ties featuring to consent; the page checks all three again).
 *
 * Every function but `routeTestimonialSlug` works in the caller's transaction (`db: TenantDb`) and
 * names the tenant in every query.
 */
import { and, desc, eq, ne, sql, type SQL } from 'drizzle-orm';
import { journeyStages, reviews, tenants, testimonialPages } from '@/db/schema';
import { audit } from '../core/audit';
import { AppError } from '../core/errors';
import { withPlatform, type TenantDb, type Tx } from '../core/tenancy';
import type { Locale } from '../shared/locales';
import type { TimeZone } from '../shared/time-zones';
import { publicDisplayName, readTestimonialSlug, TESTIMONIAL_PAGE_LIMIT, testimonialErrors, testimonialSlugSchema } from './testimonial-model';

/** The business's own page, or null when it has none. */
export async function getTestimonialPage(db: TenantDb): Promise<{ slug: string; createdAt: Date } | null> {
  const [row] = await db.tx
    .select({ slug: testimonialPages.slug, createdAt: testimonialPages.createdAt })
    .from(testimonialPages)
    .where(eq(testimonialPages.tenantId, db.tenantId));
  return row ?? null;
}

/**
 * Claims the address for the business's page, or moves its page to a new address (the old one
 * then answers 404 and is free for others). The input is normalised ("Bengkel Maju Jaya" →
 * "bengkel-maju-jaya") and checked (3–40 characters, reserved words); a broken rule or an address
 * another business holds is an AppError on the `slug` field.
 *
 * Race-safe by the table's primary key: the new row is inserted with ON CONFLICT (slug) DO NOTHING,
 * so of two businesses claiming one address at the same moment exactly one gets it, and the other
 * is told it is taken (its transaction, with the old row it removed, rolls back).
 */
export async function claimTestimonialPage(db: TenantDb, rawSlug: string): Promise<{ slug: string; changed: boolean }> {
  const parsed = testimonialSlugSchema.safeParse(rawSlug);
  if (!parsed.success) throw new AppError(parsed.error.issues[0]?.message ?? testimonialErrors.short, { field: 'slug' });
  const slug = parsed.data;
  const [current] = await db.tx
    .select({ slug: testimonialPages.slug, createdAt: testimonialPages.createdAt })
    .from(testimonialPages)
    .where(eq(testimonialPages.tenantId, db.tenantId))
    .for('update');
  if (current?.slug === slug) return { slug, changed: false };
  if (current) await db.tx.delete(testimonialPages).where(and(eq(testimonialPages.tenantId, db.tenantId), eq(testimonialPages.slug, current.slug)));
  const claimed = await db.tx
    .insert(testimonialPages)
    .values({ slug, tenantId: db.tenantId, createdAt: current?.createdAt ?? new Date(), updatedAt: new Date() })
    .onConflictDoNothing({ target: testimonialPages.slug })
    .returning({ slug: testimonialPages.slug });
  if (!claimed.length) throw new AppError(testimonialErrors.taken, { field: 'slug', params: { slug } });
  await audit(db.tx, {
    tenantId: db.tenantId,
    actorUserId: db.userId || null,
    action: current ? 'testimonial_page.renamed' : 'testimonial_page.claimed',
    targetType: 'testimonial_page',
    ip: db.ip,
    meta: current ? { from: current.slug, to: slug } : { slug },
  });
  return { slug, changed: true };
}

/** Takes the page down: its address answers 404 and is free again. The reviews stay featured. */
export async function removeTestimonialPage(db: TenantDb): Promise<boolean> {
  const removed = await db.tx.delete(testimonialPages).where(eq(testimonialPages.tenantId, db.tenantId)).returning({ slug: testimonialPages.slug });
  if (!removed.length) return false;
  await audit(db.tx, { tenantId: db.tenantId, actorUserId: db.userId || null, action: 'testimonial_page.removed', targetType: 'testimonial_page', ip: db.ip, meta: { slug: removed[0]!.slug } });
  return true;
}

/**
 * Which business a /t/ slug belongs to (case and surrounding spaces do not matter); null when it
 * cannot be a slug or names nothing. A platform lookup, its own unit of work, run before any
 * business is known (callers rate-limit it per address: `guardedLookup`).
 */
export async function routeTestimonialSlug(rawSlug: string): Promise<{ tenantId: string; slug: string } | null> {
  const slug = readTestimonialSlug(rawSlug);
  if (!slug) return null;
  const [row] = await withPlatform((tx) => testimonialRoute(tx, slug));
  return row ?? null;
}

/**
 * The routing table's row of a slug, read by its key before any business is known: the one query
 * here that names no tenant_id (declared in tests/support/tenant-filter.ts).
 */
function testimonialRoute(tx: Tx, slug: string) {
  return tx.select({ tenantId: testimonialPages.tenantId, slug: testimonialPages.slug }).from(testimonialPages).where(eq(testimonialPages.slug, slug));
}

export interface PublicTestimonial {
  id: string;
  stars: number;
  comment: string;
  /** "Rina" or "Rina S."; null: shown as "a customer". */
  name: string | null;
  /** Null when the stage was removed from the map. */
  stageName: string | null;
  createdAt: Date;
}

export interface TestimonialPageData {
  businessName: string;
  timeZone: TimeZone;
  /** The business's language for its public pages; null: follow the customer's browser. */
  defaultLocale: Locale | null;
  testimonials: PublicTestimonial[];
  /** The honesty line: every review that is not spam, and the average of all their stars (1 decimal; null when none). */
  totalReviews: number;
  averageStars: number | null;
  /** Suspended by a platform admin: the public page is "temporarily unavailable" (503); nothing else is loaded. */
  suspended: boolean;
}

/** Reviews as a testimonial shows them (with their stage's name), newest first; `where` names the tenant. */
function testimonialRows(db: TenantDb, where: SQL | undefined, limit: number) {
  return db.tx
    .select({
      id: reviews.id,
      stars: reviews.stars,
      comment: reviews.comment,
      customerName: reviews.customerName,
      erasedAt: reviews.erasedAt,
      createdAt: reviews.createdAt,
      stageName: journeyStages.name,
    })
    .from(reviews)
    .leftJoin(journeyStages, and(eq(journeyStages.tenantId, reviews.tenantId), eq(journeyStages.id, reviews.stageId)))
    .where(where)
    .orderBy(desc(reviews.createdAt), desc(reviews.id))
    .limit(limit);
}

/** Featured, consented, not spam: what may appear on the public page. */
const showable = (db: TenantDb) =>
  and(eq(reviews.tenantId, db.tenantId), eq(reviews.featured, true), eq(reviews.testimonialConsent, true), ne(reviews.status, 'spam'));

/**
 * What the public page shows of `db`'s business: the newest featured reviews (at most `limit`) and
 * the honesty figures. A business suspended by a platform admin: `suspended`, and no review is read.
 */
export async function loadTestimonialPage(db: TenantDb, opts: { limit?: number } = {}): Promise<TestimonialPageData | null> {
  const limit = Math.min(Math.max(1, Math.trunc(opts.limit ?? TESTIMONIAL_PAGE_LIMIT)), TESTIMONIAL_PAGE_LIMIT);
  const [business] = await db.tx
    .select({ name: tenants.name, timeZone: tenants.timeZone, defaultLocale: tenants.defaultLocale, suspendedAt: tenants.suspendedAt })
    .from(tenants)
    .where(eq(tenants.id, db.tenantId));
  if (!business) return null;
  const { suspendedAt, ...shown } = business;
  if (suspendedAt) return { businessName: shown.name, timeZone: shown.timeZone, defaultLocale: shown.defaultLocale, testimonials: [], totalReviews: 0, averageStars: null, suspended: true };
  const [rows, [stats]] = await Promise.all([
    testimonialRows(db, showable(db), limit),
    db.tx
      .select({ n: sql<number>`count(*)::int`, avg: sql<string | null>`avg(${reviews.stars})::text` })
      .from(reviews)
      .where(and(eq(reviews.tenantId, db.tenantId), ne(reviews.status, 'spam'))),
  ]);
  const total = Number(stats?.n ?? 0);
  return {
    businessName: business.name,
    timeZone: business.timeZone,
    defaultLocale: business.defaultLocale,
    testimonials: rows.map((r) => ({
      id: r.id,
      stars: r.stars,
      comment: r.erasedAt ? '' : r.comment,
      name: publicDisplayName(r.customerName, r.erasedAt !== null),
      stageName: r.stageName,
      createdAt: r.createdAt,
    })),
    totalReviews: total,
    averageStars: total && stats?.avg != null ? Math.round(Number(stats.avg) * 10) / 10 : null,
    suspended: false,
  };
}

/** For the owner's page: how many reviews are featured, and how many more the customers allowed (not spam, not featured yet). */
export async function testimonialCounts(db: TenantDb): Promise<{ featured: number; featurable: number }> {
  const [row] = await db.tx
    .select({
      featured: sql<number>`count(*) filter (where ${reviews.featured})::int`,
      featurable: sql<number>`count(*) filter (where not ${reviews.featured})::int`,
    })
    .from(reviews)
    .where(and(eq(reviews.tenantId, db.tenantId), eq(reviews.testimonialConsent, true), ne(reviews.status, 'spam')));
  return { featured: Number(row?.featured ?? 0), featurable: Number(row?.featurable ?? 0) };
}

/** The newest reviews the owner may still feature (consented, not spam, not featured): for "feature more". */
export async function testimonialCandidates(db: TenantDb, limit = 5): Promise<PublicTestimonial[]> {
  const rows = await testimonialRows(
    db,
    and(eq(reviews.tenantId, db.tenantId), eq(reviews.testimonialConsent, true), eq(reviews.featured, false), ne(reviews.status, 'spam')),
    Math.min(Math.max(1, limit), 50),
  );
  return rows.map((r) => ({ id: r.id, stars: r.stars, comment: r.comment, name: publicDisplayName(r.customerName, r.erasedAt !== null), stageName: r.stageName, createdAt: r.createdAt }));
}
