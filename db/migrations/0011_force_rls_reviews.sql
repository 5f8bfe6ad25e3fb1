-- Row-level security applies even to the tables' owner (see 0002).
ALTER TABLE "review_links" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "reviews" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The routing table is read by slug hash before any business is known, and written when a link
-- is made: the app may look up and add routes, never change or remove them.
REVOKE UPDATE, DELETE, TRUNCATE ON "review_link_routes" FROM jejak_app;
--> statement-breakpoint
-- Reviews are never deleted by the app: spam is a status, erasure clears the personal fields.
REVOKE DELETE, TRUNCATE ON "reviews" FROM jejak_app;
