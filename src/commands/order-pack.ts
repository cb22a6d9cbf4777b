import type { CommandArgs } from '../contract/sync';
import { packedStatus, packPackages } from '../domain/packing';
import { defineCommand, orderEntity } from './define-command';
import { auditOrder, refundSubstitutions, settlePendingSubstitutes } from './order-rules';

/**
 * A picked ship-from-store order is packed: its boxes and weights. Packing again replaces them,
 * until a label is booked for the packing (then it is final). The first packing settles the
 * money as staging does for a pickup (ADR 0046): no substitute may still wait for the customer's
 * answer (one past its deadline is declined), and the order's one substitution refund (cheaper or
 * declined substitutes, removed units) is paid under the same key, so an order refunds once,
 * whichever way it leaves.
 */
export const orderPack = defineCommand({
  name: 'order.pack',
  v: 1,
  validator: () => import('../contract/sync').then((m) => m.commandArgs['order.pack']),
  entityKeys: (a: CommandArgs<'order.pack'>) => [orderEntity(a.orderId)],
  reads: (a) => ({ orders: [a.orderId], labels: [a.orderId], payments: true }),
  apply(tx, a): null {
    const order = tx.order(a.orderId);
    const label = order.status === 'packed' ? tx.labelState(order.id) : 'none';
    const status = packedStatus(order, label !== undefined && label !== 'none');
    const packages = packPackages(a.packages);
    if (order.status === 'picked') {
      settlePendingSubstitutes(tx, order, false);
      refundSubstitutions(tx, tx.order(order.id));
    }
    tx.update(order.id, { status, packages, packRevision: order.packRevision + 1, packedAt: tx.now() });
    auditOrder(tx, order, order.status === 'packed' ? 'order.repack' : 'order.pack', {
      from: order.status,
      to: status,
      packages,
    });
    return null;
  },
});
