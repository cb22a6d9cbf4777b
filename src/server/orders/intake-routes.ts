import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody } from '../../contract/error-body';
import { intakeOrderBody, intakeResult } from '../../contract/orders';
import type { Db } from '../db/client';
import { assertApiKey, intakeOrder } from './intake-service';

export function intakeRoutes(app: FastifyInstance, db: Db, apiKey: string): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/orders',
    {
      // The key is checked before the body is validated, so a caller without one learns nothing.
      onRequest: async (request) => assertApiKey(apiKey, request.headers['x-api-key'] as string | undefined),
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
