import { locationColumns } from '../db/product-columns';
import { asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../contract/error-body';
import { stagingLocation, storeSummary } from '../../contract/stores';
import type { Db } from '../db/client';
import { stagingLocations, stores } from '../db/schema';
import type { Guards } from '../plugins/auth';
import { principalOf } from '../plugins/auth';

export function storesRoutes(app: FastifyInstance, db: Db, guards: Guards): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/stores',
    {
      schema: {
        tags: ['stores'],
        summary: 'The stores an associate can sign in to (public, for the sign-in screen)',
        response: { 200: z.object({ stores: z.array(storeSummary) }) },
      },
    },
    async () => ({
      stores: await db
        .select({ id: stores.id, name: stores.name, city: stores.city })
        .from(stores)
        .orderBy(asc(stores.id)),
    }),
  );

  r.get(
    '/api/staging-locations',
    {
      onRequest: guards.requireAssociate,
      schema: {
        tags: ['stores'],
        summary: "The signed-in store's staging locations for ready orders",
        security: [{ bearer: [] }],
        response: { 200: z.object({ locations: z.array(stagingLocation) }), 401: errorBody },
      },
    },
    async (request) => ({
      locations: await db
        .select(locationColumns)
        .from(stagingLocations)
        .where(eq(stagingLocations.storeId, principalOf(request).storeId))
        .orderBy(asc(stagingLocations.code)),
    }),
  );
}
