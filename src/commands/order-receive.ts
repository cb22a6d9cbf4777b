import type { CommandArgs } from '../contract/sync';
import { DomainError } from '../domain/domain-error';
import { receiveErrorCodes } from '../domain/receive-errors';
import { nextStatus } from '../domain/order-machine';
import { defineCommand, orderEntity } from './define-command';
import { assertShelfHasRoom, auditOrder, readyOnShelf, stagingCode } from './order-rules';

/**
 * A ship-to-store parcel arrived and goes on a staging shelf: the order is ready and the
 * customer is told. No stock moves: the goods came with the parcel and were never the store's.
 */
export const orderReceive = defineCommand({
  name: 'order.receive',
  // v2: a full shelf asks first (see order.stage); a v1 parcel is on its shelf already.
  v: 2,
  upcasts: { 1: (args) => ({ ...(args as object), shareShelf: true }) },
  validator: () => import('../contract/sync').then((m) => m.commandArgs['order.receive']),
  entityKeys: (a: CommandArgs<'order.receive'>) => [orderEntity(a.orderId)],
  reads: (a) => ({
    orders: [a.orderId],
    parcels: [{ orderId: a.orderId, code: a.code }],
    locations: [a.locationCode.trim().toUpperCase()],
  }),
  apply(tx, a): null {
    const order = tx.order(a.orderId);
    const status = nextStatus(order, 'receive');
    if (tx.isExpectedParcel(order.id, a.code) === false) {
      throw new DomainError(receiveErrorCodes.wrongParcel, 'This parcel is not the one the order waits for', {
        orderId: order.id,
      });
    }
    const location = stagingCode(tx, a.locationCode);
    assertShelfHasRoom(tx, order, location, a.shareShelf === true);
    readyOnShelf(tx, order, { status, stagingLocation: location });
    auditOrder(tx, order, 'order.receive', {
      from: order.status,
      to: status,
      location,
      parcel: order.inboundTracking,
    });
    return null;
  },
});
