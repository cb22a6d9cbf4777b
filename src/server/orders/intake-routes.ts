import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody } from '../../contract/error-body';
import { intakeOrderBody, intakeResult } from '../../contract/orders';
import type { Db } from '../db/client';
import { z } from 'zod';
import { platformKeyRequired } from '../core/platform-api-key';
import { cancelFromPlatform, intakeOrder } from './intake-service';

export function intakeRoutes(app: FastifyInstance, db: Db, apiKey: string): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/orders',
    {
      onRequest: platformKeyRequired(apiKey),
      schema: {
        tags: ['intake'],
        summary: 'Push an order from the e-commerce platform (idempotent on externalId)',
        description:
          'Creates the order at the assigned store and reserves its stock: 201. The same externalId with the same body answers 200 with the first result; with a different body, 409 order.duplicateMismatch. Authenticate with the X-Api-Key header.',
        security: [{ apiKey: [] }],
        body: intakeOrderBody,
        response: {
          200: intakeResult,
          201: intakeResult,
          400: errorBody,
          401: errorBody,
          409: errorBody,
          422: errorBody,
        },
      },
    },
    async (request, reply) => {
      const { created, result } = await intakeOrder(
        db,
        { type: 'platform', id: 'ecommerce', storeId: request.body.storeId, deviceId: null },
        request.body,
      );
      if (!created) reply.header('idempotent-replayed', 'true');
      return reply.status(created ? 201 : 200).send(result);
    },
  );
}

/** What the e-commerce platform may do to an order after intake. */
export function platformRoutes(app: FastifyInstance, db: Db, apiKey: string): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/orders/external/:externalId/cancel',
    {
      onRequest: platformKeyRequired(apiKey),
      schema: {
        tags: ['intake'],
        summary: 'The platform cancels an order (customer cancelled online); reserved stock is released',
        description:
          'Allowed until the order is collected or shipped. Picked units become a put-back task for the store. Cancelling a cancelled order answers 200 again.',
        security: [{ apiKey: [] }],
        params: z.object({ externalId: z.string().min(1).max(64) }),
        body: z.object({ reason: z.string().trim().min(1).max(200) }),
        response: { 200: intakeResult, 400: errorBody, 401: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => cancelFromPlatform(db, request.params.externalId, request.body.reason),
  );
}
