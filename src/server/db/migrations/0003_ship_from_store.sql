CREATE TABLE "carrier_sequences" (
	"store_id" text NOT NULL,
	"carrier_id" text NOT NULL,
	"last_value" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "carrier_sequences_store_id_carrier_id_pk" PRIMARY KEY("store_id","carrier_id")
);
--> statement-breakpoint
CREATE TABLE "manifests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"store_id" text NOT NULL,
	"carrier_id" text NOT NULL,
	"carrier_name" text NOT NULL,
	"carrier_manifest_id" text NOT NULL,
	"ship_date" text NOT NULL,
	"shipment_count" integer NOT NULL,
	"package_count" integer NOT NULL,
	"weight_grams" integer NOT NULL,
	"rows" jsonb NOT NULL,
	"pdf" "bytea" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shipment_packages" (
	"shipment_id" uuid NOT NULL,
	"store_id" text NOT NULL,
	"package_number" integer NOT NULL,
	"idempotency_key" text NOT NULL,
	"type" text NOT NULL,
	"weight_grams" integer NOT NULL,
	"length_mm" integer NOT NULL,
	"width_mm" integer NOT NULL,
	"height_mm" integer NOT NULL,
	"carrier_id" text NOT NULL,
	"tracking_number" text NOT NULL,
	"label_kind" text NOT NULL,
	"label_pdf" "bytea",
	"label_barcode" text,
	"routing_code" text,
	CONSTRAINT "shipment_packages_shipment_id_package_number_pk" PRIMARY KEY("shipment_id","package_number")
);
--> statement-breakpoint
CREATE TABLE "shipments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"store_id" text NOT NULL,
	"order_id" uuid NOT NULL,
	"pack_revision" integer NOT NULL,
	"status" text NOT NULL,
	"carrier_id" text NOT NULL,
	"carrier_name" text NOT NULL,
	"service" text NOT NULL,
	"service_name" text NOT NULL,
	"ship_date" text NOT NULL,
	"recipient" jsonb NOT NULL,
	"carrier_shipment_id" text,
	"attempted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"booked_at" timestamp with time zone,
	"manifest_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "packed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "shipped_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "packages" jsonb;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "pack_revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "carrier_sequences" ADD CONSTRAINT "carrier_sequences_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manifests" ADD CONSTRAINT "manifests_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manifests" ADD CONSTRAINT "manifests_created_by_associates_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."associates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipment_packages" ADD CONSTRAINT "shipment_packages_shipment_id_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."shipments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_manifest_id_manifests_id_fk" FOREIGN KEY ("manifest_id") REFERENCES "public"."manifests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "manifests_store_carrier_manifest_key" ON "manifests" USING btree ("store_id","carrier_id","carrier_manifest_id");--> statement-breakpoint
CREATE INDEX "manifests_store_date_idx" ON "manifests" USING btree ("store_id","ship_date");--> statement-breakpoint
CREATE UNIQUE INDEX "shipment_packages_idempotency_key" ON "shipment_packages" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "shipment_packages_tracking_key" ON "shipment_packages" USING btree ("carrier_id","tracking_number");--> statement-breakpoint
CREATE UNIQUE INDEX "shipments_order_revision_key" ON "shipments" USING btree ("order_id","pack_revision");--> statement-breakpoint
CREATE INDEX "shipments_store_open_idx" ON "shipments" USING btree ("store_id","status","manifest_id");