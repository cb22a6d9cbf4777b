-- Substitutions (issue 15, ADR 0046). The store's price rule and the minutes a customer has to
-- answer are store settings; the order keeps the customer's preference with the rule and minutes
-- in force when it was taken, so device and server decide a substitute alike, offline too.
ALTER TABLE "stores" ADD COLUMN "substitution_price_rule" jsonb DEFAULT '{"kind":"within","percent":30,"amountCents":300}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "substitution_answer_minutes" integer DEFAULT 20 NOT NULL;--> statement-breakpoint
ALTER TABLE "stores" ADD CONSTRAINT "stores_substitution_answer_minutes_check" CHECK ("stores"."substitution_answer_minutes" >= 1);--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "substitution" jsonb;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "substitution_preference" jsonb;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "substitute" jsonb;--> statement-breakpoint
-- The customer's answer and the expiry job find what waits by this index.
CREATE INDEX "order_lines_substitute_pending_idx" ON "order_lines" USING btree ("store_id") WHERE "order_lines"."substitute"->>'status' = 'pending';
--> statement-breakpoint
-- A cheaper substitute or a declined one is refunded through the payment adapter without a return.
ALTER TABLE "refunds" ALTER COLUMN "return_id" DROP NOT NULL;
