import type { FastifyInstance } from 'fastify';
import { recordPickupRefusals, type PickupRefusal } from '../core/pickup-attempts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z, type ZodType } from 'zod';
import type { CommandActor } from '../../commands/order-tx';
import type { DefinedCommandName } from '../../commands/registry';
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
  substituteBody,
  type OrderDetail,
} from '../../contract/orders';
import { checkIdBody } from '../../contract/handover-checks';
import { packOrderBody } from '../../contract/shipping';
import type { PassSignatureVerifier } from '../../domain/signed-pickup-pass';
import type { Principal } from '../core/tokens';
import { runCommands } from '../core/run-commands';
import type { ReturnServices } from '../core/return-facts';
import type { Db } from '../db/client';
import type { Guard, Guards } from '../plugins/auth';
import { principalOf } from '../plugins/auth';
import { loadOrderDetail, loadQueue } from '../core/order-views';

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

export function commandActorOf(principal: Principal): CommandActor {
  return {
    type: 'associate',
    id: principal.associateId,
    name: principal.name,
    storeId: principal.storeId,
    role: principal.role,
    deviceId: principal.deviceId,
  };
}

/**
 * An associate action over REST: the same command definition the devices queue, run once in
 * its own transaction (one write path), then the order as it now is.
 */
interface RestAction {
  command: DefinedCommandName;
  path: string;
  summary: string;
  description?: string;
  body: ZodType;
  guard: (guards: Guards) => Guard;
  args: (orderId: string, body: Record<string, unknown>) => Record<string, unknown>;
  /** The pick answers which line it confirmed, beside the order. */
  withResult?: boolean;
}

const empty = z.object({}).optional();
const withOrder = (orderId: string, body: Record<string, unknown>) => ({ ...body, orderId });

const restActions: RestAction[] = [
  {
    command: 'order.claim',
    path: 'claim',
    summary: 'Claim an order to pick it (new → picking)',
    body: empty,
    guard: (g) => g.requireAssociate,
    args: (orderId) => ({ orderId }),
  },
  {
    command: 'pick.confirm',
    path: 'pick',
    summary: 'Confirm picked units by their scanned code',
    description:
      'The code is matched to a line by GTIN equivalence (UPC-A, EAN-13, GTIN-14). When every line is picked or short the order becomes picked.',
    body: pickBody,
    guard: (g) => g.requireAssociate,
    args: withOrder,
    withResult: true,
  },
  {
    command: 'pick.short',
    path: 'short',
    summary: 'Declare units of a line that cannot be picked, with a reason; their reservation is released',
    body: shortBody,
    guard: (g) => g.requireAssociate,
    args: withOrder,
  },
  {
    command: 'pick.substitute',
    path: 'substitute',
    summary: "Scan a substitute for short units of a line; the customer's preference decides",
    description:
      'Allowed: the substitute is picked at once. Needs approval: it waits for the customer, who is sent a signed link. Refused: 409 with the reason (substitution.notWanted, substitution.notAnAlternative, substitution.sameProduct). The ordered units are short either way.',
    body: substituteBody,
    guard: (g) => g.requireAssociate,
    args: withOrder,
  },
  {
    command: 'order.stage',
    path: 'stage',
    summary: 'Put a picked order on a staging location (picked → ready)',
    body: stageBody,
    guard: (g) => g.requireAssociate,
    args: withOrder,
  },
  {
    command: 'order.handover',
    path: 'handover',
    summary:
      'Hand the order, or the lines named, to the customer after checking their pickup code or QR pass',
    description:
      'The code is the 6-digit pickup code, or the text of a scanned pass: a signed v2 pass (AISLE:PASS:2:…, its Ed25519 signature checked first) or a legacy v1 pass. Without lines every staged unit leaves and the order is collected; with lines only those units leave, the rest stays staged and the order stays ready until nothing is left. A flagged order needs its ID step first (409 idCheck.required).',
    body: handoverBody,
    guard: (g) => g.requireAssociate,
    args: withOrder,
  },
  {
    command: 'order.checkId',
    path: 'check-id',
    summary: 'The ID step of a flagged order before its handover (ADR 0047)',
    description:
      'The document type and its last 4 characters; for an age-restricted order the date of birth, for a named third party the name on the document. Only the type and the last 4 are kept. A flagged order cannot be handed over without it (409 idCheck.required).',
    body: checkIdBody,
    guard: (g) => g.requireAssociate,
    args: withOrder,
  },
  {
    command: 'order.pack',
    path: 'pack',
    summary: 'Record the packages of a picked ship-from-store order (picked → packed)',
    description:
      'At least one package, each with its type and weight in whole grams; a custom package needs its sizes. Packing again replaces the packages, until a label is booked (409 pack.alreadyLabelled).',
    body: packOrderBody,
    guard: (g) => g.requireAssociate,
    args: withOrder,
  },
  {
    command: 'order.ship',
    path: 'ship',
    summary: 'The parcels left with the carrier (packed → shipped); needs a booked label (409 ship.noLabel)',
    body: empty,
    guard: (g) => g.requireAssociate,
    args: (orderId) => ({ orderId }),
  },
  {
    command: 'order.cancel',
    path: 'cancel',
    summary: 'Cancel an open order (managers); reserved stock is released',
    body: cancelBody,
    guard: (g) => g.requireManager,
    args: withOrder,
  },
];

export function ordersRoutes(
  app: FastifyInstance,
  db: Db,
  guards: Guards,
  verifyPass: PassSignatureVerifier,
  /** The payment adapter a staging refunds settled substitutes through (and returns' rules). */
  returns?: ReturnServices,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/queue',
    {
      onRequest: guards.requireAssociate,
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
      onRequest: guards.requireAssociate,
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

  for (const action of restActions) {
    r.post(
      `/api/orders/:orderId/${action.path}`,
      {
        onRequest: action.guard(guards),
        schema: {
          tags,
          security,
          summary: action.summary,
          ...(action.description ? { description: action.description } : {}),
          params,
          body: action.body,
          response: { 200: action.withResult ? pickResult : orderDetail, ...errors },
        },
      },
      async (request): Promise<OrderDetail | { lineId: string; order: OrderDetail }> => {
        const principal = principalOf(request);
        const { orderId } = request.params;
        const args = action.args(orderId, (request.body ?? {}) as Record<string, unknown>);
        const actor = commandActorOf(principal);
        const pickupRefusals: PickupRefusal[] = [];
        let result: unknown;
        try {
          [result] = await db.transaction((tx) =>
            runCommands(tx, actor, [{ name: action.command, args }], {
              verifyPass,
              limits: app.limits,
              pickupRefusals,
              ...(returns ? { returns } : {}),
            }),
          );
        } finally {
          if (pickupRefusals.length > 0) await recordPickupRefusals(db, app.limits, actor, pickupRefusals);
        }
        const order = await loadOrderDetail(db, principal.storeId, orderId);
        return action.withResult ? { ...(result as { lineId: string }), order } : order;
      },
    );
  }
}
