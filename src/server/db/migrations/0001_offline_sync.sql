CREATE TABLE "mutation_log" (
	"mutation_id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" text NOT NULL,
	"result" jsonb,
	"associate_id" uuid NOT NULL,
	"store_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "store_sync" (
	"store_id" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_clients" (
	"client_id" uuid PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"associate_id" uuid NOT NULL,
	"device_id" text NOT NULL,
	"last_seq" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "cancelled_by" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "put_back_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "sync_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "staging_locations" ADD COLUMN "sync_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "stock" ADD COLUMN "sync_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "mutation_log_client_seq_key" ON "mutation_log" USING btree ("client_id","seq");--> statement-breakpoint
CREATE INDEX "mutation_log_created_idx" ON "mutation_log" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "orders_store_sync_idx" ON "orders" USING btree ("store_id","sync_version");--> statement-breakpoint
CREATE INDEX "stock_store_sync_idx" ON "stock" USING btree ("store_id","sync_version");