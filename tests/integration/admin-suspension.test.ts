/**
 * Suspending and reactivating a business (issue 12, item 5), on both databases: only the admin door
 * may set or clear the suspension (the app role cannot, column privileges and a trigger: migration
 * 0014), each change is written to the platform audit log with the reason the admin typed, in the
 * same transaction; while suspended, the business is no membership of any session (its members
 * cannot sign in to it, existing sessions included; a member of another business works there), and
 * its public review link (page, POST, thanks, logo) and testimonial page (and embed) answer 503 with
 * Retry-After and take nothing; reactivation restores all of it.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { queryRows, withOwnerDatabase } from '@/db/client';
import { memberships, platformAudit, reviewLinks, reviews, tenants } from '@/db/schema';
import { listBusinesses, loadSessionUser } from '@/lib/accounts/accounts';
import { businessListQuery, getBusiness, listBusinesses as listForAdmin } from '@/lib/admin/businesses';
import { withAdmin, type AdminActor } from '@/lib/admin/door';
import { reactivateBusiness, suspendBusiness, suspensionOf } from '@/lib/admin/suspension';
import { checkSession, createUserSession } from '@/lib/auth/sessions';
import { NotFoundError } from '@/lib/core/errors';
import { inTenant, withTenant } from '@/lib/core/tenancy';
import { createJourney, getJourney } from '@/lib/journeys/queries';
import { createReviewLink } from '@/lib/reviews/links';
import { reviewLinkInputSchema, reviewSubmissionSchema } from '@/lib/reviews/model';
import { getReviewLogo, getReviewPage, getThanksPage, postReview } from '@/lib/reviews/page/serve';
import { getTestimonialPage } from '@/lib/reviews/page/testimonials';
import { newFormToken } from '@/lib/reviews/page/token';
import { BusinessSuspendedError, loadPublicReviewLink, submitReview } from '@/lib/reviews/public';
import { claimTestimonialPage } from '@/lib/reviews/testimonials';
import { verifiedAdmin } from '../support/admin';
import { attempt, DENIED } from '../support/sql-attempt';
import { makeTenant, makeUser } from '../support/factory';



async function failure(p: Promise<unknown>) {
  return p.then(
    () => undefined,
    (e: unknown) => e,
  );
}

const someAddress = () => `2001:db8:${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}::2`;

const suspend = (actor: AdminActor, tenantId: string, reason = 'Laporan penipuan dari pelanggan') =>
  withAdmin(actor, { action: 'business.suspended', reason: { typed: reason }, tenantId }, (db) => suspendBusiness(db, tenantId, reason));
const reactivate = (actor: AdminActor, tenantId: string, reason = 'Pemilik sudah menjelaskan') =>
  withAdmin(actor, { action: 'business.reactivated', reason: { typed: reason }, tenantId }, (db) => reactivateBusiness(db, tenantId));

/** A business with its owner, a review link (with a logo) and a testimonial page. */
async function shop() {
  const t = await makeTenant(`Kedai Suspensi ${randomUUID().slice(0, 6)}`);
  const ctx = { tenantId: t.id, userId: t.owner.id };
  const link = await inTenant(ctx, async (db) => {
    const { id } = await createJourney(db, { name: 'Ngopi', model: 'three_stage', stageNames: { pre_purchase: 'Sebelum', purchase: 'Beli', post_purchase: 'Sesudah' } });
    const { stages } = await getJourney(db, id);
    const input = reviewLinkInputSchema.parse({ journeyId: id, stageId: stages[1]!.id, touchpoint: 'QR di meja', title: 'Bagaimana kopinya?', thankYou: 'Terima kasih!', askComment: 'on' });
    return createReviewLink(db, input);
  });
  const testimonialSlug = `kedai-${randomUUID().slice(0, 8)}`;
  await inTenant(ctx, (db) => claimTestimonialPage(db, testimonialSlug));
  const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: { r: 4, g: 120, b: 87 } } }).png().toBuffer();
  await withTenant(t.id, (tx) => tx.update(tenants).set({ logoUrl: `data:image/png;base64,${png.toString('base64')}`, updatedAt: new Date() }).where(eq(tenants.id, t.id)));
  const logoVersion = (await inTenant({ tenantId: t.id, userId: '' }, (db) => loadPublicReviewLink(db, link.id)))!.logoVersion!;
  return { ...t, ctx, link, testimonialSlug, logoVersion };
}

type Shop = Awaited<ReturnType<typeof shop>>;

function pageForm() {
  const token = newFormToken(Date.now() - 10_000);
  return { key: token.key, t: token.renderedAt, sig: token.sig, website: '', stars: '5', comment: 'Kopinya enak' };
}

/** Every public request of the business, as the server hands it to the app. */
const publicRequests = (s: Shop) => ({
  page: () => getReviewPage(new Request(`http://localhost/r/${s.link.slug}?lang=id`, { headers: { 'x-forwarded-for': someAddress() } }), s.link.slug),
  post: () =>
    postReview(
      new Request(`http://localhost/r/${s.link.slug}?lang=id`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': someAddress() },
        body: new URLSearchParams(pageForm()).toString(),
      }),
      s.link.slug,
    ),
  thanks: () => getThanksPage(new Request(`http://localhost/r/${s.link.slug}/thanks?lang=id`, { headers: { 'x-forwarded-for': someAddress() } }), s.link.slug),
  logo: () => getReviewLogo(new Request(`http://localhost/r/${s.link.slug}/logo?v=${s.logoVersion}`, { headers: { 'x-forwarded-for': someAddress() } }), s.link.slug),
  testimonials: () => getTestimonialPage(new Request(`http://localhost/t/${s.testimonialSlug}?lang=id`, { headers: { 'x-forwarded-for': someAddress() } }), s.testimonialSlug, { embed: false }),
  embed: () => getTestimonialPage(new Request(`http://localhost/t/${s.testimonialSlug}/embed?lang=en`, { headers: { 'x-forwarded-for': someAddress() } }), s.testimonialSlug, { embed: true }),
});

const reviewCount = (tenantId: string) => withTenant(tenantId, async (tx) => (await tx.select({ id: reviews.id }).from(reviews).where(eq(reviews.tenantId, tenantId))).length);
const linkCounts = (s: Shop) =>
  withTenant(s.id, async (tx) => (await tx.select({ opened: reviewLinks.openedCount, submitted: reviewLinks.submittedCount }).from(reviewLinks).where(and(eq(reviewLinks.tenantId, s.id), eq(reviewLinks.id, s.link.id))))[0]!);

describe('suspending a business', () => {
  it('is for the admin door only: the app role can neither set nor clear it, nor create a suspended business', async () => {
    const s = await makeTenant('Warung Kolom Uji');
    const codes = await withTenant(s.id, async (tx) => ({
      setAt: await attempt(tx, sql`update tenants set suspended_at = now() where id = ${s.id}`),
      setReason: await attempt(tx, sql`update tenants set suspended_reason = 'saya sendiri' where id = ${s.id}`),
      clear: await attempt(tx, sql`update tenants set suspended_at = null, suspended_reason = null where id = ${s.id}`),
      born: await attempt(tx, sql`insert into tenants (id, name, suspended_at) values (${randomUUID()}, 'Lahir Nonaktif', now())`),
      bornReason: await attempt(tx, sql`insert into tenants (id, name, suspended_reason) values (${randomUUID()}, 'Lahir Nonaktif', 'x')`),
      // What the app does change of its business still works.
      rename: await attempt(tx, sql`update tenants set name = 'Warung Kolom Uji 2', city = 'Bandung', updated_at = now() where id = ${s.id}`),
    }));
    expect(codes).toEqual({ setAt: DENIED, setReason: DENIED, clear: DENIED, born: DENIED, bornReason: DENIED, rename: 'ok' });

    // The admin door may change the suspension, and nothing else of a business.
    const admin = await verifiedAdmin();
    const doorCodes = await withAdmin(admin, { action: 'business.viewed', reason: 'view', tenantId: s.id }, async (db) => ({
      rename: await attempt(db.tx, sql`update tenants set name = 'Diubah admin' where id = ${s.id}`),
      suspend: await attempt(db.tx, sql`update tenants set suspended_at = now(), suspended_reason = 'uji' where id = ${s.id}`),
    }));
    expect(doorCodes).toEqual({ rename: DENIED, suspend: 'ok' });
    // …which that unit of work committed: clear it again through the door.
    expect(await reactivate(admin, s.id)).toEqual({ changed: true });
  });

  it('is written to the platform audit log with the reason typed, in the same transaction; a short reason or an unknown business changes nothing', async () => {
    const s = await makeTenant('Warung Audit Suspensi');
    const admin = await verifiedAdmin();
    const auditOf = () => withOwnerDatabase((db) => db.select().from(platformAudit).where(eq(platformAudit.actorUserId, admin.userId)).orderBy(platformAudit.createdAt));

    expect(await failure(suspend(admin, s.id, ' abc '))).toMatchObject({ key: 'validation.reason_short' });
    expect(await failure(suspend(admin, s.id, 'x'.repeat(501)))).toMatchObject({ key: 'validation.too_long' });
    expect(await failure(suspend(admin, randomUUID()))).toBeInstanceOf(NotFoundError);
    expect(await auditOf()).toEqual([]);

    expect(await suspend(admin, s.id, '  Laporan penipuan dari pelanggan  ')).toEqual({ changed: true });
    // Again: nothing changes (the first reason and time stay), and the attempt is on the record.
    const first = await withAdmin(admin, { action: 'business.viewed', reason: 'view', tenantId: s.id }, (db) => suspensionOf(db, s.id));
    expect(await suspend(admin, s.id, 'Alasan kedua yang lain')).toEqual({ changed: false });
    expect(await withAdmin(admin, { action: 'business.viewed', reason: 'view', tenantId: s.id }, (db) => suspensionOf(db, s.id))).toEqual(first);
    expect(first).toMatchObject({ reason: 'Laporan penipuan dari pelanggan', suspendedAt: expect.any(Date) });
    expect(await reactivate(admin, s.id, 'Pemilik sudah menjelaskan')).toEqual({ changed: true });
    expect(await withAdmin(admin, { action: 'business.viewed', reason: 'view', tenantId: s.id }, (db) => suspensionOf(db, s.id))).toEqual({ suspendedAt: null, reason: null });

    const rows = (await auditOf()).filter((r) => r.action !== 'business.viewed');
    expect(rows.map((r) => [r.action, r.reason, r.targetTenantId, r.ip])).toEqual([
      ['business.suspended', 'Laporan penipuan dari pelanggan', s.id, '203.0.113.7'],
      ['business.suspended', 'Alasan kedua yang lain', s.id, '203.0.113.7'],
      ['business.reactivated', 'Pemilik sudah menjelaskan', s.id, '203.0.113.7'],
    ]);

    // The work and its entry commit together: work that fails leaves no entry.
    const before = (await auditOf()).length;
    await failure(
      withAdmin(admin, { action: 'business.suspended', reason: { typed: 'Akan dibatalkan' }, tenantId: s.id }, async (db) => {
        await suspendBusiness(db, s.id, 'Akan dibatalkan');
        throw new Error('boom');
      }),
    );
    expect(await auditOf()).toHaveLength(before);
    expect(await withAdmin(admin, { action: 'business.viewed', reason: 'view', tenantId: s.id }, (db) => suspensionOf(db, s.id))).toEqual({ suspendedAt: null, reason: null });
  });

  it('keeps its members out of it, existing sessions included, with its name for the message; members of another business work there', async () => {
    const s = await makeTenant('Kedai Sesi Suspensi');
    const other = await makeTenant('Toko Lain Anggota');
    const both = await makeUser();
    await withTenant(s.id, (tx) => tx.insert(memberships).values({ tenantId: s.id, userId: both.id, role: 'staff' }));
    await withTenant(other.id, (tx) => tx.insert(memberships).values({ tenantId: other.id, userId: both.id, role: 'staff' }));
    const ownerSession = await createUserSession(s.owner.id);
    const bothSession = await createUserSession(both.id);
    expect(ownerSession.tenantId).toBe(s.id);
    expect(bothSession.tenantId).toBe(s.id);
    const live = (uid: string, sid: string, tid: string) => checkSession({ uid, sid, sv: 1, tid });
    expect((await live(s.owner.id, ownerSession.sessionId, s.id))?.tenant?.tenantId).toBe(s.id);

    const admin = await verifiedAdmin();
    await suspend(admin, s.id);

    // The owner's existing session: no business to work in, and why.
    expect(await live(s.owner.id, ownerSession.sessionId, s.id)).toMatchObject({ id: s.owner.id, tenant: null, suspendedBusiness: s.name });
    expect(await loadSessionUser(s.owner.id, s.id)).toMatchObject({ tenant: null, suspendedBusiness: s.name });
    // A new sign-in does not start in it either.
    expect((await createUserSession(s.owner.id)).tenantId).toBeNull();
    // A member of another business works there instead, and the switcher offers only that one.
    expect(await live(both.id, bothSession.sessionId, s.id)).toMatchObject({ tenant: { tenantId: other.id }, suspendedBusiness: null });
    expect((await createUserSession(both.id)).tenantId).toBe(other.id);
    expect((await listBusinesses(both.id)).map((b) => b.tenantId)).toEqual([other.id]);

    await reactivate(admin, s.id);
    expect(await live(s.owner.id, ownerSession.sessionId, s.id)).toMatchObject({ tenant: { tenantId: s.id, role: 'owner' }, suspendedBusiness: null });
    expect(await live(both.id, bothSession.sessionId, s.id)).toMatchObject({ tenant: { tenantId: s.id } });
    expect((await listBusinesses(both.id)).map((b) => b.tenantId).sort()).toEqual([s.id, other.id].sort());
  });

  it('makes its public review link and testimonial page answer 503 with Retry-After and take nothing; reactivation restores them', async () => {
    const s = await shop();
    const r = publicRequests(s);
    // Active: everything works (and so the refusals below are the suspension's doing).
    expect((await r.page()).status).toBe(200);
    expect((await r.thanks()).status).toBe(200);
    expect((await r.logo()).status).toBe(200);
    expect((await r.testimonials()).status).toBe(200);
    expect((await r.embed()).status).toBe(200);
    expect((await r.post()).status).toBe(303);
    expect(await reviewCount(s.id)).toBe(1);

    const admin = await verifiedAdmin();
    await suspend(admin, s.id);
    const counts = await linkCounts(s);

    for (const [name, send] of Object.entries(r)) {
      const res = await send();
      expect(res.status, name).toBe(503);
      expect(Number(res.headers.get('retry-after')), name).toBeGreaterThan(0);
      if (name !== 'logo') expect(res.headers.get('content-type'), name).toMatch(/^text\/html/);
    }
    const page = await (await r.page()).text();
    expect(page).toContain('Sementara tidak tersedia');
    expect(page).toContain(s.name);
    expect(page).not.toContain('<form');
    expect(await (await r.embed()).text()).toContain('Temporarily unavailable');
    // Nothing taken: no review, no visit counted.
    expect(await reviewCount(s.id)).toBe(1);
    expect(await linkCounts(s)).toEqual(counts);
    // The write itself refuses too, in its own transaction (a suspension that lands after the page's read).
    const input = reviewSubmissionSchema.parse({ stars: '4' });
    expect(await failure(inTenant({ tenantId: s.id, userId: '' }, (db) => submitReview(db, s.link.id, input, { key: randomUUID(), locale: 'id', spamReason: null })))).toBeInstanceOf(
      BusinessSuspendedError,
    );
    expect(await reviewCount(s.id)).toBe(1);

    await reactivate(admin, s.id);
    expect((await r.page()).status).toBe(200);
    expect((await r.thanks()).status).toBe(200);
    expect((await r.logo()).status).toBe(200);
    expect((await r.testimonials()).status).toBe(200);
    expect((await r.embed()).status).toBe(200);
    expect((await r.post()).status).toBe(303);
    expect(await reviewCount(s.id)).toBe(2);
  });

  it('leaves other businesses alone', async () => {
    const [a, b] = [await shop(), await shop()];
    const admin = await verifiedAdmin();
    await suspend(admin, a.id);
    const rb = publicRequests(b);
    expect((await rb.page()).status).toBe(200);
    expect((await rb.testimonials()).status).toBe(200);
    expect((await loadSessionUser(b.owner.id, b.id))?.tenant?.tenantId).toBe(b.id);
    const suspended = await withOwnerDatabase((db) => queryRows<{ id: string }>(db, sql`select id from tenants where id in (${a.id}, ${b.id}) and suspended_at is not null`));
    expect(suspended.map((x) => x.id)).toEqual([a.id]);
    // The console shows which: on the business's page and in the list.
    const seen = await withAdmin(admin, { action: 'business.list_viewed', reason: 'view' }, async (db) => ({
      a: await getBusiness(db, a.id),
      b: await getBusiness(db, b.id),
      list: await listForAdmin(db, businessListQuery.parse({ q: 'Kedai Suspensi', order: 'created_desc' }), 100),
    }));
    expect(seen.a.suspension).toEqual({ at: expect.any(Date), reason: 'Laporan penipuan dari pelanggan' });
    expect(seen.b.suspension).toBeNull();
    const listed = new Map(seen.list.rows.map((row) => [row.id, row.suspended]));
    expect([listed.get(a.id), listed.get(b.id)]).toEqual([true, false]);
    await reactivate(admin, a.id);
  });
});
