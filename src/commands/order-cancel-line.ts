import type { CommandArgs } from '../contract/sync';
import { findLine } from '../domain/picking';
import { assertCanResolveShort } from '../domain/reroute';
import { defineCommand, orderEntity } from './define-command';
import { auditOrder } from './order-rules';

/** A short line's missing units stay cancelled, and the customer is told, once. */
export const orderCancelLine = defineCommand({
  name: 'order.cancelLine',
  v: 1,
  validator: () => import('../contract/sync').then((m) => m.commandArgs['order.cancelLine']),
  entityKeys: (a: CommandArgs<'order.cancelLine'>) => [orderEntity(a.orderId)],
  reads: (a) => ({ orders: [a.orderId] }),
  apply(tx, a): null {
    const order = tx.order(a.orderId);
    const line = findLine(order.lines, a.lineId);
    assertCanResolveShort(line);
    const about = { lineId: line.id, sku: line.sku, qty: line.qtyShort, reason: line.shortReason };
    tx.saveLine(order.id, { ...line, customerNotified: true });
    tx.update(order.id, {});
    tx.effects.notifyCustomer(order.id, 'line_cancelled', about);
    tx.effects.webhook(order.id, 'order.lineCancelled', about);
    auditOrder(tx, order, 'order.cancelLine', {
      lineId: line.id,
      qty: line.qtyShort,
      reason: line.shortReason,
    });
    return null;
  },
});
