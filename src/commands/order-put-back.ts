import type { CommandArgs } from '../contract/sync';
import { assertPutBackDue, unitsToPutBack } from '../domain/put-back';
import { defineCommand, orderEntity } from './define-command';
import { auditOrder } from './order-rules';

/** The picked units of a cancelled or expired order are back on their shelves. */
export const orderPutBack = defineCommand({
  name: 'order.putBack',
  v: 1,
  validator: () => import('../contract/sync').then((m) => m.commandArgs['order.putBack']),
  entityKeys: (a: CommandArgs<'order.putBack'>) => [orderEntity(a.orderId)],
  reads: (a) => ({ orders: [a.orderId] }),
  apply(tx, a): null {
    const order = tx.order(a.orderId);
    assertPutBackDue(order, order.lines);
    tx.update(order.id, { putBackAt: tx.now() });
    auditOrder(tx, order, 'order.putBack', { units: unitsToPutBack(order.lines) });
    return null;
  },
});
