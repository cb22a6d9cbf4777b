CREATE TABLE "customer_notifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"store_id" text NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "rerouted_to" uuid;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "journey_id" uuid;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "inbound_tracking" text;--> statement-breakpoint
ALTER TABLE "customer_notifications" ADD CONSTRAINT "customer_notifications_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_notifications_unsent_idx" ON "customer_notifications" USING btree ("sent_at","created_at");--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_rerouted_to_orders_id_fk" FOREIGN KEY ("rerouted_to") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "orders_journey_idx" ON "orders" USING btree ("journey_id");--> statement-breakpoint
CREATE INDEX "orders_store_inbound_idx" ON "orders" USING btree ("store_id","inbound_tracking");