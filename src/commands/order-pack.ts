import type { CommandArgs } from '../contract/sync';
import { packedStatus, packPackages } from '../domain/packing';
import { defineCommand, orderEntity } from './define-command';
import { auditOrder } from './order-rules';

/**
 * A picked ship-from-store order is packed: its boxes and weights. Packing again replaces them,
 * until a label is booked for the packing (then it is final).
 */
export const orderPack = defineCommand({
  name: 'order.pack',
  v: 1,
  validator: () => import('../contract/sync').then((m) => m.commandArgs['order.pack']),
  entityKeys: (a: CommandArgs<'order.pack'>) => [orderEntity(a.orderId)],
  reads: (a) => ({ orders: [a.orderId], labels: [a.orderId] }),
  apply(tx, a): null {
    const order = tx.order(a.orderId);
    const label = order.status === 'packed' ? tx.labelState(order.id) : 'none';
    const status = packedStatus(order, label !== undefined && label !== 'none');
    const packages = packPackages(a.packages);
    tx.update(order.id, { status, packages, packRevision: order.packRevision + 1, packedAt: tx.now() });
    auditOrder(tx, order, order.status === 'packed' ? 'order.repack' : 'order.pack', {
      from: order.status,
      to: status,
      packages,
    });
    return null;
  },
});
