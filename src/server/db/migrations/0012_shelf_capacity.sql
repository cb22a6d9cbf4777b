-- Each staging shelf holds a number of orders (issue 14, point 6; src/domain/shelf.ts): one for a
-- shelf, three for a locker, so staging on a full one asks first.
ALTER TABLE "staging_locations" ADD COLUMN "capacity" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "staging_locations" ADD CONSTRAINT "staging_locations_capacity_check" CHECK ("staging_locations"."capacity" >= 1);--> statement-breakpoint
UPDATE "staging_locations" SET "capacity" = 3 WHERE "kind" = 'locker';--> statement-breakpoint
-- Every location changed: one change number per store, so each device pulls the capacities.
UPDATE "store_sync" SET "version" = "version" + 1;--> statement-breakpoint
UPDATE "staging_locations" SET "sync_version" = "store_sync"."version" FROM "store_sync" WHERE "store_sync"."store_id" = "staging_locations"."store_id";--> statement-breakpoint
-- What is on each shelf now, read by every staging command.
CREATE INDEX IF NOT EXISTS "orders_store_shelf_idx" ON "orders" USING btree ("store_id","staging_location") WHERE "orders"."status" = 'ready';
