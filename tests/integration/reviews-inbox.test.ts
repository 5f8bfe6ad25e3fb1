/**
 * The owner's review inbox (issue 9): every filter does its work, pages follow each other without
 * repeats or gaps, spam is a view (restorable), featuring needs the customer's testimonial
 * consent, erasure clears the person and keeps the score, and nothing reaches another business.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, reviews } from '@/db/schema';
import { AppError, NotFoundError } from '@/lib/core/errors';
import { inTenant, withTenant } from '@/lib/core/tenancy';
import { createJourney, getJourney } from '@/lib/journeys/queries';
import { eraseReviewContact, listReviews, reviewCountsByStage, setReviewFeatured, setReviewNote, setReviewStatus, type ReviewFilter } from '@/lib/reviews/inbox';
import { createReviewLink } from '@/lib/reviews/links';
import { reviewLinkInputSchema, reviewSubmissionSchema } from '@/lib/reviews/model';
import { submitReview } from '@/lib/reviews/public';
import { makeTenant } from '../support/factory';

type Who = { tenantId: string; userId: string };

async function business(name = 'Kedai Uji') {
  const t = await makeTenant(`${name} ${randomUUID().slice(0, 6)}`);
  return { tenantId: t.id, userId: t.owner.id } satisfies Who;
}

/** A journey with two links (kasir on stage 1, WhatsApp on stage 2) asking everything. */
async function setup(ctx: Who) {
  return inTenant(ctx, async (db) => {
    const { id: journeyId } = await createJourney(db, { name: 'Ngopi', model: 'three_stage', stageNames: { pre_purchase: 'Cari', purchase: 'Pesan', post_purchase: 'Balik lagi' } });
    const { stages } = await getJourney(db, journeyId);
    const make = (stageId: string, touchpoint: string) =>
      createReviewLink(db, reviewLinkInputSchema.parse({ journeyId, stageId, touchpoint, title: 'Ulasan', askNps: 'on', askComment: 'on', askContact: 'on', askTestimonial: 'on' }));
    const kasir = await make(stages[1]!.id!, 'QR di kasir');
    const wa = await make(stages[2]!.id!, 'WhatsApp');
    return { journeyId, stageIds: stages.map((s) => s.id!), kasir: kasir.id, wa: wa.id };
  });
}

async function add(ctx: Who, linkId: string, raw: Record<string, unknown>, opts: { at?: string; spam?: string } = {}) {
  const { reviewId } = await inTenant({ tenantId: ctx.tenantId, userId: '' }, (db) =>
    submitReview(db, linkId, reviewSubmissionSchema.parse(raw), { key: randomUUID(), locale: 'id', spamReason: opts.spam ?? null }),
  );
  if (opts.at) {
    const at = new Date(opts.at);
    await withTenant(ctx.tenantId, (tx) => tx.update(reviews).set({ createdAt: at }).where(and(eq(reviews.tenantId, ctx.tenantId), eq(reviews.id, reviewId))));
  }
  return reviewId;
}

async function failure(p: Promise<unknown>) {
  return p.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('the review inbox', () => {
  let ctx: Who;
  let j: Awaited<ReturnType<typeof setup>>;
  const id: Record<string, string> = {};
  const list = (f: ReviewFilter = {}) => inTenant(ctx, (db) => listReviews(db, f));
  const names = async (f: ReviewFilter = {}) => (await list(f)).map((r) => Object.keys(id).find((k) => id[k] === r.id));

  beforeAll(async () => {
    ctx = await business();
    j = await setup(ctx);
    id.a = await add(ctx, j.kasir, { stars: '5', nps: '10', comment: 'Kopinya MANTAP, pelayanan ramah' }, { at: '2025-01-10T03:00:00Z' });
    id.b = await add(ctx, j.kasir, { stars: '2', nps: '3', comment: 'antri lama bgt' }, { at: '2025-02-10T03:00:00Z' });
    id.c = await add(ctx, j.wa, { stars: '4', nps: '8' }, { at: '2025-03-10T03:00:00Z' });
    id.d = await add(ctx, j.wa, { stars: '1', comment: 'Tidak ramah, 100% kecewa' }, { at: '2025-04-10T03:00:00Z' });
    id.e = await add(ctx, j.kasir, { stars: '5', comment: 'slot gacor klik sini' }, { at: '2025-05-10T03:00:00Z', spam: 'too_fast' });
    id.f = await add(ctx, j.wa, { stars: '5', nps: '9', comment: 'Recommended', name: 'Sari', whatsapp: '0812 3456 7890', contactConsent: 'on', testimonialConsent: 'on' }, { at: '2025-06-10T03:00:00Z' });
  });

  it('lists newest first with the link, stage and journey, and filters by each field', async () => {
    const all = await list();
    expect(all.map((r) => r.id)).toEqual([id.f, id.e, id.d, id.c, id.b, id.a]);
    expect(all[0]).toMatchObject({ linkTitle: 'Ulasan', stageName: 'Balik lagi', journeyName: 'Ngopi', touchpoint: 'WhatsApp', customerName: 'Sari', customerWhatsapp: '6281234567890' });
    expect(await names({ stars: 5 })).toEqual(['f', 'e', 'a']);
    expect(await names({ status: 'inbox' })).toEqual(['f', 'd', 'c', 'b', 'a']);
    expect(await names({ status: 'spam' })).toEqual(['e']);
    expect(await names({ status: 'new' })).toEqual(['f', 'd', 'c', 'b', 'a']);
    expect(await names({ hasComment: true })).toEqual(['f', 'e', 'd', 'b', 'a']);
    expect(await names({ hasComment: false })).toEqual(['c']);
    expect(await names({ npsGroup: 'promoter' })).toEqual(['f', 'a']);
    expect(await names({ npsGroup: 'passive' })).toEqual(['c']);
    expect(await names({ npsGroup: 'detractor' })).toEqual(['b']);
    expect(await names({ linkId: j.wa })).toEqual(['f', 'd', 'c']);
    expect(await names({ stageId: j.stageIds[1] })).toEqual(['e', 'b', 'a']);
    expect(await names({ journeyId: j.journeyId, stars: 1 })).toEqual(['d']);
    // Search in comments: case-insensitive, % and _ taken literally.
    expect(await names({ q: 'ramah' })).toEqual(['d', 'a']);
    expect(await names({ q: 'mantap' })).toEqual(['a']);
    expect(await names({ q: 'RECOMMENDED' })).toEqual(['f']);
    expect(await names({ q: '100%' })).toEqual(['d']);
    expect(await names({ q: '%' })).toEqual(['d']);
    expect(await names({ q: '_' })).toEqual([]);
    expect(await names({ q: '  ' })).toHaveLength(6);
    // Date range, both ends inclusive.
    expect(await names({ from: new Date('2025-02-10T03:00:00Z'), to: new Date('2025-04-10T03:00:00Z') })).toEqual(['d', 'c', 'b']);
    expect(await names({ from: new Date('2025-06-01T00:00:00Z') })).toEqual(['f']);
    expect(await names({ to: new Date('2025-01-31T00:00:00Z') })).toEqual(['a']);
    // A malformed id in a filter names nothing.
    expect(await failure(list({ linkId: 'nope' }))).toBeInstanceOf(NotFoundError);
  });

  it('filters by a dashboard comment theme and side, as the themes count them', async () => {
    // "tidak ramah" is d ("Tidak ramah"), not a ("pelayanan ramah"); casual spellings fold ("bgt" → banget).
    expect(await names({ theme: 'tidak ramah' })).toEqual(['d']);
    expect(await names({ theme: 'gak ramah' })).toEqual(['d']);
    expect(await names({ theme: 'ramah' })).toEqual(['d', 'a']);
    expect(await names({ theme: 'ramah', sentiment: 'positive' })).toEqual(['a']);
    expect(await names({ theme: 'ramah', sentiment: 'negative' })).toEqual(['d']);
    expect(await names({ theme: 'lama banget', sentiment: 'negative' })).toEqual(['b']);
    expect(await names({ sentiment: 'negative' })).toEqual(['d', 'b']);
    // Not a theme (only stopwords): not applied.
    expect(await names({ theme: 'yang dan', status: 'inbox' })).toHaveLength(5);
  });

  it('pages with a keyset cursor, without repeats or gaps, even with equal times', async () => {
    const other = await business();
    const o = await setup(other);
    const at = '2025-07-01T00:00:00.123456Z'; // microseconds: more precise than a JavaScript Date
    const ids = new Set<string>();
    for (let i = 0; i < 7; i++) ids.add(await add(other, o.kasir, { stars: String((i % 5) + 1) }, { at: i < 4 ? at : `2025-07-0${i}T00:00:00Z` }));
    // Give four of them the same microsecond time, as a burst at the counter would.
    await withTenant(other.tenantId, (tx) => tx.execute(`update reviews set created_at = '${at}' where tenant_id = '${other.tenantId}' and created_at >= '2025-07-01' and created_at < '2025-07-02'`));
    const seen: string[] = [];
    let before: ReviewFilter['before'];
    for (let page = 0; page < 10; page++) {
      const rows = await inTenant(other, (db) => listReviews(db, { limit: 3, before }));
      seen.push(...rows.map((r) => r.id));
      if (rows.length < 3) break;
      const last = rows[rows.length - 1]!;
      before = { createdAt: last.createdAt, id: last.id };
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(ids);
    const whole = (await inTenant(other, (db) => listReviews(db, { limit: 100 }))).map((r) => r.id);
    expect(seen).toEqual(whole);
  });

  it('marks read, hides as spam and restores, notes — never in another business', async () => {
    await inTenant(ctx, (db) => setReviewStatus(db, id.b!, 'read'));
    await inTenant(ctx, (db) => setReviewStatus(db, id.c!, 'spam'));
    expect(await names({ status: 'spam' })).toEqual(['e', 'c']);
    await inTenant(ctx, (db) => setReviewStatus(db, id.c!, 'new'));
    await inTenant(ctx, (db) => setReviewStatus(db, id.e!, 'read'));
    expect(await names({ status: 'spam' })).toEqual([]);
    expect(await names({ status: 'read' })).toEqual(['e', 'b']);
    await inTenant(ctx, (db) => setReviewNote(db, id.b!, '  Sudah ditelepon, minta maaf  '));
    expect((await list({ stars: 2 }))[0]!.note).toBe('Sudah ditelepon, minta maaf');
    expect(((await failure(inTenant(ctx, (db) => setReviewNote(db, id.b!, 'x'.repeat(2001))))) as AppError).key).toBe('validation.too_long');
    await inTenant(ctx, (db) => setReviewStatus(db, id.e!, 'spam'));

    const stranger = await business('Laundry Lain');
    for (const act of [
      (db: Parameters<typeof setReviewStatus>[0]) => setReviewStatus(db, id.a!, 'spam'),
      (db: Parameters<typeof setReviewStatus>[0]) => setReviewNote(db, id.a!, 'hack'),
      (db: Parameters<typeof setReviewStatus>[0]) => setReviewFeatured(db, id.f!, true),
      (db: Parameters<typeof setReviewStatus>[0]) => eraseReviewContact(db, id.f!),
    ]) {
      expect(await failure(inTenant(stranger, act))).toBeInstanceOf(NotFoundError);
    }
    expect(await inTenant(stranger, (db) => listReviews(db))).toEqual([]);
    expect(await inTenant(stranger, (db) => reviewCountsByStage(db, j.journeyId))).toEqual({});
    expect((await list()).find((r) => r.id === id.a)).toMatchObject({ status: 'new', note: '' });
  });

  it('features only with the customer’s testimonial consent, and never spam', async () => {
    const refused = await failure(inTenant(ctx, (db) => setReviewFeatured(db, id.a!, true)));
    expect((refused as AppError).key).toBe('reviews:errors.no_testimonial_consent');
    await inTenant(ctx, (db) => setReviewFeatured(db, id.f!, true));
    expect((await list({ stars: 5 })).find((r) => r.id === id.f)?.featured).toBe(true);
    // Hiding it as spam takes it off the testimonial page.
    await inTenant(ctx, (db) => setReviewStatus(db, id.f!, 'spam'));
    expect((await list({ status: 'spam' })).find((r) => r.id === id.f)?.featured).toBe(false);
    expect(((await failure(inTenant(ctx, (db) => setReviewFeatured(db, id.f!, true)))) as AppError).key).toBe('reviews:errors.spam_not_featured');
    await inTenant(ctx, (db) => setReviewStatus(db, id.f!, 'read'));
    await inTenant(ctx, (db) => setReviewFeatured(db, id.f!, true));
    const audits = await withTenant(ctx.tenantId, (tx) => tx.select().from(auditLog).where(and(eq(auditLog.tenantId, ctx.tenantId), eq(auditLog.targetId, id.f!))).orderBy(asc(auditLog.createdAt)));
    expect(audits.map((a) => a.action)).toEqual(['review.featured', 'review.status_changed', 'review.status_changed', 'review.featured']);
  });

  it('erases the customer’s personal data on request and keeps the anonymous score', async () => {
    await inTenant(ctx, (db) => setReviewNote(db, id.f!, 'Bu Sari, pelanggan tetap'));
    await inTenant(ctx, (db) => eraseReviewContact(db, id.f!));
    const [row] = await withTenant(ctx.tenantId, (tx) => tx.select().from(reviews).where(and(eq(reviews.tenantId, ctx.tenantId), eq(reviews.id, id.f!))));
    expect(row).toMatchObject({
      customerName: null, customerWhatsapp: null, contactConsent: false, testimonialConsent: false, featured: false, comment: '', note: '',
      stars: 5, nps: 9, linkId: j.wa, stageId: j.stageIds[2], touchpoint: 'WhatsApp', status: 'read',
    });
    expect(row!.erasedAt).toBeInstanceOf(Date);
    expect(row!.createdAt.toISOString()).toBe('2025-06-10T03:00:00.000Z');
    // The score still counts; the audit log names the act, not the person.
    expect(await inTenant(ctx, (db) => reviewCountsByStage(db, j.journeyId))).toEqual({ [j.stageIds[1]!]: 2, [j.stageIds[2]!]: 3 });
    const audits = await withTenant(ctx.tenantId, (tx) => tx.select().from(auditLog).where(and(eq(auditLog.tenantId, ctx.tenantId), eq(auditLog.action, 'review.erased'))));
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0]!.meta)).not.toMatch(/Sari|6281/);
  });
});
