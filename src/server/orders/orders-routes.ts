import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../contract/error-body';
import {
  cancelBody,
  handoverBody,
  orderDetail,
  pickBody,
  pickResult,
  queueResponse,
  shortBody,
  stageBody,
} from '../../contract/orders';
import { packOrderBody } from '../../contract/shipping';
import type { PassSignatureVerifier } from '../../domain/signed-pickup-pass';
import { closeArrivalsOnHandover } from '../curbside/arrival-actions';
import type { Db } from '../db/client';
import type { Guards } from '../plugins/auth';
import { actorOf, principalOf } from '../plugins/auth';
import type { ActionContext } from './order-actions';
import {
  cancelOrder,
  claimOrder,
  handOver,
  pickUnits,
  runOrderActions,
  shortLine,
  stageOrder,
} from './order-actions';
import { loadOrderDetail, loadQueue } from './order-views';
import { packOrder, shipOrder } from './ship-actions';

const tags = ['orders'];
const security = [{ bearer: [] }];
const params = z.object({ orderId: z.uuid() });
const errors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  422: errorBody,
};

export function ordersRoutes(
  app: FastifyInstance,
  db: Db,
  guards: Guards,
  verifyPass: PassSignatureVerifier,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** Runs one action in its own transaction, then answers with the order as it now is. */
  async function act<T>(
    request: FastifyRequest,
    orderId: string,
    action: (ctx: ActionContext) => Promise<T>,
  ) {
    const principal = principalOf(request);
    const actor = {
      ...actorOf(principal),
      type: 'associate' as const,
      id: principal.associateId,
      storeId: principal.storeId,
    };
    const outcome = await db.transaction((tx) => runOrderActions(tx, actor, action, verifyPass));
    return { outcome, order: await loadOrderDetail(db, principal.storeId, orderId) };
  }

  r.get(
    '/api/queue',
    {
      preHandler: guards.requireAssociate,
      schema: {
        tags,
        security,
        summary: "The store's work queue: open orders and those closed in the last 12 h, by promise time",
        response: { 200: queueResponse, ...errors },
      },
    },
    async (request) => ({
      orders: await loadQueue(db, principalOf(request).storeId),
      serverTime: new Date().toISOString(),
    }),
  );

  r.get(
    '/api/orders/:orderId',
    {
      preHandler: guards.requireAssociate,
      schema: {
        tags,
        security,
        summary: 'One order with its lines in walking order',
        params,
        response: { 200: orderDetail, ...errors },
      },
    },
    (request) => loadOrderDetail(db, principalOf(request).storeId, request.params.orderId),
  );

  r.post(
    '/api/orders/:orderId/claim',
    {
      preHandler: guards.requireAssociate,
      schema: {
        tags,
        security,
        summary: 'Claim an order to pick it (new → picking)',
        params,
        body: z.object({}).optional(),
        response: { 200: orderDetail, ...errors },
      },
    },
    async (request) =>
      (await act(request, request.params.orderId, (ctx) => claimOrder(ctx, request.params.orderId))).order,
  );

  r.post(
    '/api/orders/:orderId/pick',
    {
      preHandler: guards.requireAssociate,
      schema: {
        tags,
        security,
        summary: 'Confirm picked units by their scanned code',
        description:
          'The code is matched to a line by GTIN equivalence (UPC-A, EAN-13, GTIN-14). When every line is picked or short the order becomes picked.',
        params,
        body: pickBody,
        response: { 200: pickResult, ...errors },
      },
    },
    async (request) => {
      const { orderId } = request.params;
      const { outcome, order } = await act(request, orderId, (ctx) =>
        pickUnits(ctx, orderId, request.body.code, request.body.qty),
      );
      return { lineId: outcome, order };
    },
  );

  r.post(
    '/api/orders/:orderId/short',
    {
      preHandler: guards.requireAssociate,
      schema: {
        tags,
        security,
        summary:
          'Declare units of a line that cannot be picked, with a reason; their reservation is released',
        params,
        body: shortBody,
        response: { 200: orderDetail, ...errors },
      },
    },
    async (request) =>
      (
        await act(request, request.params.orderId, (ctx) =>
          shortLine(ctx, request.params.orderId, request.body),
        )
      ).order,
  );

  r.post(
    '/api/orders/:orderId/stage',
    {
      preHandler: guards.requireAssociate,
      schema: {
        tags,
        security,
        summary: 'Put a picked order on a staging location (picked → ready)',
        params,
        body: stageBody,
        response: { 200: orderDetail, ...errors },
      },
    },
    async (request) =>
      (
        await act(request, request.params.orderId, (ctx) =>
          stageOrder(ctx, request.params.orderId, request.body.locationCode),
        )
      ).order,
  );

  r.post(
    '/api/orders/:orderId/handover',
    {
      preHandler: guards.requireAssociate,
      schema: {
        tags,
        security,
        summary:
          'Hand the order to the customer after checking their pickup code or QR pass (ready → collected)',
        description:
          'The code is the 6-digit pickup code, or the text of a scanned pass: a signed v2 pass (AISLE:PASS:2:…, its Ed25519 signature checked first) or a legacy v1 pass.',
        params,
        body: handoverBody,
        response: { 200: orderDetail, ...errors },
      },
    },
    async (request) =>
      (
        await act(request, request.params.orderId, async (ctx) => {
          await handOver(ctx, request.params.orderId, request.body.code);
          // A customer waiting at the counter or in the car is served (src/server/curbside).
          await closeArrivalsOnHandover(ctx, request.params.orderId);
        })
      ).order,
  );

  r.post(
    '/api/orders/:orderId/pack',
    {
      preHandler: guards.requireAssociate,
      schema: {
        tags,
        security,
        summary: 'Record the packages of a picked ship-from-store order (picked → packed)',
        description:
          'At least one package, each with its type and weight in whole grams; a custom package needs its sizes. Packing again replaces the packages, until a label is booked (409 pack.alreadyLabelled).',
        params,
        body: packOrderBody,
        response: { 200: orderDetail, ...errors },
      },
    },
    async (request) =>
      (
        await act(request, request.params.orderId, (ctx) =>
          packOrder(ctx, request.params.orderId, request.body.packages),
        )
      ).order,
  );

  r.post(
    '/api/orders/:orderId/ship',
    {
      preHandler: guards.requireAssociate,
      schema: {
        tags,
        security,
        summary:
          'The parcels left with the carrier (packed → shipped); needs a booked label (409 ship.noLabel)',
        params,
        body: z.object({}).optional(),
        response: { 200: orderDetail, ...errors },
      },
    },
    async (request) =>
      (await act(request, request.params.orderId, (ctx) => shipOrder(ctx, request.params.orderId))).order,
  );

  r.post(
    '/api/orders/:orderId/cancel',
    {
      preHandler: guards.requireManager,
      schema: {
        tags,
        security,
        summary: 'Cancel an open order (managers); reserved stock is released',
        params,
        body: cancelBody,
        response: { 200: orderDetail, ...errors },
      },
    },
    async (request) =>
      (
        await act(request, request.params.orderId, (ctx) =>
          cancelOrder(ctx, request.params.orderId, request.body.reason),
        )
      ).order,
  );
}
