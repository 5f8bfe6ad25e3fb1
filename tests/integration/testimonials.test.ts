/**
 * The testimonial page (issue 9, item 6): a business claims, renames and removes its address
 * (rules, reserved words, an address another business holds, two claims at once), no business can
 * touch another's page (the code and row-level security), and the page shows only featured,
 * consented, non-spam reviews with a first name or initial at most — never a WhatsApp number,
 * nothing of an erased review — under an honesty line whose figures equal a recount. The route
 * handler answers 404 for an unknown slug, its own policies, and the business's language.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, reviews, testimonialPages } from '@/db/schema';
import { AppError } from '@/lib/core/errors';
import { inTenant, withTenant } from '@/lib/core/tenancy';
import { createJourney, getJourney } from '@/lib/journeys/queries';
import { eraseReviewContact, setReviewFeatured } from '@/lib/reviews/inbox';
import { createReviewLink } from '@/lib/reviews/links';
import { reviewLinkInputSchema, reviewSubmissionSchema } from '@/lib/reviews/model';
import { getTestimonialPage as serveTestimonialPage, renderTestimonialPage } from '@/lib/reviews/page/testimonials';
import { submitReview } from '@/lib/reviews/public';
import {
  claimTestimonialPage,
  getTestimonialPage,
  loadTestimonialPage,
  removeTestimonialPage,
  routeTestimonialSlug,
  testimonialCandidates,
  testimonialCounts,
} from '@/lib/reviews/testimonials';
import { getTenant, updateTenant } from '@/lib/team/team';
import { makeTenant } from '../support/factory';

type Who = { tenantId: string; userId: string };

async function business(name = 'Bengkel Uji') {
  const t = await makeTenant(`${name} ${randomUUID().slice(0, 6)}`);
  return { tenantId: t.id, userId: t.owner.id } satisfies Who;
}

/** A slug no other test (or run on the same database) holds. */
const fresh = (base: string) => `${base}-${randomUUID().slice(0, 8)}`;

async function failure(p: Promise<unknown>) {
  return p.then(
    () => undefined,
    (e: unknown) => e,
  );
}

const claim = (ctx: Who, slug: string) => inTenant(ctx, (db) => claimTestimonialPage(db, slug));
const pageOf = (ctx: Who) => inTenant(ctx, (db) => getTestimonialPage(db));

async function refusedWith(p: Promise<unknown>): Promise<{ key: string; field?: string }> {
  const err = await failure(p);
  expect(err).toBeInstanceOf(AppError);
  return { key: (err as AppError).key, field: (err as AppError).opts.field };
}

describe('the testimonial page address', () => {
  it('is normalised from what the owner types and keeps to its rules', async () => {
    const ctx = await business();
    const base = fresh('bengkel-maju');
    const typed = `  ${base.replace(/-/g, ' ').toUpperCase()}!! `;
    expect(await claim(ctx, typed)).toEqual({ slug: base.toLowerCase(), changed: true });
    expect(await pageOf(ctx)).toMatchObject({ slug: base.toLowerCase() });
    expect(await routeTestimonialSlug(base.toUpperCase())).toEqual({ tenantId: ctx.tenantId, slug: base.toLowerCase() });
    // Claiming it again changes nothing.
    expect(await claim(ctx, base)).toEqual({ slug: base.toLowerCase(), changed: false });

    const other = await business();
    expect(await refusedWith(claim(other, 'ab'))).toEqual({ key: 'testimonials:errors.slug_short', field: 'slug' });
    expect(await refusedWith(claim(other, ' - ! - '))).toEqual({ key: 'testimonials:errors.slug_short', field: 'slug' });
    expect(await refusedWith(claim(other, 'a'.repeat(41)))).toEqual({ key: 'testimonials:errors.slug_long', field: 'slug' });
    for (const word of ['admin', 'API', 'Jejak', 'login', 'sign-in']) {
      expect(await refusedWith(claim(other, word)), word).toEqual({ key: 'testimonials:errors.slug_reserved', field: 'slug' });
    }
    expect(await pageOf(other)).toBeNull();
    // Not a slug at all: no lookup.
    expect(await routeTestimonialSlug('../etc')).toBeNull();
    expect(await routeTestimonialSlug(fresh('tidak-ada'))).toBeNull();
  });

  it('taken by another business is refused on the field, and two claims at once give it to one', async () => {
    const a = await business();
    const b = await business();
    const slug = fresh('kopi-senja');
    await claim(a, slug);
    expect(await refusedWith(claim(b, slug))).toEqual({ key: 'testimonials:errors.slug_taken', field: 'slug' });
    expect(await pageOf(b)).toBeNull();
    expect(await routeTestimonialSlug(slug)).toMatchObject({ tenantId: a.tenantId });

    // B renaming onto A's address fails and leaves B's own page where it was (one transaction).
    const bSlug = fresh('kopi-pagi');
    await claim(b, bSlug);
    expect(await refusedWith(claim(b, slug))).toMatchObject({ key: 'testimonials:errors.slug_taken' });
    expect(await routeTestimonialSlug(bSlug)).toMatchObject({ tenantId: b.tenantId });
    expect(await routeTestimonialSlug(slug)).toMatchObject({ tenantId: a.tenantId });

    // A race: the primary key decides, exactly one wins, the other is told it is taken.
    const c = await business();
    const d = await business();
    const contested = fresh('rebutan');
    const results = await Promise.allSettled([claim(c, contested), claim(d, contested)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((lost.reason as AppError).key).toBe('testimonials:errors.slug_taken');
    const winner = (await routeTestimonialSlug(contested))!.tenantId;
    expect([c.tenantId, d.tenantId]).toContain(winner);
    expect(await pageOf(winner === c.tenantId ? d : c)).toBeNull();
  });

  it('moves to a new address (the old one is free again) and is removed, each audited', async () => {
    const ctx = await business();
    const first = fresh('warung-lama');
    const second = fresh('warung-baru');
    await claim(ctx, first);
    const created = (await pageOf(ctx))!.createdAt;
    expect(await claim(ctx, second)).toEqual({ slug: second, changed: true });
    expect(await routeTestimonialSlug(first)).toBeNull();
    expect(await routeTestimonialSlug(second)).toMatchObject({ tenantId: ctx.tenantId });
    expect((await pageOf(ctx))!.createdAt.getTime()).toBe(created.getTime());
    // The old address can be taken by someone else now.
    const other = await business();
    expect(await claim(other, first)).toMatchObject({ changed: true });

    expect(await inTenant(ctx, (db) => removeTestimonialPage(db))).toBe(true);
    expect(await inTenant(ctx, (db) => removeTestimonialPage(db))).toBe(false);
    expect(await pageOf(ctx)).toBeNull();
    expect(await routeTestimonialSlug(second)).toBeNull();
    expect(await routeTestimonialSlug(first)).toMatchObject({ tenantId: other.tenantId });

    const audits = await withTenant(ctx.tenantId, (tx) =>
      tx.select().from(auditLog).where(and(eq(auditLog.tenantId, ctx.tenantId), eq(auditLog.targetType, 'testimonial_page'))).orderBy(asc(auditLog.createdAt)),
    );
    expect(audits.map((a) => [a.action, a.meta])).toEqual([
      ['testimonial_page.claimed', { slug: first }],
      ['testimonial_page.renamed', { from: first, to: second }],
      ['testimonial_page.removed', { slug: second }],
    ]);
  });

  it('of another business cannot be renamed, removed or written by the code or past row-level security', async () => {
    const a = await business();
    const b = await business();
    const bSlug = fresh('milik-b');
    await claim(b, bSlug);
    // The code: A's remove and claim only ever touch A's own row.
    expect(await inTenant(a, (db) => removeTestimonialPage(db))).toBe(false);
    await claim(a, fresh('milik-a'));
    expect(await inTenant(a, (db) => removeTestimonialPage(db))).toBe(true);
    expect(await routeTestimonialSlug(bSlug)).toMatchObject({ tenantId: b.tenantId });

    // The database: as the app role inside A, B's row can be read (the page is public) but not changed.
    await withTenant(a.tenantId, async (tx) => {
      const [seen] = await tx.select().from(testimonialPages).where(eq(testimonialPages.slug, bSlug));
      expect(seen?.tenantId).toBe(b.tenantId);
      expect(await tx.update(testimonialPages).set({ slug: fresh('dibajak') }).where(eq(testimonialPages.slug, bSlug)).returning()).toEqual([]);
      expect(await tx.update(testimonialPages).set({ tenantId: a.tenantId }).where(eq(testimonialPages.slug, bSlug)).returning()).toEqual([]);
      expect(await tx.delete(testimonialPages).where(eq(testimonialPages.slug, bSlug)).returning()).toEqual([]);
    });
    // Nor can A insert a row in B's name.
    const forged = await failure(withTenant(a.tenantId, (tx) => tx.insert(testimonialPages).values({ slug: fresh('palsu'), tenantId: b.tenantId })));
    expect(String((forged as { cause?: { message?: string } })?.cause?.message ?? forged)).toMatch(/row-level security/);
    expect(await routeTestimonialSlug(bSlug)).toMatchObject({ tenantId: b.tenantId });
    expect(await pageOf(b)).toMatchObject({ slug: bSlug });
  });
});

describe('the testimonial page', () => {
  /** A business with one link asking everything, and reviews of every kind. */
  async function shop() {
    const ctx = await business('Bengkel Jujur');
    const linkId = await inTenant(ctx, async (db) => {
      const { id: journeyId } = await createJourney(db, { name: 'Servis', model: 'three_stage', stageNames: { pre_purchase: 'Cari', purchase: 'Servis', post_purchase: 'Kembali' } });
      const { stages } = await getJourney(db, journeyId);
      const l = await createReviewLink(
        db,
        reviewLinkInputSchema.parse({ journeyId, stageId: stages[1]!.id, title: 'Ulasan', askNps: 'on', askComment: 'on', askContact: 'on', askTestimonial: 'on' }),
      );
      return l.id;
    });
    let minute = 0;
    const add = async (raw: Record<string, unknown>, opts: { featured?: boolean; spam?: boolean } = {}) => {
      const { reviewId } = await inTenant({ tenantId: ctx.tenantId, userId: '' }, (db) =>
        submitReview(db, linkId, reviewSubmissionSchema.parse(raw), { key: randomUUID(), locale: 'id', spamReason: null }),
      );
      const at = new Date(Date.UTC(2026, 10, 1, 3, minute++));
      await withTenant(ctx.tenantId, (tx) => tx.update(reviews).set({ createdAt: at }).where(and(eq(reviews.tenantId, ctx.tenantId), eq(reviews.id, reviewId))));
      if (opts.featured) await inTenant(ctx, (db) => setReviewFeatured(db, reviewId, true));
      // Spam that was featured before (written directly: the inbox unfeatures what it marks spam).
      if (opts.spam) await withTenant(ctx.tenantId, (tx) => tx.update(reviews).set({ status: 'spam' }).where(and(eq(reviews.tenantId, ctx.tenantId), eq(reviews.id, reviewId))));
      return reviewId;
    };
    const consent = { testimonialConsent: 'on' };
    const id = {
      rina: await add({ stars: '5', comment: 'Mekaniknya jujur, harga sesuai estimasi', name: 'Rina Sari Dewi', whatsapp: '0812 3456 7890', contactConsent: 'on', ...consent }, { featured: true }),
      anon: await add({ stars: '3', comment: 'Lumayan, tapi antri lama', ...consent }, { featured: true }),
      agus: await add({ stars: '4', comment: 'Cepat', name: 'Agus', whatsapp: '081299998888', contactConsent: 'on', ...consent }, { featured: true }),
      notFeatured: await add({ stars: '5', comment: 'Mantap', ...consent }),
      spam: await add({ stars: '5', comment: 'SLOT GACOR', ...consent }, { featured: true, spam: true }),
      noConsent: await add({ stars: '1', comment: 'Mengecewakan', name: 'Budi', whatsapp: '081311112222', contactConsent: 'on' }),
      plain: await add({ stars: '2' }),
    };
    return { ctx, id };
  }

  it('shows only featured, consented, non-spam reviews, newest first, with a first name and initial at most', async () => {
    const { ctx, id } = await shop();
    const page = (await inTenant({ tenantId: ctx.tenantId, userId: '' }, (db) => loadTestimonialPage(db)))!;
    expect(page.testimonials.map((r) => r.id)).toEqual([id.agus, id.anon, id.rina]);
    expect(page.testimonials.map((r) => r.name)).toEqual(['Agus', null, 'Rina D.']);
    expect(page.testimonials.map((r) => r.stageName)).toEqual(['Servis', 'Servis', 'Servis']);
    expect(page.testimonials[2]).toMatchObject({ stars: 5, comment: 'Mekaniknya jujur, harga sesuai estimasi' });
    // Never contact details, never a full name, nothing of the reviews that may not be shown.
    const text = JSON.stringify(page);
    for (const secret of ['6281234567890', '3456', '6281299998888', 'Sari', 'Dewi', 'Budi', 'Mengecewakan', 'SLOT', 'Mantap']) expect(text).not.toContain(secret);
    expect(Object.keys(page.testimonials[0]!).sort()).toEqual(['comment', 'createdAt', 'id', 'name', 'stageName', 'stars']);

    // The honesty figures equal a recount of every review that is not spam.
    const all = await withTenant(ctx.tenantId, (tx) => tx.select({ stars: reviews.stars, status: reviews.status }).from(reviews).where(eq(reviews.tenantId, ctx.tenantId)));
    const counted = all.filter((r) => r.status !== 'spam');
    expect(page.totalReviews).toBe(counted.length);
    expect(page.totalReviews).toBe(6);
    expect(page.averageStars).toBe(Math.round((counted.reduce((s, r) => s + r.stars, 0) / counted.length) * 10) / 10);
    expect(page.averageStars).toBe(3.3);

    const html = renderTestimonialPage('id', 'bengkel-jujur', page, { embed: false });
    expect(html).toContain('Menampilkan 3 dari 6 ulasan; rata-rata semua ulasan 3,3 dari 5 bintang.');
    expect(html).toContain('Rina D.');
    for (const secret of ['6281234567890', 'Sari', 'Budi', 'SLOT']) expect(html).not.toContain(secret);
    expect(renderTestimonialPage('en', 'bengkel-jujur', page, { embed: false })).toContain('Showing 3 of 6 reviews; average of all reviews 3,3 out of 5 stars.');

    // The owner's side: counts and what may still be featured.
    expect(await inTenant(ctx, (db) => testimonialCounts(db))).toEqual({ featured: 3, featurable: 1 });
    expect((await inTenant(ctx, (db) => testimonialCandidates(db))).map((r) => r.id)).toEqual([id.notFeatured]);
    // A limit keeps the newest.
    expect((await inTenant(ctx, (db) => loadTestimonialPage(db, { limit: 2 })))!.testimonials.map((r) => r.id)).toEqual([id.agus, id.anon]);
  });

  it('shows nothing of an erased review, and another business’s featured reviews never', async () => {
    const { ctx, id } = await shop();
    await inTenant(ctx, (db) => eraseReviewContact(db, id.agus));
    const page = (await inTenant({ tenantId: ctx.tenantId, userId: '' }, (db) => loadTestimonialPage(db)))!;
    expect(page.testimonials.map((r) => r.id)).toEqual([id.anon, id.rina]);
    expect(JSON.stringify(page)).not.toContain('Agus');
    // Its anonymous score still counts.
    expect(page.totalReviews).toBe(6);

    const other = await shop();
    const mine = (await inTenant({ tenantId: ctx.tenantId, userId: '' }, (db) => loadTestimonialPage(db)))!;
    expect(mine.testimonials.map((r) => r.id)).toEqual([id.anon, id.rina]);
    expect(mine.testimonials.map((r) => r.id)).not.toContain(other.id.agus);
    expect(mine.totalReviews).toBe(6);
  });

  it('is served by its slug: 404 when unknown, its own policies, the business’s language before the browser’s', async () => {
    const { ctx } = await shop();
    const slug = fresh('bengkel-jujur');
    await claim(ctx, slug);
    const get = (path: string, headers: Record<string, string> = {}, embed = false) =>
      serveTestimonialPage(new Request(`http://jejak.test${path}`, { headers }), path.split('/')[2]!.split('?')[0]!, { embed });

    const res = await get(`/t/${slug.toUpperCase()}`, { 'accept-language': 'en-US,en;q=0.9' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('set-cookie')).toBeNull();
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/^default-src 'none'; script-src 'none'; style-src 'sha256-[^']+';/);
    expect(csp).toContain("frame-ancestors 'none'");
    const html = await res.text();
    // No default language chosen: the browser's.
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Showing 3 of 6 reviews');
    expect(html).not.toContain('<script');

    const embed = await get(`/t/${slug}/embed`, {}, true);
    expect(embed.status).toBe(200);
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *');
    const embedHtml = await embed.text();
    expect(embedHtml).toContain(`href="/t/${slug}?lang=id" target="_blank" rel="noopener"`);

    // The business chooses Indonesian: it wins over the browser; ?lang= wins over both.
    await inTenant(ctx, async (db) => {
      const t = await getTenant(db);
      await updateTenant(db, { name: t.name, businessType: t.businessType, city: t.city, timeZone: t.timeZone, defaultLocale: 'id' });
    });
    expect(await (await get(`/t/${slug}`, { 'accept-language': 'en' })).text()).toContain('Menampilkan 3 dari 6 ulasan');
    expect(await (await get(`/t/${slug}?lang=en`, { 'accept-language': 'en' })).text()).toContain('<html lang="en">');
    // updateTenant without the field leaves the choice as it was; null follows the browser again.
    await inTenant(ctx, async (db) => {
      const t = await getTenant(db);
      await updateTenant(db, { name: t.name, businessType: t.businessType, city: t.city, timeZone: t.timeZone });
    });
    expect((await inTenant(ctx, getTenant)).defaultLocale).toBe('id');
    await inTenant(ctx, async (db) => {
      const t = await getTenant(db);
      await updateTenant(db, { name: t.name, businessType: t.businessType, city: t.city, timeZone: t.timeZone, defaultLocale: null });
    });
    expect(await (await get(`/t/${slug}`, { 'accept-language': 'en' })).text()).toContain('<html lang="en">');

    const missing = await get(`/t/${fresh('tidak-ada')}`, { 'x-forwarded-for': '198.51.100.23' });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Halaman testimoni tidak ditemukan');
    // A business without a page: 404 as well.
    await inTenant(ctx, (db) => removeTestimonialPage(db));
    expect((await get(`/t/${slug}`)).status).toBe(404);
  });
});
