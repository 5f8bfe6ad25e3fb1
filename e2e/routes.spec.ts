/**
 * Every route of the app, read from app/ itself, must be listed here with who may use it; a new
 * route without an entry fails this suite. Then each protected route is tried signed out (also
 * with the header that once let requests skip middleware), as a role without the permission, and
 * with another tenant's ids.
 */
import fs from 'node:fs';
import path from 'node:path';
import { adminPasswordSignIn, adminSignIn } from './admin-helpers';
import { expect, test } from './fixtures';
import { demo, signIn } from './helpers';

/**
 * `admin`: platform admins past the second factor; `admin-step`: the second-factor step itself
 * (any platform admin signed in with the password). Everyone else gets 404 on both, signed out too.
 */
type Access = 'public' | 'user' | 'member' | 'owner' | 'admin' | 'admin-step';
interface RouteRule {
  access: Access;
  /** A concrete path to request; ids here are tenant Bengkel's (the victim in cross-tenant tries). */
  sample?: string;
  /** Route handlers are exercised by their own specs; pages are visited. */
  kind?: 'page' | 'api';
  /** Addressed by a public slug, not by ids: no cross-tenant try (e2e/review-page.spec.ts covers it). */
  slug?: boolean;
}

const bogusToken = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

const registry: Record<string, RouteRule> = {
  '/': { access: 'public' },
  '/sign-in': { access: 'public' },
  '/sign-up': { access: 'public' },
  '/no-business': { access: 'user' },
  '/dashboard': { access: 'member' },
  '/dashboard/stages': { access: 'member', sample: `/dashboard/stages?journey=${demo.bengkelJourneyId}` },
  '/dashboard/stages/print': { access: 'member', sample: `/dashboard/stages/print?journey=${demo.bengkelJourneyId}` },
  '/dashboard/funnel': { access: 'member', sample: `/dashboard/funnel?journey=${demo.bengkelJourneyId}` },
  '/team': { access: 'member' },
  '/settings': { access: 'member' },
  '/settings/profile': { access: 'member' },
  '/settings/business': { access: 'owner' },
  '/invite/[tenantId]/[token]': { access: 'public', sample: `/invite/${demo.bengkelTenantId}/${bogusToken}` },
  '/personas': { access: 'member' },
  '/personas/new': { access: 'member' },
  '/personas/[id]': { access: 'member', sample: `/personas/${demo.bengkelPersonaId}` },
  '/api/persona-photo/[id]': { access: 'member', kind: 'api', sample: `/api/persona-photo/${demo.bengkelPersonaId}` },
  '/api/business-logo/[tenantId]': { access: 'member', kind: 'api', sample: `/api/business-logo/${demo.bengkelTenantId}` },
  '/journeys': { access: 'member' },
  '/journeys/new': { access: 'member' },
  '/journeys/import': { access: 'member' },
  '/journeys/[id]': { access: 'member', sample: `/journeys/${demo.bengkelJourneyId}` },
  '/journeys/[id]/versions': { access: 'member', sample: `/journeys/${demo.bengkelJourneyId}/versions` },
  '/journeys/[id]/versions/compare': { access: 'member', sample: `/journeys/${demo.bengkelJourneyId}/versions/compare?a=current&b=current` },
  '/journeys/[id]/share': { access: 'member', sample: `/journeys/${demo.bengkelJourneyId}/share` },
  '/journeys/[id]/print': { access: 'member', sample: `/journeys/${demo.bengkelJourneyId}/print` },
  '/share/[tenantId]/[token]': { access: 'public', sample: `/share/${demo.bengkelTenantId}/${bogusToken}` },
  // A one-time password-reset link a platform admin issued, and where it lands after. Addressed by
  // its secret token alone (no ids: no cross-tenant try; e2e/admin.usage-limits.spec.ts covers it).
  '/reset/[token]': { access: 'public', slug: true, sample: `/reset/${bogusToken}` },
  '/reset/done': { access: 'public' },
  '/api/journeys/[id]/export': { access: 'member', kind: 'api', sample: `/api/journeys/${demo.bengkelJourneyId}/export` },
  '/api/journeys/[id]/stages.csv': { access: 'member', kind: 'api', sample: `/api/journeys/${demo.bengkelJourneyId}/stages.csv` },
  '/api/journeys/[id]/trend.csv': { access: 'member', kind: 'api', sample: `/api/journeys/${demo.bengkelJourneyId}/trend.csv` },
  '/api/journeys/[id]/funnel.csv': { access: 'member', kind: 'api', sample: `/api/journeys/${demo.bengkelJourneyId}/funnel.csv` },
  '/reviews': { access: 'member' },
  '/reviews/links/new': { access: 'member' },
  '/reviews/testimonials': { access: 'member' },
  '/reviews/links/[id]': { access: 'member', sample: `/reviews/links/${demo.bengkelReviewLinkId}` },
  '/reviews/links/[id]/poster': { access: 'member', sample: `/reviews/links/${demo.bengkelReviewLinkId}/poster` },
  '/api/review-links/[id]/qr': { access: 'member', kind: 'api', sample: `/api/review-links/${demo.bengkelReviewLinkId}/qr?format=png` },
  '/api/reviews/export': { access: 'member', kind: 'api', sample: '/api/reviews/export' },
  '/r/[slug]': { access: 'public', kind: 'api', slug: true, sample: '/r/demo-bengkel' },
  '/r/[slug]/thanks': { access: 'public', kind: 'api', slug: true, sample: '/r/demo-bengkel/thanks' },
  '/t/[slug]': { access: 'public', kind: 'api', slug: true, sample: '/t/bengkel-maju-jaya' },
  '/t/[slug]/embed': { access: 'public', kind: 'api', slug: true, sample: '/t/bengkel-maju-jaya/embed' },
  '/r/[slug]/logo': { access: 'public', kind: 'api', slug: true, sample: '/r/demo-bengkel/logo?v=1' },
  '/api/health': { access: 'public', kind: 'api' },
  '/api/health/live': { access: 'public', kind: 'api' },
  '/api/health/ready': { access: 'public', kind: 'api' },
  // Benchmarks only (BENCH_ROUTES=1, never set by e2e): 404 otherwise.
  '/api/bench/empty': { access: 'public', kind: 'api' },
  '/api/auth/[...nextauth]': { access: 'public', kind: 'api' },
  '/admin': { access: 'admin' },
  '/admin/businesses': { access: 'admin' },
  '/admin/businesses/[id]': { access: 'admin', sample: `/admin/businesses/${demo.bengkelTenantId}` },
  '/admin/audit': { access: 'admin' },
  // A route handler (POST: the business's data as a zip); opened in the address bar, the business's page.
  '/admin/businesses/[id]/export.zip': { access: 'admin', kind: 'api', sample: `/admin/businesses/${demo.bengkelTenantId}/export.zip` },
  '/admin/enrol': { access: 'admin-step' },
  '/admin/verify': { access: 'admin-step' },
};

function discoverRoutes(dir = path.join(process.cwd(), 'app'), segments: string[] = []): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (entry.name.startsWith('_')) continue; // private folders are not routes
      const seg = /^\(.*\)$/.test(entry.name) ? [] : [entry.name]; // route groups add no segment
      found.push(...discoverRoutes(path.join(dir, entry.name), [...segments, ...seg]));
    } else if (/^(page|route)\.(tsx?|jsx?)$/.test(entry.name)) {
      found.push('/' + segments.join('/'));
    }
  }
  return found;
}

const routes = discoverRoutes();
const isAdmin = (r: RouteRule) => r.access === 'admin' || r.access === 'admin-step';
const protectedPages = Object.entries(registry).filter(([, r]) => r.access !== 'public' && r.kind !== 'api' && !isAdmin(r));
const adminPages = Object.entries(registry).filter(([, r]) => isAdmin(r));

test('every route in app/ is listed in the access registry', () => {
  expect(routes.filter((r) => !(r in registry)).sort(), 'routes missing from e2e/routes.spec.ts').toEqual([]);
  expect(Object.keys(registry).filter((r) => !routes.includes(r)).sort(), 'registry entries with no route').toEqual([]);
  // Every route that takes an id has a sample to try it with another tenant's ids; next-auth's
  // catch-all takes no id of ours.
  const withoutSample = Object.entries(registry).filter(([r, rule]) => r.includes('[') && !rule.sample);
  expect(withoutSample.map(([r]) => r), 'routes with ids but no sample').toEqual(['/api/auth/[...nextauth]']);
});

for (const header of [undefined, 'middleware:middleware:middleware:middleware:middleware', 'proxy:proxy:proxy:proxy:proxy']) {
  test(`signed out, no protected page is reachable${header ? ` (x-middleware-subrequest: ${header.split(':')[0]})` : ''}`, async ({ browser }) => {
    const context = await browser.newContext(header ? { extraHTTPHeaders: { 'x-middleware-subrequest': header } } : {});
    const page = await context.newPage();
    for (const [route, rule] of protectedPages) {
      await page.goto(rule.sample ?? route);
      await expect(page, `${route} signed out`).toHaveURL(/\/sign-in/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Masuk ke Jejak');
    }
    await context.close();
  });
}

test('staff get 404 on owner-only pages', async ({ page, expectedErrors }) => {
  await signIn(page, demo.bengkelStaff);
  for (const [route] of protectedPages.filter(([, r]) => r.access === 'owner')) {
    expectedErrors.push(new RegExp(`^404 .*${route.replace(/[/[\]]/g, '\\$&')}$`));
    const res = await page.goto(route);
    expect(res?.status(), route).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Halaman tidak ditemukan');
  }
});

test("another tenant's ids answer 404, like ids that do not exist", async ({ page, expectedErrors }) => {
  await signIn(page, demo.kopiOwner);
  expectedErrors.push(/^404 /);
  // Ids in the path, or in the query (the dashboards' `?journey=`): both must be the tenant's own.
  const withIds = Object.entries(registry).filter(([r, rule]) => (r.includes('[') || /[?&]journey=/.test(rule.sample ?? '')) && rule.sample && !rule.slug);
  expect(withIds.map(([r]) => r)).toContain('/dashboard/stages');
  for (const [route, rule] of withIds) {
    const res = await page.goto(rule.sample!);
    expect(res?.status(), `${route} with tenant Bengkel's ids`).toBe(404);
    const unknown = [demo.bengkelTenantId, demo.bengkelPersonaId, demo.bengkelJourneyId, demo.bengkelReviewLinkId].reduce(
      (p, id) => p.replaceAll(id, '00000000-0000-4000-8000-000000000000'),
      rule.sample!,
    );
    expect(unknown).not.toBe(rule.sample);
    expect((await page.goto(unknown))?.status(), `${route} with unknown ids`).toBe(404);
  }
});

test('every admin route answers 404 to visitors, owners and staff, as if /admin did not exist', async ({ browser, expectedErrors }) => {
  expectedErrors.push(/^404 /);
  for (const who of [null, demo.bengkelOwner, demo.kopiStaff]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    if (who) await signIn(page, who);
    for (const [route, rule] of adminPages) {
      const res = await page.goto(rule.sample ?? route);
      expect(res?.status(), `${route} as ${who ?? 'a visitor'}`).toBe(404);
      // A route handler answers a bare 404, not the page.
      if (rule.kind !== 'api') await expect(page.getByRole('heading', { level: 1 })).toHaveText('Halaman tidak ditemukan');
      await expect(page.getByText('Jejak admin')).toHaveCount(0);
    }
    await context.close();
  }
});

test('a platform admin reaches only the second-factor step before passing it, and nothing with x-middleware-subrequest', async ({ browser, expectedErrors }) => {
  expectedErrors.push(/^404 /);
  const context = await browser.newContext();
  const page = await context.newPage();
  await adminPasswordSignIn(page);
  const step = new URL(page.url()).pathname;
  for (const [route, rule] of adminPages.filter(([, r]) => r.access === 'admin')) {
    await page.goto(rule.sample ?? route);
    await expect(page, `${route} before the second factor`).toHaveURL(new RegExp(`${step}$`));
  }
  await context.close();

  // Past the second factor, a request carrying the header that once skipped middleware gets nothing.
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await adminSignIn(adminPage);
  const forged = await browser.newContext({ storageState: await admin.storageState(), extraHTTPHeaders: { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' } });
  const forgedPage = await forged.newPage();
  for (const [route, rule] of adminPages) {
    const res = await forgedPage.goto(rule.sample ?? route);
    expect(res?.status(), `${route} with x-middleware-subrequest`).toBe(404);
  }
  // The same session without the header: the console.
  await adminPage.goto('/admin/audit');
  await expect(adminPage.getByRole('heading', { level: 1 })).toHaveText('Log audit');
  await forged.close();
  await admin.close();
});
