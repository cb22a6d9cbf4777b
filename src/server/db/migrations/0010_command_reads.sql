-- A command reads whether the customer was told about a line's short units (src/server/core/order-rows.ts):
-- an exists() over the order's notifications, which needs them by order.
CREATE INDEX IF NOT EXISTS "customer_notifications_order_idx" ON "customer_notifications" USING btree ("order_id");
