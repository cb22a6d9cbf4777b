import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../contract/error-body';
import { orderErrorCodes as wireOrderCodes } from '../../contract/error-codes';
import { pickupPassResponse } from '../../contract/passes';
import { DomainError } from '../../domain/domain-error';
import { isHandedOverInStore, orderErrorCodes, type FulfillmentType } from '../../domain/order-machine';
import { recordAudit } from '../audit/audit';
import type { Db } from '../db/client';
import { orders, stores } from '../db/schema';
import type { Guards } from '../plugins/auth';
import { actorOf, principalOf } from '../plugins/auth';
import { issuePickupPass } from '../core/issue-pickup-pass';
import type { PassKeyRing } from '../core/pass-key-ring';

export function passRoutes(app: FastifyInstance, db: Db, guards: Guards, keys: PassKeyRing): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/orders/:orderId/pickup-pass',
    {
      onRequest: guards.requireAssociate,
      schema: {
        tags: ['orders'],
        security: [{ bearer: [] }],
        summary: "The order's signed pickup pass (QR text), to print or show the customer",
        description:
          'A v2 pass signed with Ed25519: any device verifies it offline with the public keys the sync pull delivers (passKeys). Each call signs afresh; every pass issued stays valid. Issuing is audited, as the pass carries the pickup code. The code itself is not in the answer: the page shows the QR only (issue 13 point 7).',
        params: z.object({ orderId: z.uuid() }),
        response: { 200: pickupPassResponse, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const [row] = await db
        .select({
          id: orders.id,
          number: orders.number,
          pickupCode: orders.pickupCode,
          fulfillmentType: orders.fulfillmentType,
          customerName: orders.customerName,
          store: {
            id: stores.id,
            name: stores.name,
            address: stores.address,
            postcode: stores.postcode,
            city: stores.city,
          },
        })
        .from(orders)
        .innerJoin(stores, eq(stores.id, orders.storeId))
        .where(and(eq(orders.id, request.params.orderId), eq(orders.storeId, principal.storeId)));
      if (!row) {
        throw new DomainError(wireOrderCodes.notFound, 'No such order in this store', {
          orderId: request.params.orderId,
        });
      }
      if (!isHandedOverInStore(row.fulfillmentType as FulfillmentType)) {
        throw new DomainError(orderErrorCodes.notForFulfillmentType, 'This order is not collected in store');
      }
      const pass = issuePickupPass(keys, {
        storeId: row.store.id,
        number: row.number,
        pickupCode: row.pickupCode,
      });
      await recordAudit(db, actorOf(principal), {
        action: 'order.issuePickupPass',
        entityType: 'order',
        entityId: row.id,
        details: { keyId: pass.keyId, issuedAt: pass.issuedAt },
      });
      // The pass holds the pickup code: no cache on the way may keep it.
      void reply.header('cache-control', 'no-store');
      return {
        ...pass,
        orderNumber: row.number,
        customerName: row.customerName,
        store: row.store,
      };
    },
  );
}
