/**
 * Plan limits (issue 12, item 5), on both databases: only the admin door sets a business's plan,
 * limits and notes (the app role reads its own plan and limits, never the notes, and can write
 * none of it: migration 0016), each change audited with the reason typed in the same transaction;
 * the app enforces the limits in the transaction of the write — a review link beyond the limit is
 * refused to the owner with the limit in the message; a review beyond the monthly limit (the month
 * of the business's time zone) is refused to the customer (403, a polite page) and nothing is
 * stored — and writes racing for the last place store exactly the limit.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, ne, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows, withOwnerDatabase } from '@/db/client';
import { businessPlans, platformAudit, reviewLinks, reviews, tenants } from '@/db/schema';
import { withAdmin, type AdminActor } from '@/lib/admin/door';
import { limitsAuditMeta, planLimitsInput, planOf, setPlanLimits, type PlanLimitsInput } from '@/lib/admin/limits';
import { AppError, NotFoundError } from '@/lib/core/errors';
import { inTenant, withTenant, type TenantDb } from '@/lib/core/tenancy';
import { createJourney, getJourney } from '@/lib/journeys/queries';
import { createReviewLink } from '@/lib/reviews/links';
import { reviewLinkInputSchema, reviewSubmissionSchema } from '@/lib/reviews/model';
import { getReviewPage, postReview } from '@/lib/reviews/page/serve';
import { newFormToken } from '@/lib/reviews/page/token';
import { monthlyReviewLimitError, planLimitsIn, reviewLinkAllowance, reviewLinkLimitError, reviewsThisMonth } from '@/lib/reviews/plan-limits';
import { submitReview } from '@/lib/reviews/public';
import { verifiedAdmin } from '../support/admin';
import { makeTenant } from '../support/factory';
import { attempt, DENIED } from '../support/sql-attempt';

async function failure(p: Promise<unknown>) {
  return p.then(
    () => undefined,
    (e: unknown) => e,
  );
}

const someAddress = () => `2001:db8:${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}::3`;

const limitsOf = (over: Partial<PlanLimitsInput>) =>
  planLimitsInput.parse({ tenantId: randomUUID(), plan: '', maxReviewLinks: '', maxReviewsPerMonth: '', notes: '', limitsReason: 'Paket sesuai kontrak', ...over });

const setLimits = (actor: AdminActor, tenantId: string, over: { plan?: string; maxReviewLinks?: string; maxReviewsPerMonth?: string; notes?: string; reason?: string }) => {
  const { reason, ...rest } = over;
  const input = limitsOf({ ...rest, ...(reason === undefined ? {} : { limitsReason: reason }), tenantId } as Partial<PlanLimitsInput>);
  return withAdmin(actor, { action: 'business.limits_changed', reason: { typed: input.limitsReason }, tenantId, meta: limitsAuditMeta(input) }, (db) => setPlanLimits(db, tenantId, input));
};

/** A business with its owner and one review link. */
async function shop(timeZone: 'Asia/Jakarta' | 'Asia/Jayapura' = 'Asia/Jakarta') {
  const t = await makeTenant(`Kedai Batas ${randomUUID().slice(0, 6)}`);
  if (timeZone !== 'Asia/Jakarta') await withTenant(t.id, (tx) => tx.update(tenants).set({ timeZone, updatedAt: new Date() }).where(eq(tenants.id, t.id)));
  const ctx = { tenantId: t.id, userId: t.owner.id };
  const journey = await inTenant(ctx, async (db) => {
    const { id } = await createJourney(db, { name: 'Ngopi', model: 'three_stage', stageNames: { pre_purchase: 'Sebelum', purchase: 'Beli', post_purchase: 'Sesudah' } });
    return { id, stages: (await getJourney(db, id)).stages };
  });
  const linkInput = reviewLinkInputSchema.parse({ journeyId: journey.id, stageId: journey.stages[1]!.id, touchpoint: '', title: 'Bagaimana kopinya?', thankYou: 'Terima kasih!', askComment: 'on' });
  const link = await inTenant(ctx, (db) => createReviewLink(db, linkInput));
  return { ...t, ctx, link, linkInput };
}

const visitor = (tenantId: string) => ({ tenantId, userId: '' });
const review = reviewSubmissionSchema.parse({ stars: '5', comment: 'Mantap' });
const submit = (tenantId: string, linkId: string, key: string = randomUUID(), spamReason: string | null = null) =>
  inTenant(visitor(tenantId), (db: TenantDb) => submitReview(db, linkId, review, { key, locale: 'id', spamReason }));
const storedReviews = (tenantId: string) =>
  withTenant(tenantId, async (tx) => (await tx.select({ id: reviews.id }).from(reviews).where(and(eq(reviews.tenantId, tenantId), ne(reviews.status, 'spam')))).length);
const linkCount = (tenantId: string) => withTenant(tenantId, async (tx) => (await tx.select({ id: reviewLinks.id }).from(reviewLinks).where(eq(reviewLinks.tenantId, tenantId))).length);

function pageForm() {
  const token = newFormToken(Date.now() - 10_000);
  return { key: token.key, t: token.renderedAt, sig: token.sig, website: '', stars: '4', comment: 'Kopinya enak' };
}
const getPage = (slug: string) => getReviewPage(new Request(`http://localhost/r/${slug}?lang=id`, { headers: { 'x-forwarded-for': someAddress() } }), slug);
const postPage = (slug: string, lang: 'id' | 'en' = 'id') =>
  postReview(
    new Request(`http://localhost/r/${slug}?lang=${lang}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': someAddress() },
      body: new URLSearchParams(pageForm()).toString(),
    }),
    slug,
  );

// Opening (and migrating) the database is the slow part of a file's first test on a busy machine.
beforeAll(async () => {
  await verifiedAdmin();
}, 120_000);

describe('plan limits: who may change them', () => {
  it('the app role reads its plan and limits but cannot write them, nor read the notes; the admin door can', async () => {
    const s = await makeTenant('Warung Kolom Batas');
    const admin = await verifiedAdmin();
    await setLimits(admin, s.id, { plan: 'Gratis', maxReviewLinks: '3', notes: 'Catatan rahasia admin' });
    const codes = await withTenant(s.id, async (tx) => ({
      read: await attempt(tx, sql`select plan, max_review_links, max_reviews_per_month from business_plans where tenant_id = ${s.id}`),
      notes: await attempt(tx, sql`select notes from business_plans where tenant_id = ${s.id}`),
      star: await attempt(tx, sql`select * from business_plans where tenant_id = ${s.id}`),
      raise: await attempt(tx, sql`update business_plans set max_review_links = 1000 where tenant_id = ${s.id}`),
      lift: await attempt(tx, sql`update business_plans set max_reviews_per_month = null where tenant_id = ${s.id}`),
      remove: await attempt(tx, sql`delete from business_plans where tenant_id = ${s.id}`),
      insert: await attempt(tx, sql`insert into business_plans (tenant_id, max_review_links) values (${s.id}, 99)`),
    }));
    expect(codes).toEqual({ read: 'ok', notes: DENIED, star: DENIED, raise: DENIED, lift: DENIED, remove: DENIED, insert: DENIED });
    // …and another business's plan is invisible to it (row-level security).
    const other = await makeTenant('Warung Lain Batas');
    expect(await inTenant(visitor(other.id), (db) => planLimitsIn(db))).toEqual({ plan: null, maxReviewLinks: null, maxReviewsPerMonth: null });
    expect(await inTenant(visitor(s.id), (db) => planLimitsIn(db))).toEqual({ plan: 'Gratis', maxReviewLinks: 3, maxReviewsPerMonth: null });
    // The door's own role may write them (and reads the notes).
    const door = await withAdmin(admin, { action: 'business.viewed', reason: 'view', tenantId: s.id }, async (db) => ({
      raise: await attempt(db.tx, sql`update business_plans set max_review_links = 4 where tenant_id = ${s.id}`),
      notes: await attempt(db.tx, sql`select notes from business_plans where tenant_id = ${s.id}`),
      tenantName: await attempt(db.tx, sql`update tenants set name = 'Diubah admin' where id = ${s.id}`),
    }));
    expect(door).toEqual({ raise: 'ok', notes: 'ok', tenantName: DENIED });
  });

  it('a change is audited with the reason typed and the new limits, in the same transaction; bad input and unknown businesses change nothing', async () => {
    const s = await makeTenant('Warung Audit Batas');
    const admin = await verifiedAdmin();
    const auditOf = () =>
      withOwnerDatabase((db) => db.select().from(platformAudit).where(and(eq(platformAudit.actorUserId, admin.userId), eq(platformAudit.action, 'business.limits_changed'))).orderBy(platformAudit.createdAt));

    // The form's parsing: empty is no limit; dots and spaces of thousands are fine; anything else is refused.
    expect(limitsOf({ maxReviewLinks: '', maxReviewsPerMonth: '1.000' } as never)).toMatchObject({ maxReviewLinks: null, maxReviewsPerMonth: 1000 });
    for (const bad of ['-1', 'abc', '1,5', '2.5e3', '99999999999']) {
      const parsed = planLimitsInput.safeParse({ tenantId: s.id, maxReviewLinks: bad, limitsReason: 'Paket sesuai kontrak' });
      expect(parsed.success, bad).toBe(false);
      expect(parsed.error!.issues[0]!.message).toBe('validation.limit_range');
    }
    expect(planLimitsInput.safeParse({ tenantId: s.id, limitsReason: 'abc' }).error!.issues[0]!.message).toBe('validation.reason_short');

    expect(await failure(setLimits(admin, randomUUID(), { maxReviewLinks: '3' }))).toBeInstanceOf(NotFoundError);
    // The door checks the reason too, whatever the form did.
    const valid = limitsOf({ tenantId: s.id, maxReviewLinks: '3' } as never);
    expect(
      await failure(withAdmin(admin, { action: 'business.limits_changed', reason: { typed: ' ab ' }, tenantId: s.id, meta: limitsAuditMeta(valid) }, (db) => setPlanLimits(db, s.id, valid))),
    ).toMatchObject({ key: 'validation.reason_short' });
    expect(await inTenant(visitor(s.id), (db) => planLimitsIn(db))).toEqual({ plan: null, maxReviewLinks: null, maxReviewsPerMonth: null });
    expect(await auditOf()).toEqual([]);

    expect(await setLimits(admin, s.id, { plan: ' Pro ', maxReviewLinks: '10', maxReviewsPerMonth: '500', notes: 'Bayar tahunan', reason: '  Naik ke paket Pro  ' })).toMatchObject({
      changed: true,
      after: { plan: 'Pro', maxReviewLinks: 10, maxReviewsPerMonth: 500, notes: 'Bayar tahunan' },
    });
    expect(await setLimits(admin, s.id, { plan: 'Pro', maxReviewLinks: '10', maxReviewsPerMonth: '500', notes: 'Bayar tahunan' })).toMatchObject({ changed: false });
    const rows = await auditOf();
    expect(rows.map((r) => [r.reason, r.targetTenantId, r.ip, r.meta])).toEqual([
      ['Naik ke paket Pro', s.id, '203.0.113.7', { plan: 'Pro', maxReviewLinks: 10, maxReviewsPerMonth: 500, notes: true }],
      ['Paket sesuai kontrak', s.id, '203.0.113.7', { plan: 'Pro', maxReviewLinks: 10, maxReviewsPerMonth: 500, notes: true }],
    ]);
    const view = await withAdmin(admin, { action: 'business.viewed', reason: 'view', tenantId: s.id }, (db) => planOf(db, s.id));
    expect(view).toMatchObject({ plan: 'Pro', maxReviewLinks: 10, maxReviewsPerMonth: 500, notes: 'Bayar tahunan', updatedAt: expect.any(Date), usage: { reviewLinks: 0, reviewsThisMonth: 0 } });

    // Work that fails leaves neither the change nor its entry.
    await failure(
      withAdmin(admin, { action: 'business.limits_changed', reason: { typed: 'Akan dibatalkan' }, tenantId: s.id }, async (db) => {
        await setPlanLimits(db, s.id, { plan: '', maxReviewLinks: 1, maxReviewsPerMonth: 1, notes: '' });
        throw new Error('boom');
      }),
    );
    expect(await auditOf()).toHaveLength(2);
    expect(await inTenant(visitor(s.id), (db) => planLimitsIn(db))).toEqual({ plan: 'Pro', maxReviewLinks: 10, maxReviewsPerMonth: 500 });

    // Emptied: no limits again.
    await setLimits(admin, s.id, {});
    expect(await inTenant(visitor(s.id), (db) => planLimitsIn(db))).toEqual({ plan: null, maxReviewLinks: null, maxReviewsPerMonth: null });
  });
});

describe('plan limits: the review-link limit', () => {
  it('refuses the owner a link beyond the limit, with the limit; the page shows the use; lifting it lets them make links again', async () => {
    const s = await shop();
    const admin = await verifiedAdmin();
    await setLimits(admin, s.id, { maxReviewLinks: '2' });
    expect(await inTenant(s.ctx, (db) => reviewLinkAllowance(db))).toEqual({ max: 2, used: 1 });
    await inTenant(s.ctx, (db) => createReviewLink(db, s.linkInput));
    expect(await inTenant(s.ctx, (db) => reviewLinkAllowance(db))).toEqual({ max: 2, used: 2 });
    const refused = await failure(inTenant(s.ctx, (db) => createReviewLink(db, s.linkInput)));
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ key: reviewLinkLimitError, opts: { params: { max: 2 } } });
    expect(await linkCount(s.id)).toBe(2);
    // Nothing half-written: no route claimed for the refused link either.
    const routes = await withOwnerDatabase((db) => queryRows<{ n: number }>(db, sql`select count(*)::int as n from review_link_routes where tenant_id = ${s.id}`));
    expect(Number(routes[0]!.n)).toBe(2);

    await setLimits(admin, s.id, { maxReviewLinks: '' });
    expect(await inTenant(s.ctx, (db) => reviewLinkAllowance(db))).toEqual({ max: null, used: 0 });
    await inTenant(s.ctx, (db) => createReviewLink(db, s.linkInput));
    expect(await linkCount(s.id)).toBe(3);
  });

  it('of links created at once at the limit, exactly the limit are stored', async () => {
    const s = await shop();
    const admin = await verifiedAdmin();
    await setLimits(admin, s.id, { maxReviewLinks: '3' });
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => inTenant(s.ctx, (db) => createReviewLink(db, s.linkInput))));
    const refused = results.filter((r) => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect(refused.every((r) => (r as PromiseRejectedResult).reason instanceof AppError && (r as PromiseRejectedResult).reason.key === reviewLinkLimitError)).toBe(true);
    expect(await linkCount(s.id)).toBe(3);
  });
});

describe('plan limits: the monthly review limit', () => {
  it('refuses a review beyond the limit and stores nothing; a retry of a stored review is still that review; spam does not count', async () => {
    const s = await shop();
    const admin = await verifiedAdmin();
    await setLimits(admin, s.id, { maxReviewsPerMonth: '2' });
    await submit(s.id, s.link.id, randomUUID(), 'honeypot'); // spam: stored as spam, not counted
    const firstKey = randomUUID();
    expect(await submit(s.id, s.link.id, firstKey)).toMatchObject({ duplicate: false });
    expect(await submit(s.id, s.link.id)).toMatchObject({ duplicate: false });
    expect(await storedReviews(s.id)).toBe(2);
    expect(await failure(submit(s.id, s.link.id))).toMatchObject({ key: monthlyReviewLimitError });
    expect(await failure(submit(s.id, s.link.id, randomUUID(), 'too_fast'))).toMatchObject({ key: monthlyReviewLimitError });
    expect(await storedReviews(s.id)).toBe(2);
    // The same form sent again (a double tap after the limit was reached): the same review, no refusal.
    expect(await submit(s.id, s.link.id, firstKey)).toMatchObject({ duplicate: true });
    const link = await withTenant(s.id, async (tx) => (await tx.select({ n: reviewLinks.submittedCount }).from(reviewLinks).where(and(eq(reviewLinks.tenantId, s.id), eq(reviewLinks.id, s.link.id))))[0]!);
    expect(link.n).toBe(3); // two reviews and the spam one; the refused ones are not counted
    const view = await withAdmin(admin, { action: 'business.viewed', reason: 'view', tenantId: s.id }, (db) => planOf(db, s.id));
    expect(view.usage).toEqual({ reviewLinks: 1, reviewsThisMonth: 2 });

    await setLimits(admin, s.id, { maxReviewsPerMonth: '3' });
    expect(await submit(s.id, s.link.id)).toMatchObject({ duplicate: false });
    expect(await storedReviews(s.id)).toBe(3);
  });

  it('counts the calendar month of the business’s own time zone', async () => {
    const s = await shop('Asia/Jayapura'); // UTC+9
    const admin = await verifiedAdmin();
    const keys = [randomUUID(), randomUUID(), randomUUID()];
    for (const key of keys) await submit(s.id, s.link.id, key);
    // One review a minute before this month began in Jayapura, one a minute after; the third now.
    await withOwnerDatabase(async (db) => {
      const start = sql`(date_trunc('month', now() at time zone 'Asia/Jayapura') at time zone 'Asia/Jayapura')`;
      await db.execute(sql`update reviews set created_at = ${start} - interval '1 minute' where tenant_id = ${s.id} and submission_key = ${keys[0]}`);
      await db.execute(sql`update reviews set created_at = ${start} + interval '1 minute' where tenant_id = ${s.id} and submission_key = ${keys[1]}`);
    });
    expect(await inTenant(visitor(s.id), (db) => reviewsThisMonth(db))).toBe(2);
    await setLimits(admin, s.id, { maxReviewsPerMonth: '3' });
    expect(await submit(s.id, s.link.id)).toMatchObject({ duplicate: false });
    expect(await failure(submit(s.id, s.link.id))).toMatchObject({ key: monthlyReviewLimitError });
    expect(await storedReviews(s.id)).toBe(4); // three this month, one last month
  });

  it('of reviews sent at once for the last places, exactly the limit are stored', async () => {
    const s = await shop();
    const admin = await verifiedAdmin();
    await submit(s.id, s.link.id);
    await setLimits(admin, s.id, { maxReviewsPerMonth: '3' });
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => submit(s.id, s.link.id)));
    const stored = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    console.log(`[admin-limits] 8 concurrent reviews at limit 3 (1 stored before): ${stored.length} stored, ${refused.length} refused`);
    expect(stored).toHaveLength(2);
    expect(refused.every((r) => r.reason instanceof AppError && r.reason.key === monthlyReviewLimitError)).toBe(true);
    expect(await storedReviews(s.id)).toBe(3);
  });

  it('the public page says so politely (403, both languages, no form) and a posted review is refused with nothing stored; lifting the limit restores it', async () => {
    const s = await shop();
    const admin = await verifiedAdmin();
    await setLimits(admin, s.id, { maxReviewsPerMonth: '1' });
    expect((await getPage(s.link.slug)).status).toBe(200);
    expect((await postPage(s.link.slug)).status).toBe(303);
    expect(await storedReviews(s.id)).toBe(1);

    const page = await getPage(s.link.slug);
    expect(page.status).toBe(403);
    const html = await page.text();
    expect(html).toContain('Belum bisa menerima ulasan');
    expect(html).toContain(s.name);
    expect(html).not.toContain('<form');
    const posted = await postPage(s.link.slug, 'en');
    expect(posted.status).toBe(403);
    const en = await posted.text();
    expect(en).toContain('Not taking reviews right now');
    expect(en).not.toContain('<form');
    expect(await storedReviews(s.id)).toBe(1);

    await setLimits(admin, s.id, { maxReviewsPerMonth: '' });
    expect((await getPage(s.link.slug)).status).toBe(200);
    expect((await postPage(s.link.slug)).status).toBe(303);
    expect(await storedReviews(s.id)).toBe(2);
    // The plan row stays (no limits), readable by the owner's business only.
    const rows = await withOwnerDatabase((db) => db.select({ t: businessPlans.tenantId }).from(businessPlans).where(eq(businessPlans.tenantId, s.id)));
    expect(rows).toHaveLength(1);
  });
});
