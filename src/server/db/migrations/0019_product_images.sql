-- Product pictures (issue 15: the customer sees the product, the price difference and the
-- picture; ADR 0055). A product may name a picture: an https address on the platform's image
-- host, or a path on this server (the demo's drawings in public/product-images). Nullable: a
-- product without one shows a neutral placeholder. The check keeps a stray value (a data: URL,
-- a script, a megabyte) out of every page and e-mail that shows it.
ALTER TABLE "products" ADD COLUMN "image_url" text;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_image_url_check" CHECK ("products"."image_url" is null or (char_length("products"."image_url") <= 2048 and "products"."image_url" ~ '^(https://[^/\s]|/[^/\s])[^\s]*$'));
