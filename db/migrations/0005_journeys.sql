CREATE TYPE "public"."journey_status" AS ENUM('draft', 'active', 'archived');--> statement-breakpoint
CREATE TYPE "public"."stage_model" AS ENUM('five_stage', 'five_phase', 'three_stage', 'blank');--> statement-breakpoint
CREATE TABLE "journey_share_links" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"journey_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journey_share_links_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "journey_share_links" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "journey_stages" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"journey_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"stage_key" text,
	"name" text NOT NULL,
	"emotion_score" smallint,
	"emotion_note" text DEFAULT '' NOT NULL,
	"metric" text DEFAULT '' NOT NULL,
	"lanes" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journey_stages_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "journey_stages_emotion_range" CHECK ("journey_stages"."emotion_score" between -2 and 2)
);
--> statement-breakpoint
ALTER TABLE "journey_stages" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "journey_versions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"journey_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"snapshot" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journey_versions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "journey_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "journeys" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"persona_id" uuid,
	"status" "journey_status" DEFAULT 'draft' NOT NULL,
	"stage_model" "stage_model" DEFAULT 'blank' NOT NULL,
	"template_key" text,
	"is_cycle" boolean DEFAULT false NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journeys_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "journeys" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "personas" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"avatar_color" text DEFAULT 'emerald' NOT NULL,
	"photo_url" text,
	"age_range" text DEFAULT '' NOT NULL,
	"gender" text DEFAULT '' NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"occupation" text DEFAULT '' NOT NULL,
	"lifestyle" text DEFAULT '' NOT NULL,
	"personality" text DEFAULT '' NOT NULL,
	"goals" text DEFAULT '' NOT NULL,
	"pain_points" text DEFAULT '' NOT NULL,
	"expectations" text DEFAULT '' NOT NULL,
	"shopping_preferences" text DEFAULT '' NOT NULL,
	"preferred_channels" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active_times" text DEFAULT '' NOT NULL,
	"brand_view" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "personas_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "personas" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "journey_share_links" ADD CONSTRAINT "journey_share_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_share_links" ADD CONSTRAINT "journey_share_links_journey_fk" FOREIGN KEY ("tenant_id","journey_id") REFERENCES "public"."journeys"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_stages" ADD CONSTRAINT "journey_stages_journey_fk" FOREIGN KEY ("tenant_id","journey_id") REFERENCES "public"."journeys"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_versions" ADD CONSTRAINT "journey_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_versions" ADD CONSTRAINT "journey_versions_journey_fk" FOREIGN KEY ("tenant_id","journey_id") REFERENCES "public"."journeys"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journeys" ADD CONSTRAINT "journeys_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journeys" ADD CONSTRAINT "journeys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journeys" ADD CONSTRAINT "journeys_persona_fk" FOREIGN KEY ("tenant_id","persona_id") REFERENCES "public"."personas"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personas" ADD CONSTRAINT "personas_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "journey_share_links_token_key" ON "journey_share_links" USING btree ("tenant_id","token_hash");--> statement-breakpoint
CREATE INDEX "journey_stages_journey_idx" ON "journey_stages" USING btree ("tenant_id","journey_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "journey_versions_number_key" ON "journey_versions" USING btree ("tenant_id","journey_id","number");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "journey_share_links" AS PERMISSIVE FOR ALL TO "jejak_app" USING ("journey_share_links"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("journey_share_links"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "journey_stages" AS PERMISSIVE FOR ALL TO "jejak_app" USING ("journey_stages"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("journey_stages"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "journey_versions" AS PERMISSIVE FOR ALL TO "jejak_app" USING ("journey_versions"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("journey_versions"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "journeys" AS PERMISSIVE FOR ALL TO "jejak_app" USING ("journeys"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("journeys"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "personas" AS PERMISSIVE FOR ALL TO "jejak_app" USING ("personas"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("personas"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);