import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { productImageBody, productImageResult } from '../../contract/catalogue';
import { errorBody } from '../../contract/error-body';
import type { Db } from '../db/client';
import { platformKeyRequired } from '../core/platform-api-key';
import { setProductImage } from './product-images';

/**
 * The e-commerce platform owns the catalogue and its pictures (ADR 0055): it names a product's
 * picture here, with the intake's key, as it names the products of an order at intake.
 */
export function productImageRoutes(app: FastifyInstance, db: Db, apiKey: string): void {
  app.withTypeProvider<ZodTypeProvider>().put(
    '/api/catalogue/products/:sku/image',
    {
      onRequest: platformKeyRequired(apiKey),
      schema: {
        tags: ['intake'],
        summary: "Set or remove a product's picture (idempotent)",
        description:
          "imageUrl is an https address of at most 2048 characters, without a user or password; null removes the picture. Anything else is 400 request.invalid naming body.imageUrl. The customer's substitution page loads it, so its origin must be one PRODUCT_IMAGE_ORIGINS allows. An unknown SKU is 404 stock.productNotFound. Authenticate with the X-Api-Key header.",
        security: [{ apiKey: [] }],
        params: z.object({ sku: z.string().trim().min(1).max(64) }),
        body: productImageBody,
        response: { 200: productImageResult, 400: errorBody, 401: errorBody, 404: errorBody },
      },
    },
    async (request) => setProductImage(db, request.params.sku, request.body.imageUrl),
  );
}
