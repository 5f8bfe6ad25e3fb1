/**
 * GET /api/journeys/<id>/trend.csv called as Next calls it, with only the session plumbing
 * replaced: signed out is 401; another business's journey or a malformed id is 404 (both ways);
 * staff may read; a bad filter is 400; a member gets the trend of the filter as a CSV in the
 * business's time zone (a review at 00:30 WIT counts on that local day).
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/api/journeys/[id]/trend.csv/route';
import { memberships, reviews, tenants } from '@/db/schema';
import { loadSessionUser } from '@/lib/accounts/accounts';
import { inTenant, withTenant } from '@/lib/core/tenancy';
import { trendCsvColumns } from '@/lib/dashboard/trend-csv';
import { createJourney, getJourney } from '@/lib/journeys/queries';
import { createReviewLink } from '@/lib/reviews/links';
import { reviewLinkInputSchema } from '@/lib/reviews/model';
import { makeTenant, makeUser } from '../support/factory';

const session = vi.hoisted(() => ({ current: null as null | { uid: string; sv: number; tid?: string } }));

vi.mock('next-auth', async (original) => ({ ...(await original<typeof import('next-auth')>()), getServerSession: async () => session.current }));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ host: 'jejak.test', 'x-forwarded-for': '203.0.113.12' }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => {}, has: () => false }),
}));

type T = Awaited<ReturnType<typeof makeTenant>>;
let mine: T;
let other: T;
let journeyId: string;
let otherJourneyId: string;

async function journeyWithReview(t: T, at: string): Promise<string> {
  return inTenant({ tenantId: t.id, userId: t.owner.id }, async (db) => {
    const { id } = await createJourney(db, { name: 'Servis', model: 'three_stage', stageNames: { pre_purchase: 'Cari bengkel', purchase: 'Servis', post_purchase: 'Balik lagi' } });
    const { stages } = await getJourney(db, id);
    const link = await createReviewLink(db, reviewLinkInputSchema.parse({ journeyId: id, stageId: stages[1]!.id, title: 'Ulasan' }));
    await db.tx.insert(reviews).values({ tenantId: t.id, linkId: link.id, journeyId: id, stageId: stages[1]!.id!, stars: 4, submissionKey: randomUUID(), createdAt: new Date(at) });
    return id;
  });
}

async function signInAs(tenantId: string, userId: string) {
  const user = await loadSessionUser(userId, tenantId);
  session.current = { uid: userId, sv: user!.sessionVersion, tid: tenantId };
}

const get = (id: string, query = '') => GET(new Request(`http://jejak.test/api/journeys/${id}/trend.csv${query}`), { params: Promise.resolve({ id }) });

beforeAll(async () => {
  mine = await makeTenant(`Bengkel Tren CSV ${randomUUID().slice(0, 6)}`);
  other = await makeTenant(`Bengkel Lain ${randomUUID().slice(0, 6)}`);
  await withTenant(mine.id, (tx) => tx.update(tenants).set({ timeZone: 'Asia/Jayapura' }).where(eq(tenants.id, mine.id)));
  // 00:30 WIT on 11 March = 15:30 UTC on the 10th.
  journeyId = await journeyWithReview(mine, '2026-03-10T15:30:00Z');
  otherJourneyId = await journeyWithReview(other, '2026-03-10T03:00:00Z');
});

describe('GET /api/journeys/<id>/trend.csv', () => {
  it('signed out: 401', async () => {
    session.current = null;
    expect((await get(journeyId)).status).toBe(401);
  });

  it('a member gets the trend of the filter, local days of the business', async () => {
    await signInAs(mine.id, mine.owner.id);
    const res = await get(journeyId, '?from=2026-03-10&to=2026-03-11');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="tren-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parse(new TextDecoder().decode(bytes)) as string[][];
    expect(header).toEqual([...trendCsvColumns]);
    const col = (r: string[], c: (typeof trendCsvColumns)[number]) => r[trendCsvColumns.indexOf(c)];
    expect(rows.map((r) => [col(r, 'bucket_start'), col(r, 'reviews'), col(r, 'average_stars'), col(r, 'time_zone')])).toEqual([
      ['2026-03-10', '0', '', 'Asia/Jayapura'],
      ['2026-03-11', '1', '4', 'Asia/Jayapura'],
    ]);
  });

  it('another business’s journey or a malformed id: 404 (both ways); staff may read; a bad filter: 400', async () => {
    await signInAs(mine.id, mine.owner.id);
    expect((await get(otherJourneyId)).status).toBe(404);
    expect((await get('nope')).status).toBe(404);
    expect((await get(randomUUID())).status).toBe(404);
    expect((await get(journeyId, '?from=2026-02-30')).status).toBe(400);
    expect((await get(journeyId, '?range=forever')).status).toBe(400);
    // Staff may read reviews too; the other business's owner may not read this one.
    const staff = await makeUser();
    await withTenant(mine.id, (tx) => tx.insert(memberships).values({ tenantId: mine.id, userId: staff.id, role: 'staff' }));
    await signInAs(mine.id, staff.id);
    expect((await get(journeyId)).status).toBe(200);
    await signInAs(other.id, other.owner.id);
    expect((await get(journeyId)).status).toBe(404);
    expect((await get(otherJourneyId)).status).toBe(200);
  });
});
