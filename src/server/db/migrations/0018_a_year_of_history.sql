-- A year of history (issue 16, point 5; ADR 0054). With 365 days of closed orders the queue, the
-- KPIs and the returns lookup read every order a store (or the chain) ever had; these indexes
-- let each read only what it shows, whatever the history.
--
-- The queue's "picked units still to put back": orders cancelled or expired that had units in
-- the store (claimed, or received) and were not put back yet. An order cancelled because nothing
-- was found never had any, so it is left out (it would wait here forever).
CREATE INDEX "orders_store_put_back_idx" ON "orders" USING btree ("store_id") WHERE "orders"."status" in ('cancelled', 'expired') and "orders"."put_back_at" is null and ("orders"."claimed_at" is not null or "orders"."ready_at" is not null) and "orders"."cancel_reason" is distinct from 'nothing_available';--> statement-breakpoint
-- The KPIs: orders promised in the period (the other moments are found by updated_at).
CREATE INDEX "orders_store_promised_idx" ON "orders" USING btree ("store_id","promised_at");--> statement-breakpoint
-- The returns counter finds an order of any store by its number as typed, the customer's
-- e-mail, or the phone's digits read backwards (a national number is the end of the stored
-- international one: a prefix of the reversed digits).
CREATE INDEX "orders_number_normalised_idx" ON "orders" USING btree (upper(regexp_replace("number", '[^A-Za-z0-9]', '', 'g')));--> statement-breakpoint
CREATE INDEX "orders_email_lower_idx" ON "orders" USING btree (lower("customer_email"));--> statement-breakpoint
CREATE INDEX "orders_phone_digits_reversed_idx" ON "orders" USING btree (reverse(regexp_replace(coalesce("customer_phone", ''), '[^0-9]', '', 'g')) text_pattern_ops);
