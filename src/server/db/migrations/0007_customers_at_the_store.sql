CREATE TABLE "kiosk_devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"store_id" text NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"enrolled_by" uuid NOT NULL,
	"enrolled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_seen_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "pickup_arrivals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"store_id" text NOT NULL,
	"kind" text NOT NULL,
	"kiosk_id" uuid,
	"parking_spot" text,
	"vehicle" text,
	"arrived_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"handed_over_at" timestamp with time zone,
	"sync_version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pickup_ratings" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"rating" integer NOT NULL,
	"comment" text,
	"source" text NOT NULL,
	"rated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pickup_ratings_rating_check" CHECK ("pickup_ratings"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limits_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "assigned_to" uuid;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "assigned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "arrived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "kiosk_devices" ADD CONSTRAINT "kiosk_devices_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kiosk_devices" ADD CONSTRAINT "kiosk_devices_enrolled_by_associates_id_fk" FOREIGN KEY ("enrolled_by") REFERENCES "public"."associates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pickup_arrivals" ADD CONSTRAINT "pickup_arrivals_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pickup_arrivals" ADD CONSTRAINT "pickup_arrivals_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pickup_arrivals" ADD CONSTRAINT "pickup_arrivals_kiosk_id_kiosk_devices_id_fk" FOREIGN KEY ("kiosk_id") REFERENCES "public"."kiosk_devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pickup_arrivals" ADD CONSTRAINT "pickup_arrivals_acknowledged_by_associates_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."associates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pickup_ratings" ADD CONSTRAINT "pickup_ratings_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "kiosk_devices_token_key" ON "kiosk_devices" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "kiosk_devices_store_idx" ON "kiosk_devices" USING btree ("store_id");--> statement-breakpoint
CREATE INDEX "pickup_arrivals_store_sync_idx" ON "pickup_arrivals" USING btree ("store_id","sync_version");--> statement-breakpoint
CREATE INDEX "pickup_arrivals_order_idx" ON "pickup_arrivals" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "pickup_ratings_store_idx" ON "pickup_ratings" USING btree ("store_id","rated_at");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_assigned_to_associates_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."associates"("id") ON DELETE no action ON UPDATE no action;