CREATE TYPE "public"."review_status" AS ENUM('new', 'read', 'spam');--> statement-breakpoint
CREATE TABLE "review_link_routes" (
	"slug_hash" text PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"link_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_links" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"journey_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"touchpoint" text DEFAULT '' NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"thank_you" text NOT NULL,
	"ask_nps" boolean DEFAULT false NOT NULL,
	"ask_comment" boolean DEFAULT true NOT NULL,
	"ask_contact" boolean DEFAULT false NOT NULL,
	"ask_testimonial" boolean DEFAULT false NOT NULL,
	"google_maps_url" text,
	"expires_at" timestamp with time zone,
	"active" boolean DEFAULT true NOT NULL,
	"opened_count" integer DEFAULT 0 NOT NULL,
	"submitted_count" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_links_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "review_links" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "reviews" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"link_id" uuid NOT NULL,
	"journey_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"touchpoint" text DEFAULT '' NOT NULL,
	"stars" smallint NOT NULL,
	"nps" smallint,
	"comment" text DEFAULT '' NOT NULL,
	"customer_name" text,
	"customer_whatsapp" text,
	"contact_consent" boolean DEFAULT false NOT NULL,
	"testimonial_consent" boolean DEFAULT false NOT NULL,
	"status" "review_status" DEFAULT 'new' NOT NULL,
	"spam_reason" text,
	"featured" boolean DEFAULT false NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"submission_key" uuid NOT NULL,
	"locale" "locale" DEFAULT 'id' NOT NULL,
	"erased_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reviews_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "reviews_stars_range" CHECK ("reviews"."stars" between 1 and 5),
	CONSTRAINT "reviews_nps_range" CHECK ("reviews"."nps" between 0 and 10),
	CONSTRAINT "reviews_contact_needs_consent" CHECK ("reviews"."contact_consent" or ("reviews"."customer_name" is null and "reviews"."customer_whatsapp" is null)),
	CONSTRAINT "reviews_featured_needs_consent" CHECK (not "reviews"."featured" or "reviews"."testimonial_consent")
);
--> statement-breakpoint
ALTER TABLE "reviews" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "review_link_routes" ADD CONSTRAINT "review_link_routes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_links" ADD CONSTRAINT "review_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_links" ADD CONSTRAINT "review_links_journey_fk" FOREIGN KEY ("tenant_id","journey_id") REFERENCES "public"."journeys"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_link_fk" FOREIGN KEY ("tenant_id","link_id") REFERENCES "public"."review_links"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_journey_fk" FOREIGN KEY ("tenant_id","journey_id") REFERENCES "public"."journeys"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "review_links_slug_key" ON "review_links" USING btree ("tenant_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_submission_key" ON "reviews" USING btree ("tenant_id","submission_key");--> statement-breakpoint
CREATE INDEX "reviews_tenant_time_idx" ON "reviews" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "reviews_stage_time_idx" ON "reviews" USING btree ("tenant_id","journey_id","stage_id","created_at");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "review_links" AS PERMISSIVE FOR ALL TO "jejak_app" USING ("review_links"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("review_links"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "reviews" AS PERMISSIVE FOR ALL TO "jejak_app" USING ("reviews"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("reviews"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);