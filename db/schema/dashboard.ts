/**
 * The stage dashboards' own tables (issue 10): the per-day review rollups they read instead of raw
 * reviews, and the funnel numbers the owner records per stage and month.
 */
import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { journeys } from './journeys';
import { createdAt, tenantIsolation } from './policies';

/**
 * Reviews counted per tenant, journey, stage, link, touchpoint and local day (in the business's
 * time zone): stars 1–5 and NPS groups, spam never counted. Written only by triggers on `reviews`
 * (migration 0015: every insert, every status change to or from spam, every delete — in the same
 * transaction as the change) and rebuilt for a business whose time zone changes. The app's code
 * never writes it; the triggers run as the writer (jejak_app inside its business, so row-level
 * security holds for them too). `tests/integration/review-rollups.test.ts` proves it always equals
 * a recount.
 */
export const reviewStageDays = pgTable(
  'review_stage_days',
  {
    tenantId: uuid('tenant_id').notNull(),
    journeyId: uuid('journey_id').notNull(),
    stageId: uuid('stage_id').notNull(),
    linkId: uuid('link_id').notNull(),
    touchpoint: text('touchpoint').notNull().default(''),
    day: date('day', { mode: 'string' }).notNull(),
    stars1: integer('stars_1').notNull().default(0),
    stars2: integer('stars_2').notNull().default(0),
    stars3: integer('stars_3').notNull().default(0),
    stars4: integer('stars_4').notNull().default(0),
    stars5: integer('stars_5').notNull().default(0),
    promoters: integer('promoters').notNull().default(0),
    passives: integer('passives').notNull().default(0),
    detractors: integer('detractors').notNull().default(0),
    npsSkipped: integer('nps_skipped').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.journeyId, t.stageId, t.linkId, t.touchpoint, t.day] }),
    foreignKey({ columns: [t.tenantId, t.journeyId], foreignColumns: [journeys.tenantId, journeys.id], name: 'review_stage_days_journey_fk' }).onDelete('cascade'),
    index('review_stage_days_day_idx').on(t.tenantId, t.journeyId, t.day),
    index('review_stage_days_tenant_day_idx').on(t.tenantId, t.day),
    tenantIsolation(t.tenantId),
  ],
);

/** What a stage's funnel number counts (the domain brief's metrics lane). */
export const funnelMetrics = ['reach', 'inquiries', 'orders', 'repeat_orders', 'referrals'] as const;
export type FunnelMetric = (typeof funnelMetrics)[number];
export const funnelMetric = pgEnum('funnel_metric', funnelMetrics);

/**
 * The owner's funnel: one number per stage and calendar month ("reach 12.000 in November"), typed
 * in or imported from CSV. Conversion between stages is computed from these on the dashboard.
 * `stage_id` has no foreign key, like reviews: a stage removed from the map keeps its history.
 */
export const funnelCounts = pgTable(
  'funnel_counts',
  {
    tenantId: uuid('tenant_id').notNull(),
    journeyId: uuid('journey_id').notNull(),
    stageId: uuid('stage_id').notNull(),
    /** The first day of the month. */
    month: date('month', { mode: 'string' }).notNull(),
    metric: funnelMetric('metric').notNull(),
    value: integer('value').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.journeyId, t.stageId, t.month] }),
    foreignKey({ columns: [t.tenantId, t.journeyId], foreignColumns: [journeys.tenantId, journeys.id], name: 'funnel_counts_journey_fk' }).onDelete('cascade'),
    check('funnel_counts_value_range', sql`${t.value} between 0 and 2000000000`),
    check('funnel_counts_month_start', sql`extract(day from ${t.month}) = 1`),
    tenantIsolation(t.tenantId),
  ],
);

export type ReviewStageDay = typeof reviewStageDays.$inferSelect;
export type FunnelCount = typeof funnelCounts.$inferSelect;
