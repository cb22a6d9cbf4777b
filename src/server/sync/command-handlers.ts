import type { CommandName } from '../../contract/sync';
import { commandArgs } from '../../contract/sync';
import { acknowledgeArrival, closeArrivalsOnHandover } from '../curbside/arrival-actions';
import type { ActionContext } from '../orders/order-actions';
import { claimOrder, handOver, pickUnits, putBack, shortLine, stageOrder } from '../orders/order-actions';
import { receiveOrder } from '../orders/receive-action';
import { cancelShortLine, rerouteLine } from '../orders/reroute-actions';
import { packOrder, shipOrder } from '../orders/ship-actions';
import { submitReturn } from '../returns/submit-return';
import { reserveElsewhere } from '../stock/reserve-elsewhere';

type Handler<N extends CommandName> = (
  ctx: ActionContext,
  args: (typeof commandArgs)[N]['_zod']['output'],
) => Promise<unknown>;

/**
 * Outbox commands, by name and version, mapped onto the same order actions the REST routes use.
 * A new version of a command is added beside the old one, which stays as long as a device
 * could still hold it (30 days offline).
 */
export const commandHandlers: { [N in CommandName]: { v: number; run: Handler<N> } } = {
  'order.claim': { v: 1, run: (ctx, a) => claimOrder(ctx, a.orderId).then(() => null) },
  'pick.confirm': {
    v: 1,
    run: (ctx, a) => pickUnits(ctx, a.orderId, a.code, a.qty).then((lineId) => ({ lineId })),
  },
  'pick.short': { v: 1, run: (ctx, a) => shortLine(ctx, a.orderId, a).then(() => null) },
  'order.stage': { v: 1, run: (ctx, a) => stageOrder(ctx, a.orderId, a.locationCode).then(() => null) },
  // A customer waiting (at the counter or in the car) is served by the handover: recorded after it.
  'order.handover': {
    v: 1,
    run: async (ctx, a) => {
      await handOver(ctx, a.orderId, a.code);
      await closeArrivalsOnHandover(ctx, a.orderId);
      return null;
    },
  },
  'order.putBack': { v: 1, run: (ctx, a) => putBack(ctx, a.orderId).then(() => null) },
  'order.pack': { v: 1, run: (ctx, a) => packOrder(ctx, a.orderId, a.packages).then(() => null) },
  'order.ship': { v: 1, run: (ctx, a) => shipOrder(ctx, a.orderId).then(() => null) },
  'order.receive': {
    v: 1,
    run: (ctx, a) => receiveOrder(ctx, a.orderId, a.code, a.locationCode).then(() => null),
  },
  'stock.reserveElsewhere': { v: 1, run: (ctx, a) => reserveElsewhere(ctx, a) },
  'order.reroute': { v: 1, run: (ctx, a) => rerouteLine(ctx, a) },
  'order.cancelLine': { v: 1, run: (ctx, a) => cancelShortLine(ctx, a).then(() => null) },
  'return.submit': { v: 1, run: (ctx, a) => submitReturn(ctx, a) },
  'arrival.acknowledge': { v: 1, run: (ctx, a) => acknowledgeArrival(ctx, a) },
};

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(commandHandlers, name);
}

export { commandArgs };
