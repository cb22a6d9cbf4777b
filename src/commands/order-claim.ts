import { orderErrorCodes } from '../contract/error-codes';
import type { CommandArgs } from '../contract/sync';
import { DomainError } from '../domain/domain-error';
import { nextStatus } from '../domain/order-machine';
import { defineCommand, orderEntity } from './define-command';
import { auditOrder } from './order-rules';

/** The associate takes an order to pick it: new → picking. Claiming one's own again is a no-op. */
export const orderClaim = defineCommand({
  name: 'order.claim',
  v: 1,
  validator: () => import('../contract/sync').then((m) => m.commandArgs['order.claim']),
  entityKeys: (a: CommandArgs<'order.claim'>) => [orderEntity(a.orderId)],
  reads: (a) => ({ orders: [a.orderId] }),
  apply(tx, a): null {
    const order = tx.order(a.orderId);
    if (order.status === 'picking' && order.claimedBy === tx.actor.id) return null;
    if (order.status === 'picking' && order.claimedBy) {
      throw new DomainError(orderErrorCodes.claimedByOther, 'Another associate is picking this order', {
        claimedBy: order.claimedBy,
      });
    }
    const status = nextStatus(order, 'claim');
    tx.update(order.id, { status, claimedBy: tx.actor.id, claimedAt: tx.now() });
    auditOrder(tx, order, 'order.claim', { from: order.status, to: status });
    return null;
  },
});
