import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { journeyStages, memberships, reviewLinkRoutes, reviewLinks, reviews, tenants, testimonialPages, users } from '@/db/schema';
import { demo, demoReviewPath, demoSharePath, demoTestimonialPath, seed } from '@/lib/demo/seed';
import { bengkelReviewPlan, kopiReviewPlan } from '@/lib/demo/seed-reviews';
import { hashSlug, normalizeSlug } from '@/lib/reviews/slug';
import { resolveShareLink } from '@/lib/journeys/sharing';
import { getJourney, listVersions } from '@/lib/journeys/queries';
import { loadTestimonialPage, routeTestimonialSlug } from '@/lib/reviews/testimonials';
import { env } from '@/lib/core/env';
import { inTenant, withPlatform, withTenant } from '@/lib/core/tenancy';

describe('demo seed', () => {
  it('puts the demo businesses and accounts in place, and running it again changes nothing', async () => {
    await seed();
    await seed();
    const bengkel = await withTenant(demo.bengkel.tenant.id, async (tx) => ({
      tenant: await tx.select().from(tenants),
      members: await tx.select().from(memberships),
    }));
    expect(bengkel.tenant.map((t) => t.name)).toEqual(['Bengkel Maju Jaya']);
    expect(bengkel.members.map((m) => m.role).sort()).toEqual(['owner', 'staff']);
    const admins = await withPlatform((tx) => tx.select({ isPlatformAdmin: users.isPlatformAdmin }).from(users).where(eq(users.email, demo.admin.email)));
    expect(admins).toHaveLength(1);
    expect(admins[0]?.isPlatformAdmin).toBe(true);
  });

  it('gives Bengkel Maju Jaya a persona, a journey from the bengkel template with two versions, and a working share link', async () => {
    await seed();
    const ctx = { tenantId: demo.bengkel.tenant.id, userId: demo.bengkel.owner.id };
    const { journey, stages, versions } = await inTenant(ctx, async (db) => ({
      ...(await getJourney(db, demo.bengkel.journeyId)),
      versions: await listVersions(db, demo.bengkel.journeyId),
    }));
    expect(journey.personaId).toBe(demo.bengkel.personaId);
    expect(journey.templateKey).toBe('bengkel');
    expect(stages.length).toBeGreaterThanOrEqual(5);
    expect(stages.every((s) => s.lanes.touchpoints.length > 0 && s.lanes.painPoints.length > 0)).toBe(true);
    expect(versions.map((v) => v.number).sort()).toEqual([1, 2]);
    // Opened as the share page opens it: an anonymous visitor in the link's business.
    const shared = await inTenant({ tenantId: demo.bengkel.tenant.id, userId: '' }, (db) => resolveShareLink(db, demo.bengkel.shareLink.token));
    expect(shared?.doc.name).toBe(journey.name);
    expect(demoSharePath).toBe(`/share/${demo.bengkel.tenant.id}/${demo.bengkel.shareLink.token}`);
  });

  it('gives both businesses review links, routed by slug, and a few hundred reviews that tell the map it is wrong about the purchase stage', async () => {
    await seed();
    const load = (tenantId: string) =>
      withTenant(tenantId, async (tx) => ({
        links: await tx.select().from(reviewLinks).where(eq(reviewLinks.tenantId, tenantId)),
        reviews: await tx.select().from(reviews).where(eq(reviews.tenantId, tenantId)),
        stages: await tx.select().from(journeyStages).where(eq(journeyStages.tenantId, tenantId)),
      }));
    const bengkel = await load(demo.bengkel.tenant.id);
    const kopi = await load(demo.kopi.tenant.id);
    const routes = await withPlatform((tx) => tx.select().from(reviewLinkRoutes));

    // demo-bengkel routes to Bengkel's purchase-stage link.
    expect(normalizeSlug('Demo-Bengkel')).toBe('demo-bengkel');
    expect(demoReviewPath).toBe('/r/demo-bengkel');
    const route = routes.find((r) => r.slugHash === hashSlug('demo-bengkel'));
    expect(route).toMatchObject({ tenantId: demo.bengkel.tenant.id, linkId: demo.bengkel.reviewLink.id });
    const purchase = bengkel.stages.find((s) => s.journeyId === demo.bengkel.journeyId && s.stageKey === 'purchase')!;
    const consideration = bengkel.stages.find((s) => s.journeyId === demo.bengkel.journeyId && s.stageKey === 'consideration')!;
    const demoLink = bengkel.links.find((l) => l.id === demo.bengkel.reviewLink.id)!;
    expect(demoLink).toMatchObject({ slug: 'demo-bengkel', journeyId: demo.bengkel.journeyId, stageId: purchase.id, active: true });

    for (const [shop, data, plan] of [
      [demo.bengkel, bengkel, bengkelReviewPlan],
      [demo.kopi, kopi, kopiReviewPlan],
    ] as const) {
      expect(data.links.map((l) => l.id).sort()).toEqual(plan.links.map((l) => l.id).sort());
      for (const link of data.links) {
        // Every link is routed to its own business; generated slugs read back as themselves.
        expect(routes.find((r) => r.slugHash === hashSlug(link.slug))).toMatchObject({ tenantId: shop.tenant.id, linkId: link.id });
        expect(normalizeSlug(link.slug)).toBe(link.slug);
        const via = data.reviews.filter((r) => r.linkId === link.id);
        expect(link.submittedCount).toBe(via.length);
        expect(link.openedCount).toBeGreaterThan(link.submittedCount);
        expect(via.every((r) => r.stageId === link.stageId && r.touchpoint === link.touchpoint)).toBe(true);
        if (!link.askNps) expect(via.every((r) => r.nps === null)).toBe(true);
        if (!link.askContact) expect(via.every((r) => !r.contactConsent)).toBe(true);
      }
      // No contact data without consent, featured only with consent, spam always with a reason.
      expect(data.reviews.filter((r) => (r.customerName !== null || r.customerWhatsapp !== null) && !r.contactConsent)).toEqual([]);
      expect(data.reviews.filter((r) => r.contactConsent).every((r) => r.customerName && /^628\d{8,11}$/.test(r.customerWhatsapp ?? ''))).toBe(true);
      const featured = data.reviews.filter((r) => r.featured);
      expect(featured.length).toBeGreaterThanOrEqual(2);
      expect(featured.every((r) => r.testimonialConsent)).toBe(true);
      const spam = data.reviews.filter((r) => r.status === 'spam');
      expect(spam.length).toBeGreaterThan(0);
      expect(spam.every((r) => !!r.spamReason)).toBe(true);
      expect(data.reviews.some((r) => r.status === 'read')).toBe(true);
      // NPS on about half, the rest skipped (null, never a stand-in 0).
      const withNps = data.reviews.filter((r) => r.nps !== null).length;
      expect(withNps).toBeGreaterThan(data.reviews.length * 0.3);
      expect(withNps).toBeLessThan(data.reviews.length * 0.7);
      expect(data.reviews.some((r) => r.comment === '')).toBe(true);
      // Spread over the last ~6 months, none in the future.
      const times = data.reviews.map((r) => r.createdAt.getTime());
      expect(Math.max(...times)).toBeLessThanOrEqual(Date.now());
      expect(Math.min(...times)).toBeLessThan(Date.now() - 120 * 86_400_000);
    }

    expect(bengkel.reviews.length + kopi.reviews.length).toBeGreaterThanOrEqual(300);
    expect(bengkel.reviews.length).toBeGreaterThanOrEqual(200);
    const average = (stageId: string) => {
      const rated = bengkel.reviews.filter((r) => r.stageId === stageId && r.status !== 'spam');
      return rated.reduce((sum, r) => sum + r.stars, 0) / rated.length;
    };
    // The story: the map says the purchase stage feels great, customers say otherwise.
    expect(purchase.emotionScore).toBe(2);
    expect(average(purchase.id)).toBeLessThan(3.2);
    expect(consideration.emotionScore).toBe(-2);
    expect(average(consideration.id)).toBeGreaterThan(3.5);

    // Seeding again adds nothing and changes no count.
    await seed();
    const again = await load(demo.bengkel.tenant.id);
    const kopiAgain = await load(demo.kopi.tenant.id);
    expect(again.reviews.length).toBe(bengkel.reviews.length);
    expect(kopiAgain.reviews.length).toBe(kopi.reviews.length);
    expect(again.links.map((l) => [l.id, l.openedCount, l.submittedCount]).sort()).toEqual(bengkel.links.map((l) => [l.id, l.openedCount, l.submittedCount]).sort());
    expect(await withPlatform((tx) => tx.select().from(reviewLinkRoutes))).toHaveLength(routes.length);
    expect(
      await withTenant(demo.bengkel.tenant.id, (tx) =>
        tx.select({ id: reviews.id }).from(reviews).where(and(eq(reviews.tenantId, demo.bengkel.tenant.id), eq(reviews.featured, true))),
      ),
    ).toHaveLength(bengkel.reviews.filter((r) => r.featured).length);
  });

  it('gives Bengkel Maju Jaya a testimonial page in Indonesian with an honest mix of featured reviews', async () => {
    await seed();
    expect(demoTestimonialPath).toBe('/t/bengkel-maju-jaya');
    expect(await routeTestimonialSlug('bengkel-maju-jaya')).toEqual({ tenantId: demo.bengkel.tenant.id, slug: 'bengkel-maju-jaya' });
    const visitor = { tenantId: demo.bengkel.tenant.id, userId: '' };
    const page = (await inTenant(visitor, (db) => loadTestimonialPage(db)))!;
    expect(page).toMatchObject({ businessName: 'Bengkel Maju Jaya', defaultLocale: 'id' });
    // 6–10 featured, not only five stars, some with a (shortened) name, never a number.
    expect(page.testimonials.length).toBeGreaterThanOrEqual(6);
    expect(page.testimonials.length).toBeLessThanOrEqual(10);
    expect(new Set(page.testimonials.map((r) => r.stars)).size).toBeGreaterThanOrEqual(2);
    expect(page.testimonials.some((r) => r.stars < 5)).toBe(true);
    expect(page.testimonials.every((r) => r.comment.length > 0)).toBe(true);
    expect(page.testimonials.some((r) => r.name && /^\p{L}+ \p{Lu}\.$/u.test(r.name))).toBe(true);
    expect(JSON.stringify(page)).not.toMatch(/628\d{8}/);
    // More consented reviews wait in the inbox to be featured; the honesty line counts all reviews.
    const rows = await withTenant(demo.bengkel.tenant.id, (tx) => tx.select().from(reviews).where(eq(reviews.tenantId, demo.bengkel.tenant.id)));
    expect(rows.filter((r) => r.testimonialConsent && !r.featured && r.status !== 'spam').length).toBeGreaterThanOrEqual(3);
    const counted = rows.filter((r) => r.status !== 'spam');
    expect(page.totalReviews).toBe(counted.length);
    expect(page.averageStars).toBe(Math.round((counted.reduce((sum, r) => sum + r.stars, 0) / counted.length) * 10) / 10);
    // Kedai Kopi Senja has no page and follows the customer's browser.
    const kopi = (await inTenant({ tenantId: demo.kopi.tenant.id, userId: '' }, (db) => loadTestimonialPage(db)))!;
    expect(kopi.defaultLocale).toBeNull();
    expect(await withPlatform((tx) => tx.select().from(testimonialPages).where(eq(testimonialPages.tenantId, demo.kopi.tenant.id)))).toEqual([]);
  });

  it('refuses to run in production unless ALLOW_SEED=1', async () => {
    const saved = { ...env };
    try {
      Object.assign(env, { NODE_ENV: 'production', ALLOW_SEED: '0' });
      await expect(seed()).rejects.toThrow(/ALLOW_SEED=1/);
    } finally {
      Object.assign(env, saved);
    }
  });
});
