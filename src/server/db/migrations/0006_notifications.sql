CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"order_id" uuid,
	"event_type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"last_status" integer,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customer_notifications" ADD COLUMN "channel" text;--> statement-breakpoint
ALTER TABLE "customer_notifications" ADD COLUMN "recipient" text;--> statement-breakpoint
ALTER TABLE "customer_notifications" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_notifications" ADD COLUMN "next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_notifications" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "customer_notifications" ADD COLUMN "failed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "expired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "pickup_hold_days" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" USING btree ("next_attempt_at") WHERE "webhook_deliveries"."delivered_at" is null and "webhook_deliveries"."failed_at" is null;--> statement-breakpoint
CREATE INDEX "webhook_deliveries_order_idx" ON "webhook_deliveries" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "customer_notifications_due_idx" ON "customer_notifications" USING btree ("next_attempt_at") WHERE "customer_notifications"."sent_at" is null and "customer_notifications"."failed_at" is null;--> statement-breakpoint
CREATE INDEX "customer_notifications_order_idx" ON "customer_notifications" USING btree ("order_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_notifications_reminder_key" ON "customer_notifications" USING btree ("order_id") WHERE "customer_notifications"."kind" = 'pickup_reminder';--> statement-breakpoint
CREATE INDEX "orders_ready_at_idx" ON "orders" USING btree ("ready_at") WHERE "orders"."status" = 'ready';--> statement-breakpoint
ALTER TABLE "stores" ADD CONSTRAINT "stores_pickup_hold_days_check" CHECK ("stores"."pickup_hold_days" >= 1);--> statement-breakpoint
-- Hand-written (drizzle-kit does not model triggers): every insert into an outbox wakes the
-- notifier and the webhook dispatcher of every instance at commit, whoever wrote the rows.
CREATE FUNCTION "aisle_outbox_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('aisle_outbox', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "customer_notifications_outbox_notify" AFTER INSERT ON "customer_notifications" FOR EACH STATEMENT EXECUTE FUNCTION "aisle_outbox_notify"();--> statement-breakpoint
CREATE TRIGGER "webhook_deliveries_outbox_notify" AFTER INSERT ON "webhook_deliveries" FOR EACH STATEMENT EXECUTE FUNCTION "aisle_outbox_notify"();
