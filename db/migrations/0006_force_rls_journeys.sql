ALTER TABLE "personas" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "journeys" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "journey_stages" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "journey_versions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "journey_share_links" FORCE ROW LEVEL SECURITY;
