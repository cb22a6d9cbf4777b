import { authErrorCodes } from '../contract/error-codes';
import type { CommandArgs } from '../contract/sync';
import { DomainError } from '../domain/domain-error';
import { nextStatus } from '../domain/order-machine';
import { heldSubstitutes, stockEffects } from '../domain/order-stock';
import { defineCommand, orderEntity } from './define-command';
import { auditOrder } from './order-rules';

/**
 * A manager (or the e-commerce platform) cancels an open order: what is still reserved is
 * released, and picked units and kept substitutes become a put-back task. A manager's device may queue it offline.
 */
export const orderCancel = defineCommand({
  name: 'order.cancel',
  v: 1,
  validator: () => import('../contract/sync').then((m) => m.commandArgs['order.cancel']),
  entityKeys: (a: CommandArgs<'order.cancel'>) => [orderEntity(a.orderId)],
  reads: (a) => ({ orders: [a.orderId] }),
  apply(tx, a): null {
    if (tx.actor.type === 'associate' && tx.actor.role !== 'manager') {
      throw new DomainError(authErrorCodes.forbidden, 'Only a manager can cancel an order');
    }
    const order = tx.order(a.orderId);
    const status = nextStatus(order, 'cancel');
    // A ship-to-store order never held the store's stock (intake reserved none).
    if (order.fulfillmentType !== 'ship_to_store') {
      for (const line of order.lines) {
        tx.effects.moveStock({
          orderId: order.id,
          lineId: line.id,
          reason: 'order.cancel',
          delta: stockEffects.cancel(line),
        });
      }
    }
    // A kept substitute left the stock when kept: its units are back in the store's hands.
    for (const held of heldSubstitutes(order.lines)) {
      tx.effects.moveStock({
        orderId: order.id,
        lineId: held.lineId,
        productId: held.productId,
        reason: 'order.cancel',
        delta: stockEffects.substituteBack(held.qty),
      });
    }
    const cancelledBy = tx.actor.type;
    tx.update(order.id, { status, cancelledAt: tx.now(), cancelReason: a.reason, cancelledBy });
    tx.effects.webhook(order.id, 'order.cancelled', { reason: a.reason, cancelledBy });
    auditOrder(tx, order, 'order.cancel', { from: order.status, to: status, reason: a.reason });
    return null;
  },
});
