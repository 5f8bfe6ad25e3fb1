CREATE TABLE "testimonial_pages" (
	"slug" text PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "testimonial_pages_tenant_key" UNIQUE("tenant_id")
);
--> statement-breakpoint
ALTER TABLE "testimonial_pages" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "default_locale" "locale";--> statement-breakpoint
ALTER TABLE "testimonial_pages" ADD CONSTRAINT "testimonial_pages_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reviews_featured_idx" ON "reviews" USING btree ("tenant_id","created_at") WHERE "reviews"."featured";--> statement-breakpoint
CREATE POLICY "public_read" ON "testimonial_pages" AS PERMISSIVE FOR SELECT TO "jejak_app" USING (true);--> statement-breakpoint
CREATE POLICY "own_insert" ON "testimonial_pages" AS PERMISSIVE FOR INSERT TO "jejak_app" WITH CHECK ("testimonial_pages"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "own_update" ON "testimonial_pages" AS PERMISSIVE FOR UPDATE TO "jejak_app" USING ("testimonial_pages"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("testimonial_pages"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "own_delete" ON "testimonial_pages" AS PERMISSIVE FOR DELETE TO "jejak_app" USING ("testimonial_pages"."tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
-- Row-level security applies even to the table's owner (see 0002).
ALTER TABLE "testimonial_pages" FORCE ROW LEVEL SECURITY;
