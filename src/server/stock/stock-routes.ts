import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../contract/error-body';
import { productAvailability, stockSearchQuery, stockSearchResponse } from '../../contract/stock';
import type { Db } from '../db/client';
import type { Guards } from '../plugins/auth';
import { principalOf } from '../plugins/auth';
import { productAvailability as loadAvailability, searchStock } from './stock-service';

const tags = ['stock'];
const security = [{ bearer: [] }];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

/** Stock everywhere, for the signed-in associate's store (the token decides "here"). */
export function stockRoutes(app: FastifyInstance, db: Db, guards: Guards): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/stock/search',
    {
      onRequest: guards.requireAssociate,
      schema: {
        tags,
        security,
        summary: 'Find products by scanned code, GTIN, SKU, name or brand, with availability here',
        description:
          'A valid GTIN of any length (or a GS1 element string) finds that product only. Otherwise the query matches SKUs exactly or by their start, and words of the Italian or English name, brand, colour and size as word prefixes. Results: exact code first, then SKU prefix, then text by rank. When the answer is one product, `availability` carries it in every store, nearest first.',
        querystring: stockSearchQuery,
        response: { 200: stockSearchResponse, ...errors },
      },
    },
    (request) => searchStock(db, principalOf(request).storeId, request.query.q, request.query.limit),
  );

  r.get(
    '/api/stock/products/:productId',
    {
      onRequest: guards.requireAssociate,
      schema: {
        tags,
        security,
        summary: 'One product in this store and in every other store, nearest first',
        description:
          'Each store with its on-hand, reserved, safety stock, available (on hand − reserved − safety, never below 0), distance from this store and the time its figure last changed. Stores that do not carry the product are left out.',
        params: z.object({ productId: z.uuid() }),
        response: { 200: productAvailability, ...errors },
      },
    },
    (request) => loadAvailability(db, principalOf(request).storeId, request.params.productId),
  );
}
