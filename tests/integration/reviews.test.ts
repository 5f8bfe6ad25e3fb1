/**
 * Review links and the customer's review (issue 9): one review per submission key however many
 * times it arrives, every bad input refused with a translated message, closed links refuse, a
 * business's link never writes into another, contact details only with consent, spam kept as spam.
 * The listing, featuring and erasure of the inbox are in reviews-inbox.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { auditLog, rateLimitEvents, reviewLinkRoutes, reviewLinks, reviews, tenants } from '@/db/schema';
import { AppError, NotFoundError } from '@/lib/core/errors';
import { inTenant, withPlatform, withTenant, type TenantDb } from '@/lib/core/tenancy';
import { createJourney, getJourney } from '@/lib/journeys/queries';
import { createReviewLink, getReviewLink, listReviewLinks, setReviewLinkActive, updateReviewLink } from '@/lib/reviews/links';
import { endOfDayIn, reviewLinkInputSchema, reviewSubmissionSchema, type ReviewSubmission } from '@/lib/reviews/model';
import { sniffImageType } from '@/lib/images/images';
import { limitKey, takeHit, type Limit } from '@/lib/rate-limit/limiter';
import { limits } from '@/lib/rate-limit/limits';
import { storeReviewWithinLimits } from '@/lib/reviews/page/intake';
import { getReviewLogo, postReview } from '@/lib/reviews/page/serve';
import { counterKey, newFormToken } from '@/lib/reviews/page/token';
import { loadPublicReviewLink, recordReviewLinkOpen, routeReviewSlug, submitReview } from '@/lib/reviews/public';
import { hashSlug } from '@/lib/reviews/slug';
import { makeTenant } from '../support/factory';

type Who = { tenantId: string; userId: string };

async function business(name = 'Bengkel Uji') {
  const t = await makeTenant(`${name} ${randomUUID().slice(0, 6)}`);
  return { tenantId: t.id, userId: t.owner.id } satisfies Who;
}

async function journey(ctx: Who) {
  return inTenant(ctx, async (db) => {
    const { id } = await createJourney(db, { name: 'Servis mobil', model: 'three_stage', stageNames: { pre_purchase: 'Sebelum', purchase: 'Servis', post_purchase: 'Sesudah' } });
    const { stages } = await getJourney(db, id);
    return { journeyId: id, stageIds: stages.map((s) => s.id!) };
  });
}

const linkForm = (j: { journeyId: string; stageIds: string[] }, over: Record<string, unknown> = {}) =>
  reviewLinkInputSchema.parse({ journeyId: j.journeyId, stageId: j.stageIds[1], touchpoint: 'QR di kasir', title: 'Bagaimana servis kami?', thankYou: 'Terima kasih!', askNps: 'on', askComment: 'on', askContact: 'on', askTestimonial: 'on', ...over });

async function link(ctx: Who, over: Record<string, unknown> = {}) {
  const j = await journey(ctx);
  const made = await inTenant(ctx, (db) => createReviewLink(db, linkForm(j, over)));
  return { ...made, ...j };
}

const visitor = (tenantId: string): Who => ({ tenantId, userId: '' });
const form = (raw: Record<string, unknown>): ReviewSubmission => reviewSubmissionSchema.parse(raw);
const submit = (tenantId: string, linkId: string, input: ReviewSubmission, meta: Partial<{ key: string; spamReason: string | null }> = {}) =>
  inTenant(visitor(tenantId), (db: TenantDb) => submitReview(db, linkId, input, { key: meta.key ?? randomUUID(), locale: 'id', spamReason: meta.spamReason ?? null }));

const reviewsOf = (tenantId: string) => withTenant(tenantId, (tx) => tx.select().from(reviews).where(eq(reviews.tenantId, tenantId)));
const linkRow = (tenantId: string, id: string) =>
  withTenant(tenantId, async (tx) => (await tx.select().from(reviewLinks).where(and(eq(reviewLinks.tenantId, tenantId), eq(reviewLinks.id, id))))[0]!);

async function failure(p: Promise<unknown>) {
  return p.then(
    () => undefined,
    (e: unknown) => e,
  );
}

/** The field → message keys a refused form answers with. */
function refusal(raw: Record<string, unknown>) {
  const r = reviewSubmissionSchema.safeParse(raw);
  expect(r.success, JSON.stringify(raw)).toBe(false);
  return Object.fromEntries((r.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));
}

describe('review links', () => {
  it('are made for a stage of the business’s own journey, with a short slug routed to the business', async () => {
    const ctx = await business();
    const l = await link(ctx);
    expect(l.slug).toMatch(/^[a-z2-9]{9}$/);
    expect(await routeReviewSlug(l.slug.toUpperCase().replace(/(...)(...)/, '$1-$2 '))).toEqual({ tenantId: ctx.tenantId, linkId: l.id });
    const [route] = await withPlatform((tx) => tx.select().from(reviewLinkRoutes).where(eq(reviewLinkRoutes.slugHash, hashSlug(l.slug))));
    expect(route).toMatchObject({ tenantId: ctx.tenantId, linkId: l.id });

    const detail = await inTenant(ctx, (db) => getReviewLink(db, l.id));
    expect(detail).toMatchObject({ title: 'Bagaimana servis kami?', touchpoint: 'QR di kasir', journeyName: 'Servis mobil', stageName: 'Servis', askNps: true, active: true, expiresAt: null, openedCount: 0, submittedCount: 0 });
    const list = await inTenant(ctx, (db) => listReviewLinks(db, { journeyId: l.journeyId }));
    expect(list.map((r) => r.id)).toEqual([l.id]);
    const audits = await withTenant(ctx.tenantId, (tx) => tx.select().from(auditLog).where(and(eq(auditLog.tenantId, ctx.tenantId), eq(auditLog.targetId, l.id))));
    expect(audits.map((a) => a.action)).toEqual(['review_link.created']);

    // Another journey's stage, or a journey of another business: NotFound, nothing made.
    const other = await journey(ctx);
    expect(await failure(inTenant(ctx, (db) => createReviewLink(db, { ...linkForm(other), stageId: l.stageIds[0]! })))).toBeInstanceOf(NotFoundError);
    const stranger = await business('Salon Lain');
    expect(await failure(inTenant(stranger, (db) => createReviewLink(db, linkForm(other))))).toBeInstanceOf(NotFoundError);
    expect(await inTenant(stranger, (db) => listReviewLinks(db))).toEqual([]);
    expect(await failure(inTenant(stranger, (db) => getReviewLink(db, l.id)))).toBeInstanceOf(NotFoundError);
    expect(await failure(inTenant(stranger, (db) => setReviewLinkActive(db, l.id, false)))).toBeInstanceOf(NotFoundError);
    expect(await failure(inTenant(stranger, (db) => updateReviewLink(db, l.id, linkForm(other))))).toBeInstanceOf(NotFoundError);
  });

  it('expire at the end of the chosen day in the business’s time zone, and count visits', async () => {
    const ctx = await business();
    const l = await link(ctx, { expiresAt: '2031-03-15', googleMapsUrl: 'https://maps.app.goo.gl/abc123' });
    const row = await linkRow(ctx.tenantId, l.id);
    expect(row.expiresAt?.toISOString()).toBe('2031-03-15T16:59:59.999Z'); // 23:59:59.999 WIB
    expect(endOfDayIn('2031-03-15', 'Asia/Jayapura').toISOString()).toBe('2031-03-15T14:59:59.999Z');
    expect(row.googleMapsUrl).toBe('https://maps.app.goo.gl/abc123');
    await inTenant(visitor(ctx.tenantId), (db) => recordReviewLinkOpen(db, l.id));
    await inTenant(visitor(ctx.tenantId), (db) => recordReviewLinkOpen(db, l.id));
    expect((await linkRow(ctx.tenantId, l.id)).openedCount).toBe(2);
    const page = await inTenant(visitor(ctx.tenantId), (db) => loadPublicReviewLink(db, l.id));
    expect(page).toMatchObject({ state: 'open', linkId: l.id, slug: l.slug, stageName: 'Servis', businessName: expect.stringContaining('Bengkel Uji'), logoVersion: null, timeZone: 'Asia/Jakarta' });
  });
});

describe('a customer’s review', () => {
  it('is stored once for 50 parallel posts with one key, and every answer names that review', async () => {
    const ctx = await business();
    const l = await link(ctx);
    const key = randomUUID();
    const input = form({ stars: '5', nps: '9', comment: 'Mantap, cepat bgt' });
    const answers = await Promise.all(Array.from({ length: 50 }, () => submit(ctx.tenantId, l.id, input, { key })));
    const rows = await reviewsOf(ctx.tenantId);
    expect(rows).toHaveLength(1);
    expect(new Set(answers.map((a) => a.reviewId))).toEqual(new Set([rows[0]!.id]));
    expect(answers.filter((a) => !a.duplicate)).toHaveLength(1);
    expect((await linkRow(ctx.tenantId, l.id)).submittedCount).toBe(1);
    expect(rows[0]).toMatchObject({ linkId: l.id, journeyId: l.journeyId, stageId: l.stageIds[1], touchpoint: 'QR di kasir', stars: 5, nps: 9, comment: 'Mantap, cepat bgt', status: 'new', submissionKey: key });
  });

  it('refuses every kind of bad input with a translated message', () => {
    const stars = 'review_page:errors.stars_required';
    for (const bad of [{}, { stars: '' }, { stars: '0' }, { stars: '6' }, { stars: 'x' }, { stars: '4.5' }, { stars: ['4', '5'] }, { stars: -1 }]) expect(refusal(bad).stars).toBe(stars);
    for (const nps of ['11', '-1', '7.5', 'sepuluh', '100']) expect(refusal({ stars: '4', nps }).nps).toBe('review_page:errors.nps_range');
    expect(refusal({ stars: '4', comment: 'a'.repeat(2001) }).comment).toBe('review_page:errors.comment_too_long');
    expect(refusal({ stars: '4', name: 'n'.repeat(81), contactConsent: 'on' }).name).toBe('review_page:errors.name_too_long');
    expect(refusal({ stars: '4', comment: 'bagus\u0000' }).comment).toBe('review_page:errors.bad_text');
    expect(refusal({ stars: '4', comment: 'lone \uD800 surrogate' }).comment).toBe('review_page:errors.bad_text');
    expect(refusal({ stars: '4', name: 'Sa\u0000ri', contactConsent: 'on' }).name).toBe('review_page:errors.bad_text');
    expect(refusal({ stars: '4', comment: { $gt: '' } }).comment).toBe('review_page:errors.bad_text');
    for (const whatsapp of ['021 123 4567', '+1 415 555 0100', '0812', 'nol delapan', '0812\u0000345678']) {
      expect(refusal({ stars: '4', whatsapp, contactConsent: 'on' }).whatsapp, whatsapp).toBe('review_page:errors.whatsapp_invalid');
    }
    // Contact details without the consent box: the message sits on the box, alongside the others.
    expect(refusal({ stars: '4', name: 'Sari' })).toEqual({ contactConsent: 'review_page:errors.contact_consent_required' });
    expect(refusal({ stars: '4', whatsapp: '0812 3456 7890' })).toEqual({ contactConsent: 'review_page:errors.contact_consent_required' });
    expect(refusal({ stars: '9', name: 'Sari' })).toEqual({ stars, contactConsent: 'review_page:errors.contact_consent_required' });
    // What is fine: trimmed, skipped NPS is null (never 0), the number in wa.me form.
    expect(form({ stars: ' 3 ', nps: '', comment: '  antri lama  ', name: ' Sari ', whatsapp: '0812-3456-7890', contactConsent: 'on', testimonialConsent: 'on' })).toEqual({
      stars: 3, nps: null, comment: 'antri lama', name: 'Sari', whatsapp: '6281234567890', contactConsent: true, testimonialConsent: true,
    });
    expect(form({ stars: '1', nps: '0' })).toMatchObject({ stars: 1, nps: 0, comment: '', name: null, whatsapp: null, contactConsent: false });
  });

  it('is refused by a link that is off or expired (unless that very key already went through), and a malformed key', async () => {
    const ctx = await business();
    const l = await link(ctx);
    const key = randomUUID();
    const first = await submit(ctx.tenantId, l.id, form({ stars: '4' }), { key });
    await inTenant(ctx, (db) => setReviewLinkActive(db, l.id, false));
    expect((await inTenant(visitor(ctx.tenantId), (db) => loadPublicReviewLink(db, l.id)))?.state).toBe('inactive');
    const closed = await failure(submit(ctx.tenantId, l.id, form({ stars: '4' })));
    expect(closed).toBeInstanceOf(AppError);
    expect((closed as AppError).key).toBe('review_page:errors.closed');
    expect(await submit(ctx.tenantId, l.id, form({ stars: '4' }), { key })).toEqual({ reviewId: first.reviewId, duplicate: true });

    const expired = await link(ctx, { expiresAt: '2020-01-31' });
    expect((await inTenant(visitor(ctx.tenantId), (db) => loadPublicReviewLink(db, expired.id)))?.state).toBe('expired');
    expect(((await failure(submit(ctx.tenantId, expired.id, form({ stars: '5' })))) as AppError).key).toBe('review_page:errors.closed');

    const open = await link(ctx);
    expect(((await failure(submit(ctx.tenantId, open.id, form({ stars: '5' }), { key: 'not-a-key' }))) as AppError).key).toBe('review_page:errors.form_expired');
    expect(await reviewsOf(ctx.tenantId)).toHaveLength(1);
    expect((await linkRow(ctx.tenantId, l.id)).submittedCount).toBe(1);
  });

  it('never crosses businesses: A’s link inside B is NotFound and writes nothing; A’s slug never routes to B', async () => {
    const a = await business('Bengkel A');
    const b = await business('Salon B');
    const la = await link(a);
    const lb = await link(b);
    expect(await failure(submit(b.tenantId, la.id, form({ stars: '1', comment: 'salah alamat' })))).toBeInstanceOf(NotFoundError);
    expect(await failure(submit(b.tenantId, 'not-a-uuid', form({ stars: '1' })))).toBeInstanceOf(NotFoundError);
    expect(await inTenant(visitor(b.tenantId), (db) => loadPublicReviewLink(db, la.id))).toBeNull();
    await inTenant(visitor(b.tenantId), (db) => recordReviewLinkOpen(db, la.id));
    expect(await reviewsOf(a.tenantId)).toEqual([]);
    expect(await reviewsOf(b.tenantId)).toEqual([]);
    expect(await linkRow(a.tenantId, la.id)).toMatchObject({ openedCount: 0, submittedCount: 0 });
    expect(await linkRow(b.tenantId, lb.id)).toMatchObject({ openedCount: 0, submittedCount: 0 });

    expect(await routeReviewSlug(la.slug)).toEqual({ tenantId: a.tenantId, linkId: la.id });
    expect(await routeReviewSlug(lb.slug)).toEqual({ tenantId: b.tenantId, linkId: lb.id });
    for (const miss of ['', 'zzzzzzzzz', '../etc/passwd', `${la.slug}x`, 'demo-nothing-here']) expect(await routeReviewSlug(miss), miss).toBeNull();
    // One key in two businesses is two reviews: keys are per business.
    const key = randomUUID();
    await submit(a.tenantId, la.id, form({ stars: '5' }), { key });
    await submit(b.tenantId, lb.id, form({ stars: '2' }), { key });
    expect((await reviewsOf(a.tenantId)).map((r) => r.stars)).toEqual([5]);
    expect((await reviewsOf(b.tenantId)).map((r) => r.stars)).toEqual([2]);
  });

  it('keeps contact details only with consent, and only what the link asks', async () => {
    const ctx = await business();
    const l = await link(ctx);
    await submit(ctx.tenantId, l.id, form({ stars: '5', name: 'Sari', whatsapp: '+62 812 3456 7890', contactConsent: 'on', testimonialConsent: 'on' }));
    const plain = await link(ctx, { askNps: undefined, askComment: undefined, askContact: undefined, askTestimonial: undefined });
    await submit(ctx.tenantId, plain.id, form({ stars: '3', nps: '8', comment: 'tidak ditanya', name: 'Budi', whatsapp: '081298765432', contactConsent: 'on', testimonialConsent: 'on' }));
    const rows = await reviewsOf(ctx.tenantId);
    expect(rows.find((r) => r.linkId === l.id)).toMatchObject({ customerName: 'Sari', customerWhatsapp: '6281234567890', contactConsent: true, testimonialConsent: true });
    expect(rows.find((r) => r.linkId === plain.id)).toMatchObject({ stars: 3, nps: null, comment: '', customerName: null, customerWhatsapp: null, contactConsent: false, testimonialConsent: false });

    // The table refuses contact details without consent, and featuring without testimonial consent.
    const base = { tenantId: ctx.tenantId, linkId: l.id, journeyId: l.journeyId, stageId: l.stageIds[1]!, stars: 4 };
    const insert = (values: Partial<typeof reviews.$inferInsert>) =>
      failure(withTenant(ctx.tenantId, (tx) => tx.insert(reviews).values({ ...base, submissionKey: randomUUID(), ...values })));
    const code = (e: unknown) => {
      for (let x = e as { code?: string; cause?: unknown } | undefined; x; x = x.cause as typeof x) if (x.code) return x.code;
      return undefined;
    };
    expect(code(await insert({ customerName: 'Tanpa Izin' }))).toBe('23514');
    expect(code(await insert({ customerWhatsapp: '6281234567890' }))).toBe('23514');
    expect(code(await insert({ featured: true }))).toBe('23514');
    expect(code(await insert({ stars: 6 }))).toBe('23514');
    expect(code(await insert({ nps: 11 }))).toBe('23514');
    expect(await reviewsOf(ctx.tenantId)).toHaveLength(2);
  });

  it('suspected spam is stored as spam with its reason, never dropped', async () => {
    const ctx = await business();
    const l = await link(ctx);
    const r = await submit(ctx.tenantId, l.id, form({ stars: '5', comment: 'promo slot gacor' }), { spamReason: 'honeypot' });
    const [row] = await reviewsOf(ctx.tenantId);
    expect(row).toMatchObject({ id: r.reviewId, status: 'spam', spamReason: 'honeypot', comment: 'promo slot gacor' });
    expect((await linkRow(ctx.tenantId, l.id)).submittedCount).toBe(1);
  });
});

/** A client address of its own for each test (per-address limits live in the shared database). */
const someAddress = () => `2001:db8:${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}::1`;

/** The form as the page posts it: a key and render time of ours, signed, rendered long enough ago. */
function pageForm(over: Record<string, string> = {}) {
  const token = newFormToken(Date.now() - 10_000);
  return { key: token.key, t: token.renderedAt, sig: token.sig, website: '', stars: '4', comment: 'Servisnya rapi', ...over };
}

/** POST /r/<slug> as the server hands it to the app (the client's address in X-Forwarded-For). */
function postPage(slug: string, fields: Record<string, string>, ip: string, query = 'lang=id') {
  return postReview(
    new Request(`http://localhost/r/${slug}?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip },
      body: new URLSearchParams(fields).toString(),
    }),
    slug,
  );
}

/** How many events a limit holds for this subject. */
async function hitsOf(limit: Limit, subject: string): Promise<number> {
  const rows = await withPlatform((tx) =>
    tx.select({ id: rateLimitEvents.id }).from(rateLimitEvents).where(and(eq(rateLimitEvents.bucket, limit.bucket), eq(rateLimitEvents.key, limitKey(subject, limit)))),
  );
  return rows.length;
}

describe('the review page’s intake: the key before the limits, the hits in the review’s transaction', () => {
  it('answers a retry of a stored review with the same thank-you even from an address over its limit, taking no hit', async () => {
    const ctx = await business();
    const l = await link(ctx);
    const ip = someAddress();
    const fields = pageForm({ comment: 'Dikirim dua kali' });
    const first = await postPage(l.slug, fields, ip);
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe(`/r/${l.slug}/thanks?lang=id`);
    // A committed review has its hits.
    expect(await hitsOf(limits.reviewSubmitPerAddress, ip)).toBe(1);
    expect(await hitsOf(limits.reviewSubmitPerLink, l.id)).toBe(1);

    // The address uses up its limit (a busy counter, a shared connection).
    while ((await takeHit(limits.reviewSubmitPerAddress, ip)).allowed);
    const full = await hitsOf(limits.reviewSubmitPerAddress, ip);
    expect(full).toBe(limits.reviewSubmitPerAddress.max);

    const retry = await postPage(l.slug, fields, ip);
    expect(retry.status).toBe(303);
    expect(retry.headers.get('location')).toBe(first.headers.get('location'));
    expect(await hitsOf(limits.reviewSubmitPerAddress, ip)).toBe(full);
    expect(await hitsOf(limits.reviewSubmitPerLink, l.id)).toBe(1);

    // A new review from there waits its turn: refused, nothing stored, no hit left behind.
    const fresh = await postPage(l.slug, pageForm({ comment: 'Ulasan baru' }), ip);
    expect(fresh.status).toBe(429);
    expect(Number(fresh.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await hitsOf(limits.reviewSubmitPerLink, l.id)).toBe(1);
    const rows = await reviewsOf(ctx.tenantId);
    expect(rows.map((r) => [r.submissionKey, r.comment])).toEqual([[fields.key, 'Dikirim dua kali']]);

    // The link closes: the stored review's retry is still its thank-you, a new one is refused.
    await inTenant(ctx, (db) => setReviewLinkActive(db, l.id, false));
    expect((await postPage(l.slug, fields, someAddress())).status).toBe(303);
    expect((await postPage(l.slug, pageForm(), someAddress())).status).toBe(410);
    expect(await reviewsOf(ctx.tenantId)).toHaveLength(1);
  });

  it('counts a counter tablet (the owner’s counter address, its key checked) against the link’s counter limit, not the address’s', async () => {
    const ctx = await business();
    const l = await link(ctx);
    const other = await link(ctx);
    const ip = someAddress();
    while ((await takeHit(limits.reviewSubmitPerAddress, ip)).allowed);

    // The owner's counter address for this link: stored, counted on the counter limit only.
    const counter = `mode=counter&c=${counterKey(l.id)}&lang=id`;
    const ok = await postPage(l.slug, pageForm({ comment: 'Di kasir' }), ip, counter);
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/r/${l.slug}/thanks?${counter}`);
    expect(await hitsOf(limits.reviewSubmitPerCounter, l.id)).toBe(1);
    expect(await hitsOf(limits.reviewSubmitPerAddress, ip)).toBe(limits.reviewSubmitPerAddress.max);

    // Counter mode without the key, with a wrong one, or with another link's key: the address's limit.
    for (const query of ['mode=counter&lang=id', `mode=counter&c=${'x'.repeat(22)}&lang=id`, `mode=counter&c=${counterKey(other.id)}&lang=id`]) {
      const refused = await postPage(l.slug, pageForm({ comment: 'Bukan kasir' }), ip, query);
      expect(refused.status).toBe(429);
    }
    expect((await reviewsOf(ctx.tenantId)).map((r) => r.comment)).toEqual(['Di kasir']);
    expect(await hitsOf(limits.reviewSubmitPerCounter, l.id)).toBe(1);
  });

  it('stores 50 parallel posts of one key once, all answered with the thank-you, one hit per limit', async () => {
    const ctx = await business();
    const l = await link(ctx);
    const ip = someAddress();
    const fields = pageForm({ comment: 'Tombol ditekan berkali-kali' });
    const answers = await Promise.all(Array.from({ length: 50 }, () => postPage(l.slug, fields, ip)));
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 50 }, () => 303));
    expect(await reviewsOf(ctx.tenantId)).toHaveLength(1);
    expect(await hitsOf(limits.reviewSubmitPerAddress, ip)).toBe(1);
    expect(await hitsOf(limits.reviewSubmitPerLink, l.id)).toBe(1);
    expect((await linkRow(ctx.tenantId, l.id)).submittedCount).toBe(1);
  });

  it('takes the hits in the review’s own transaction: a review rolled back leaves no hit, a refusal none either', async () => {
    const ctx = await business();
    const l = await link(ctx);
    const ip = someAddress();
    const input = form({ stars: '3' });
    const meta = () => ({ key: randomUUID(), locale: 'id' as const, spamReason: null, ip });

    // The work after the review fails: the review and its hits roll back together.
    const boom = new Error('after the review');
    const failed = await failure(
      inTenant(visitor(ctx.tenantId), async (db) => {
        expect(await storeReviewWithinLimits(db, l.id, input, meta())).toEqual({ outcome: 'stored', reviewId: expect.any(String) as unknown });
        throw boom;
      }),
    );
    expect(failed).toBe(boom);
    expect(await reviewsOf(ctx.tenantId)).toEqual([]);
    expect(await hitsOf(limits.reviewSubmitPerAddress, ip)).toBe(0);
    expect(await hitsOf(limits.reviewSubmitPerLink, l.id)).toBe(0);

    // A link closed meanwhile refuses inside the transaction: no hit stays.
    await inTenant(ctx, (db) => setReviewLinkActive(db, l.id, false));
    const closed = await failure(inTenant(visitor(ctx.tenantId), (db) => storeReviewWithinLimits(db, l.id, input, meta())));
    expect((closed as AppError).key).toBe('review_page:errors.closed');
    expect(await hitsOf(limits.reviewSubmitPerAddress, ip)).toBe(0);
    expect(await hitsOf(limits.reviewSubmitPerLink, l.id)).toBe(0);

    // Committed: the review and exactly its hits.
    await inTenant(ctx, (db) => setReviewLinkActive(db, l.id, true));
    const stored = await inTenant(visitor(ctx.tenantId), (db) => storeReviewWithinLimits(db, l.id, input, meta()));
    expect(stored.outcome).toBe('stored');
    expect(await reviewsOf(ctx.tenantId)).toHaveLength(1);
    expect(await hitsOf(limits.reviewSubmitPerAddress, ip)).toBe(1);
    expect(await hitsOf(limits.reviewSubmitPerLink, l.id)).toBe(1);
  });
});

describe('the review page’s logo (GET /r/<slug>/logo?v=<version>)', () => {
  async function withLogo(tenantId: string, png: Buffer) {
    await withTenant(tenantId, (tx) =>
      tx.update(tenants).set({ logoUrl: `data:image/png;base64,${png.toString('base64')}`, updatedAt: new Date() }).where(eq(tenants.id, tenantId)),
    );
  }
  const get = (slug: string, query: string) => getReviewLogo(new Request(`http://localhost/r/${slug}/logo${query}`, { headers: { 'x-forwarded-for': someAddress() } }), slug);

  it('answers the business’s logo made small (WebP, at most 128 px), cached for good under its version; 404 otherwise', async () => {
    const ctx = await business();
    const l = await link(ctx);
    // No logo yet: nothing to serve, whatever the version.
    expect((await get(l.slug, '?v=1')).status).toBe(404);

    const big = await sharp({ create: { width: 900, height: 600, channels: 3, background: { r: 4, g: 120, b: 87 } } }).png().toBuffer();
    await withLogo(ctx.tenantId, big);
    const page = await inTenant(visitor(ctx.tenantId), (db) => loadPublicReviewLink(db, l.id));
    const version = page!.logoVersion!;
    expect(version).toMatch(/^\d+$/);

    const res = await get(l.slug, `?v=${version}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(sniffImageType(bytes)).toBe('image/webp');
    expect(bytes.length).toBeLessThan(big.length);
    expect(bytes.length).toBeLessThan(4 * 1024);
    const meta = await sharp(bytes).metadata();
    expect(Math.max(meta.width, meta.height)).toBeLessThanOrEqual(128);

    // A wrong, missing or old version, an unknown slug: 404, never cached for good.
    for (const q of ['?v=1', '', `?v=${version}0`]) {
      const miss = await get(l.slug, q);
      expect(miss.status, q).toBe(404);
      expect(miss.headers.get('cache-control'), q).toBe('no-store');
    }
    expect((await get('zzzzzzzzz', `?v=${version}`)).status).toBe(404);
    // Another business's link never serves this logo.
    const other = await business('Salon Lain');
    const lo = await link(other);
    expect((await get(lo.slug, `?v=${version}`)).status).toBe(404);
  });
});
