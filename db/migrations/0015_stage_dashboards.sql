CREATE TYPE "public"."funnel_metric" AS ENUM('reach', 'inquiries', 'orders', 'repeat_orders', 'referrals');--> statement-breakpoint
CREATE TABLE "funnel_counts" (
	"tenant_id" uuid NOT NULL,
	"journey_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"month" date NOT NULL,
	"metric" "funnel_metric" NOT NULL,
	"value" integer NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funnel_counts_tenant_id_journey_id_stage_id_month_pk" PRIMARY KEY("tenant_id","journey_id","stage_id","month"),
	CONSTRAINT "funnel_counts_value_range" CHECK ("funnel_counts"."value" between 0 and 2000000000),
	CONSTRAINT "funnel_counts_month_start" CHECK (extract(day from "funnel_counts"."month") = 1)
);
--> statement-breakpoint
ALTER TABLE "funnel_counts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "review_stage_days" (
	"tenant_id" uuid NOT NULL,
	"journey_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"link_id" uuid NOT NULL,
	"touchpoint" text DEFAULT '' NOT NULL,
	"day" date NOT NULL,
	"stars_1" integer DEFAULT 0 NOT NULL,
	"stars_2" integer DEFAULT 0 NOT NULL,
	"stars_3" integer DEFAULT 0 NOT NULL,
	"stars_4" integer DEFAULT 0 NOT NULL,
	"stars_5" integer DEFAULT 0 NOT NULL,
	"promoters" integer DEFAULT 0 NOT NULL,
	"passives" integer DEFAULT 0 NOT NULL,
	"detractors" integer DEFAULT 0 NOT NULL,
	"nps_skipped" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "review_stage_days_tenant_id_journey_id_stage_id_link_id_touchpoint_day_pk" PRIMARY KEY("tenant_id","journey_id","stage_id","link_id","touchpoint","day")
);
--> statement-breakpoint
ALTER TABLE "review_stage_days" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "funnel_counts" ADD CONSTRAINT "funnel_counts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funnel_counts" ADD CONSTRAINT "funnel_counts_journey_fk" FOREIGN KEY ("tenant_id","journey_id") REFERENCES "public"."journeys"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_stage_days" ADD CONSTRAINT "review_stage_days_journey_fk" FOREIGN KEY ("tenant_id","journey_id") REFERENCES "public"."journeys"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_stage_days_day_idx" ON "review_stage_days" USING btree ("tenant_id","journey_id","day");--> statement-breakpoint
CREATE INDEX "review_stage_days_tenant_day_idx" ON "review_stage_days" USING btree ("tenant_id","day");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "funnel_counts" AS PERMISSIVE FOR ALL TO "jejak_app" USING ("funnel_counts"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("funnel_counts"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "review_stage_days" AS PERMISSIVE FOR ALL TO "jejak_app" USING ("review_stage_days"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("review_stage_days"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
-- ---------------------------------------------------------------------------------------------
-- Stage dashboards (issue 10). Hand-written from here on (drizzle-kit wrote the above).
--
-- Row-level security applies even to the tables' owner (see 0002).
ALTER TABLE "funnel_counts" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "review_stage_days" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Few rows, each updated by every review of its day: room on the page for HOT updates, and vacuum
-- after 2 % of the rows changed rather than the default 20 %, so dead versions do not pile up.
ALTER TABLE "review_stage_days" SET (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.05);
--> statement-breakpoint
-- review_stage_days is kept by the triggers below, in the transaction of each change to a review,
-- so it always equals a recount of the raw reviews (tests/integration/review-rollups.test.ts).
-- They run as the writer (jejak_app inside its business), so row-level security holds for them too.
-- One review's contribution (+1 or −1) to its stage, link, touchpoint and local day.
CREATE OR REPLACE FUNCTION jejak_review_rollup_delta(r public.reviews, sign integer) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  d date;
BEGIN
  -- Waits while this business's rollups are being rebuilt (its time zone moving) and keeps a
  -- rebuild from starting until this transaction ends; only then reads the zone. Without it a
  -- review written during a time-zone change could land on the old zone's day.
  PERFORM pg_catalog.pg_advisory_xact_lock_shared(pg_catalog.hashtextextended('jejak_review_rollups:' || r.tenant_id::text, 0));
  SELECT (r.created_at AT TIME ZONE t.time_zone::text)::date INTO d FROM public.tenants t WHERE t.id = r.tenant_id;
  IF d IS NULL THEN
    d := (r.created_at AT TIME ZONE 'Asia/Jakarta')::date;
  END IF;
  IF sign < 0 THEN
    -- A counted review always has its row; when the row is already gone (the journey or the
    -- business is being deleted and the cascade reached the rollups first) there is nothing to undo.
    UPDATE public.review_stage_days s SET
      stars_1 = s.stars_1 - (r.stars = 1)::int,
      stars_2 = s.stars_2 - (r.stars = 2)::int,
      stars_3 = s.stars_3 - (r.stars = 3)::int,
      stars_4 = s.stars_4 - (r.stars = 4)::int,
      stars_5 = s.stars_5 - (r.stars = 5)::int,
      promoters = s.promoters - coalesce(r.nps >= 9, false)::int,
      passives = s.passives - coalesce(r.nps BETWEEN 7 AND 8, false)::int,
      detractors = s.detractors - coalesce(r.nps <= 6, false)::int,
      nps_skipped = s.nps_skipped - (r.nps IS NULL)::int
    WHERE s.tenant_id = r.tenant_id AND s.journey_id = r.journey_id AND s.stage_id = r.stage_id
      AND s.link_id = r.link_id AND s.touchpoint = r.touchpoint AND s.day = d;
  ELSE
    INSERT INTO public.review_stage_days AS s
      (tenant_id, journey_id, stage_id, link_id, touchpoint, day, stars_1, stars_2, stars_3, stars_4, stars_5, promoters, passives, detractors, nps_skipped)
    VALUES (r.tenant_id, r.journey_id, r.stage_id, r.link_id, r.touchpoint, d,
      (r.stars = 1)::int, (r.stars = 2)::int, (r.stars = 3)::int, (r.stars = 4)::int, (r.stars = 5)::int,
      coalesce(r.nps >= 9, false)::int, coalesce(r.nps BETWEEN 7 AND 8, false)::int, coalesce(r.nps <= 6, false)::int, (r.nps IS NULL)::int)
    ON CONFLICT (tenant_id, journey_id, stage_id, link_id, touchpoint, day) DO UPDATE SET
      stars_1 = s.stars_1 + excluded.stars_1,
      stars_2 = s.stars_2 + excluded.stars_2,
      stars_3 = s.stars_3 + excluded.stars_3,
      stars_4 = s.stars_4 + excluded.stars_4,
      stars_5 = s.stars_5 + excluded.stars_5,
      promoters = s.promoters + excluded.promoters,
      passives = s.passives + excluded.passives,
      detractors = s.detractors + excluded.detractors,
      nps_skipped = s.nps_skipped + excluded.nps_skipped;
  END IF;
END
$$;
--> statement-breakpoint
-- Spam is never counted: hiding a review as spam takes it out, restoring it puts it back.
CREATE OR REPLACE FUNCTION jejak_review_rollup() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status <> 'spam' THEN
    PERFORM public.jejak_review_rollup_delta(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status <> 'spam' THEN
    PERFORM public.jejak_review_rollup_delta(NEW, 1);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER reviews_rollup_insert AFTER INSERT ON "reviews" FOR EACH ROW WHEN (NEW.status <> 'spam') EXECUTE FUNCTION jejak_review_rollup();
--> statement-breakpoint
CREATE TRIGGER reviews_rollup_delete AFTER DELETE ON "reviews" FOR EACH ROW WHEN (OLD.status <> 'spam') EXECUTE FUNCTION jejak_review_rollup();
--> statement-breakpoint
-- Only what the rollups count: an erasure (name, number, comment cleared) or a note changes nothing here.
CREATE TRIGGER reviews_rollup_update AFTER UPDATE ON "reviews" FOR EACH ROW WHEN (
  (OLD.status = 'spam') IS DISTINCT FROM (NEW.status = 'spam')
  OR (NEW.status <> 'spam' AND (
    OLD.stars IS DISTINCT FROM NEW.stars OR OLD.nps IS DISTINCT FROM NEW.nps
    OR OLD.journey_id IS DISTINCT FROM NEW.journey_id OR OLD.stage_id IS DISTINCT FROM NEW.stage_id
    OR OLD.link_id IS DISTINCT FROM NEW.link_id OR OLD.touchpoint IS DISTINCT FROM NEW.touchpoint
    OR OLD.created_at IS DISTINCT FROM NEW.created_at))
) EXECUTE FUNCTION jejak_review_rollup();
--> statement-breakpoint
-- A business's rollups recounted from its reviews: after its time zone changes (its local days
-- move), and once here for the reviews that came in before this migration. Runs as the caller:
-- inside a business, row-level security limits it to that business.
CREATE OR REPLACE FUNCTION jejak_rebuild_review_rollups(tenant uuid) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  -- Exclusive against the reviews being written for this business (the shared lock above): the
  -- recount sees every review committed before it, and later ones read the new zone.
  PERFORM pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('jejak_review_rollups:' || tenant::text, 0));
  DELETE FROM public.review_stage_days WHERE tenant_id = tenant;
  INSERT INTO public.review_stage_days
    (tenant_id, journey_id, stage_id, link_id, touchpoint, day, stars_1, stars_2, stars_3, stars_4, stars_5, promoters, passives, detractors, nps_skipped)
  SELECT r.tenant_id, r.journey_id, r.stage_id, r.link_id, r.touchpoint, (r.created_at AT TIME ZONE t.time_zone::text)::date,
    count(*) FILTER (WHERE r.stars = 1), count(*) FILTER (WHERE r.stars = 2), count(*) FILTER (WHERE r.stars = 3),
    count(*) FILTER (WHERE r.stars = 4), count(*) FILTER (WHERE r.stars = 5),
    count(*) FILTER (WHERE r.nps >= 9), count(*) FILTER (WHERE r.nps BETWEEN 7 AND 8), count(*) FILTER (WHERE r.nps <= 6),
    count(*) FILTER (WHERE r.nps IS NULL)
  FROM public.reviews r JOIN public.tenants t ON t.id = r.tenant_id
  WHERE r.tenant_id = tenant AND r.status <> 'spam'
  GROUP BY 1, 2, 3, 4, 5, 6;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION jejak_tenant_time_zone_moved() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  PERFORM public.jejak_rebuild_review_rollups(NEW.id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER tenants_time_zone_rollups AFTER UPDATE OF "time_zone" ON "tenants" FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone) EXECUTE FUNCTION jejak_tenant_time_zone_moved();
--> statement-breakpoint
SELECT jejak_rebuild_review_rollups(id) FROM "tenants";
