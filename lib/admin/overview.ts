/**
 * The console's overview (issue 12, item 7): how many businesses, by status and by type; new
 * businesses and reviews per week; the busiest businesses (most reviews in the last 30 days).
 * Counts only, never contents: jejak_admin reads nothing more than the businesses' details and the
 * `tenant_id` and `created_at` of reviews (migration 0013). Read through the admin door, recorded
 * as `overview.viewed`.
 *
 * Weeks are WIB weeks (Monday to Sunday, Asia/Jakarta), where the platform is run from; the current
 * week is partial. Every week of the range is listed, those with nothing as 0.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { businessTypes, type BusinessType } from '../shared/business';
import type { AdminDb } from './door';

/** Weeks shown in the weekly series, the current one included. */
export const OVERVIEW_WEEKS = 12;
/** The busiest businesses listed. */
export const BUSIEST_COUNT = 10;

export interface TypeCount {
  type: BusinessType;
  active: number;
  suspended: number;
}

export interface WeekCount {
  /** The Monday that starts the week (WIB), as YYYY-MM-DD. */
  week: string;
  businesses: number;
  reviews: number;
}

export interface BusyBusiness {
  id: string;
  name: string;
  businessType: BusinessType;
  suspended: boolean;
  reviews30d: number;
}

export interface Overview {
  total: number;
  active: number;
  suspended: number;
  byType: TypeCount[];
  weeks: WeekCount[];
  busiest: BusyBusiness[];
}

const n = (v: number | string | null | undefined) => Number(v ?? 0);

/** The overview's figures, as of now. */
export async function getOverview(db: AdminDb, weeks = OVERVIEW_WEEKS): Promise<Overview> {
  const counts = await queryRows<{ business_type: BusinessType; suspended: boolean; n: number | string }>(
    db.tx,
    sql`select business_type, suspended_at is not null as suspended, count(*) as n from tenants group by 1, 2`,
  );
  const byType: TypeCount[] = businessTypes.map((type) => ({ type, active: 0, suspended: 0 }));
  for (const r of counts) {
    const row = byType.find((b) => b.type === r.business_type);
    if (row) row[r.suspended ? 'suspended' : 'active'] += n(r.n);
  }
  const active = byType.reduce((s, b) => s + b.active, 0);
  const suspended = byType.reduce((s, b) => s + b.suspended, 0);

  // The Mondays of the last `weeks` WIB weeks, then what each week had.
  const weekly = await queryRows<{ week: string; businesses: number | string; reviews: number | string }>(
    db.tx,
    sql`with bounds as (
          select date_trunc('week', (now() at time zone 'Asia/Jakarta'))::date as this_week
        ), series as (
          select (b.this_week - (i * 7))::date as week from bounds b, generate_series(0, ${weeks - 1}::int) i
        ), since as (
          select ((min(week))::timestamp at time zone 'Asia/Jakarta') as t from series
        ), new_businesses as (
          select date_trunc('week', t.created_at at time zone 'Asia/Jakarta')::date as week, count(*) as n
          from tenants t, since s where t.created_at >= s.t group by 1
        ), new_reviews as (
          select date_trunc('week', r.created_at at time zone 'Asia/Jakarta')::date as week, count(*) as n
          from reviews r, since s where r.created_at >= s.t group by 1
        )
        select to_char(s.week, 'YYYY-MM-DD') as week, coalesce(b.n, 0) as businesses, coalesce(r.n, 0) as reviews
        from series s left join new_businesses b on b.week = s.week left join new_reviews r on r.week = s.week
        order by s.week`,
  );

  const busiest = await queryRows<{ id: string; name: string; business_type: BusinessType; suspended: boolean; n: number | string }>(
    db.tx,
    sql`select t.id, t.name, t.business_type, t.suspended_at is not null as suspended, c.n
        from (select r.tenant_id, count(*) as n from reviews r where r.created_at >= now() - interval '30 days' group by 1 order by 2 desc, 1 limit ${BUSIEST_COUNT}) c
        join tenants t on t.id = c.tenant_id
        order by c.n desc, t.name, t.id`,
  );

  return {
    total: active + suspended,
    active,
    suspended,
    byType,
    weeks: weekly.map((w) => ({ week: w.week, businesses: n(w.businesses), reviews: n(w.reviews) })),
    busiest: busiest.map((b) => ({ id: b.id, name: b.name, businessType: b.business_type, suspended: b.suspended, reviews30d: n(b.n) })),
  };
}
