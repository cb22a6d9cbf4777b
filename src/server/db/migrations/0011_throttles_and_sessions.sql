-- Issue 13 points 4-5 (ADRs 0025, 0026). One throttle table for every limiter
-- (src/server/rate-limit): a counter per key with the end of its window, and for the
-- failure throttles the time a growing delay ends. The old fixed-window rows are counters
-- of at most 15 minutes; dropping them forgets nothing worth keeping.
DROP TABLE "rate_limits";--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"hits" integer NOT NULL,
	"window_ends_at" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "rate_limits_window_ends_idx" ON "rate_limits" USING btree ("window_ends_at");--> statement-breakpoint
-- Wrong PINs no longer lock the account itself: the throttle does, per address and per device.
ALTER TABLE "associates" DROP COLUMN "failed_attempts";--> statement-breakpoint
ALTER TABLE "associates" DROP COLUMN "locked_until";--> statement-breakpoint
-- The devices an associate signed in on with the right PIN: their usual devices, which an
-- outsider's guesses elsewhere cannot lock.
CREATE TABLE "associate_devices" (
	"associate_id" uuid NOT NULL,
	"device_id" text NOT NULL,
	"first_signed_in_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_signed_in_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "associate_devices_associate_id_device_id_pk" PRIMARY KEY("associate_id","device_id")
);
--> statement-breakpoint
ALTER TABLE "associate_devices" ADD CONSTRAINT "associate_devices_associate_id_associates_id_fk" FOREIGN KEY ("associate_id") REFERENCES "public"."associates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- A session: one sign-in on one device, and every refresh token rotated from it (a family).
-- Access tokens name it (claim sid); once it ends they are refused on every instance.
CREATE TABLE "auth_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"associate_id" uuid NOT NULL,
	"store_id" text NOT NULL,
	"device_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text
);
--> statement-breakpoint
ALTER TABLE "auth_sessions" ADD CONSTRAINT "auth_sessions_associate_id_associates_id_fk" FOREIGN KEY ("associate_id") REFERENCES "public"."associates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "auth_sessions_associate_idx" ON "auth_sessions" USING btree ("associate_id");--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD COLUMN "session_id" uuid;--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD COLUMN "parent_id" uuid;--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD COLUMN "revoke_reason" text;--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD COLUMN "used_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_session_id_auth_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."auth_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "refresh_tokens_session_idx" ON "refresh_tokens" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "refresh_tokens_parent_idx" ON "refresh_tokens" USING btree ("parent_id");--> statement-breakpoint
-- Every instance keeps a few seconds' cache of "is this session still good"; these NOTIFYs
-- drop the entry at once, whoever ended the session or deactivated the associate (the API,
-- a CLI, plain SQL).
CREATE FUNCTION "aisle_session_ended"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('aisle_session', 'session:' || NEW.id::text);
	RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "auth_sessions_ended_notify" AFTER UPDATE OF "ended_at" ON "auth_sessions"
	FOR EACH ROW WHEN (NEW.ended_at IS NOT NULL AND OLD.ended_at IS NULL) EXECUTE FUNCTION "aisle_session_ended"();--> statement-breakpoint
CREATE FUNCTION "aisle_associate_deactivated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('aisle_session', 'associate:' || NEW.id::text);
	RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "associates_deactivated_notify" AFTER UPDATE OF "active", "role", "store_id" ON "associates"
	FOR EACH ROW EXECUTE FUNCTION "aisle_associate_deactivated"();
