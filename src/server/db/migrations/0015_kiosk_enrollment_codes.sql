-- A kiosk enrolls by scanning a QR on the manager's screen (issue 14, point 9): each code is
-- signed, short-lived and used once; this row makes it single use and names the kiosk it became.
CREATE TABLE "kiosk_enrollment_codes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"name" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"kiosk_id" uuid
);
--> statement-breakpoint
ALTER TABLE "kiosk_enrollment_codes" ADD CONSTRAINT "kiosk_enrollment_codes_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kiosk_enrollment_codes" ADD CONSTRAINT "kiosk_enrollment_codes_created_by_associates_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."associates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kiosk_enrollment_codes" ADD CONSTRAINT "kiosk_enrollment_codes_kiosk_id_kiosk_devices_id_fk" FOREIGN KEY ("kiosk_id") REFERENCES "public"."kiosk_devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kiosk_enrollment_codes_store_idx" ON "kiosk_enrollment_codes" USING btree ("store_id","created_at");
