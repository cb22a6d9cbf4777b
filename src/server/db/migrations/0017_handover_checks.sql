-- Handover at the counter (issue 15, points 4 and 5; ADR 0047). A line's picked units are handed
-- over, refused, or still staged; an order may need an ID step before its handover, flagged at
-- intake (high value, a named third party) or by a line's minimum age, itself the platform's or
-- the store's age for the product's category. Of a passed check only the document type, its last
-- 4 characters, who checked and when are kept: never an image, the full number or a birth date.
ALTER TABLE "order_lines" ADD COLUMN "qty_handed_over" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "qty_refused" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "minimum_age" integer;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_counter_units_check" CHECK ("order_lines"."qty_handed_over" >= 0 AND "order_lines"."qty_refused" >= 0 AND "order_lines"."qty_handed_over" + "order_lines"."qty_refused" <= "order_lines"."qty_picked");--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_minimum_age_check" CHECK ("order_lines"."minimum_age" BETWEEN 1 AND 99);--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "high_value" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "collector_name" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "id_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "id_checked_by" uuid;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "id_document_type" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "id_document_last4" text;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_id_checked_by_associates_id_fk" FOREIGN KEY ("id_checked_by") REFERENCES "public"."associates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_id_document_last4_check" CHECK ("orders"."id_document_last4" ~ '^[A-Z0-9]{4}$');--> statement-breakpoint
-- A refusal at the counter is recorded as a return of units that never left the store, so the
-- refund ledger and its "never more than was paid" hold across refusals and later returns.
ALTER TABLE "order_returns" ADD COLUMN "kind" text DEFAULT 'return' NOT NULL;--> statement-breakpoint
ALTER TABLE "order_returns" ADD CONSTRAINT "order_returns_kind_check" CHECK ("order_returns"."kind" IN ('return', 'refusal'));--> statement-breakpoint
CREATE TABLE "store_category_ages" (
	"store_id" text NOT NULL,
	"category" text NOT NULL,
	"minimum_age" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "store_category_ages_store_id_category_pk" PRIMARY KEY("store_id","category"),
	CONSTRAINT "store_category_ages_minimum_age_check" CHECK ("store_category_ages"."minimum_age" BETWEEN 1 AND 99)
);
--> statement-breakpoint
ALTER TABLE "store_category_ages" ADD CONSTRAINT "store_category_ages_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;
