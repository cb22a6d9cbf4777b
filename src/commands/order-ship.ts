import type { CommandArgs } from '../contract/sync';
import { shippedStatus } from '../domain/packing';
import { defineCommand, orderEntity } from './define-command';
import { auditOrder } from './order-rules';

/** The parcels left with the carrier: packed → shipped, only with a booked label. */
export const orderShip = defineCommand({
  name: 'order.ship',
  v: 1,
  validator: () => import('../contract/sync').then((m) => m.commandArgs['order.ship']),
  entityKeys: (a: CommandArgs<'order.ship'>) => [orderEntity(a.orderId)],
  reads: (a) => ({ orders: [a.orderId], labels: [a.orderId] }),
  apply(tx, a): null {
    const order = tx.order(a.orderId);
    const label = order.status === 'packed' ? tx.labelState(order.id) : undefined;
    const status = shippedStatus(order, label === undefined ? undefined : label === 'booked');
    const shippedAt = tx.now();
    tx.update(order.id, { status, shippedAt });
    const parcels = tx.bookedParcels(order.id);
    tx.effects.notifyCustomer(order.id, 'shipped', {
      number: order.number,
      language: order.customerLanguage,
      ...parcels,
    });
    tx.effects.webhook(order.id, 'order.shipped', { shippedAt, ...parcels });
    auditOrder(tx, order, 'order.ship', { from: order.status, to: status, packRevision: order.packRevision });
    return null;
  },
});
