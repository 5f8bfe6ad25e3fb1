/**
 * Review links and the customer's review (issue 9): one review per submission key however many
 * times it arrives, every bad input refused with a translated message, closed links refuse, a
 * business's link never writes into another, contact details only with consent, spam kept as spam.
 * The listing, featuring and erasure of the inbox are in reviews-inbox.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, reviewLinkRoutes, reviewLinks, reviews } from '@/db/schema';
import { AppError, NotFoundError } from '@/lib/core/errors';
import { inTenant, withPlatform, withTenant, type TenantDb } from '@/lib/core/tenancy';
import { createJourney, getJourney } from '@/lib/journeys/queries';
import { createReviewLink, getReviewLink, listReviewLinks, setReviewLinkActive, updateReviewLink } from '@/lib/reviews/links';
import { endOfDayIn, reviewLinkInputSchema, reviewSubmissionSchema, type ReviewSubmission } from '@/lib/reviews/model';
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
