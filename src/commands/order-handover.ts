import type { CommandArgs } from '../contract/sync';
import { nextStatus } from '../domain/order-machine';
import { stockEffects } from '../domain/order-stock';
import { pickedUnits } from '../domain/picking';
import { defineCommand, orderEntity } from './define-command';
import { auditOrder } from './order-rules';

/**
 * The customer takes the order after showing their code or pass: ready → collected. The picked
 * units leave the shelf count and the reservation; a customer waiting at the counter or in the
 * car is served.
 */
export const orderHandover = defineCommand({
  name: 'order.handover',
  v: 1,
  validator: () => import('../contract/sync').then((m) => m.commandArgs['order.handover']),
  entityKeys: (a: CommandArgs<'order.handover'>) => [orderEntity(a.orderId)],
  reads: (a) => ({ orders: [a.orderId], pickups: [{ orderId: a.orderId, code: a.code }] }),
  apply(tx, a): null {
    const order = tx.order(a.orderId);
    const status = nextStatus(order, 'handover');
    tx.checkPickup(order.id, a.code);
    for (const line of order.lines) {
      tx.effects.moveStock({
        orderId: order.id,
        lineId: line.id,
        reason: 'order.handover',
        delta: stockEffects.handover(line),
      });
    }
    const collectedAt = tx.now();
    const units = pickedUnits(order.lines);
    tx.update(order.id, { status, collectedAt });
    tx.effects.webhook(order.id, 'order.collected', { collectedAt, units });
    auditOrder(tx, order, 'order.handover', { from: order.status, to: status, units });
    tx.effects.serveArrivals(order.id);
    return null;
  },
});
