import type { CommandArgs } from '../contract/sync';
import { assertStatus } from '../domain/order-machine';
import { stockEffects } from '../domain/order-stock';
import { applyShort, findLine } from '../domain/picking';
import { defineCommand, orderEntity } from './define-command';
import { assertClaimedByActor, auditOrder, finishIfComplete, replaceLine } from './order-rules';

/** Units of a line that cannot be picked, with a reason: their reservation is released. */
export const pickShort = defineCommand({
  name: 'pick.short',
  v: 1,
  validator: () => import('../contract/sync').then((m) => m.commandArgs['pick.short']),
  entityKeys: (a: CommandArgs<'pick.short'>) => [orderEntity(a.orderId)],
  reads: (a) => ({ orders: [a.orderId] }),
  apply(tx, a): null {
    const order = tx.order(a.orderId);
    assertStatus(order, ['picking'], 'short');
    assertClaimedByActor(tx, order);
    const line = findLine(order.lines, a.lineId);
    const shorted = { ...applyShort(line, a.qty), shortReason: a.reason };
    tx.saveLine(order.id, shorted);
    tx.effects.moveStock({
      orderId: order.id,
      lineId: line.id,
      reason: 'order.short',
      delta: stockEffects.short(a.qty),
    });
    auditOrder(tx, order, 'order.short', { lineId: line.id, qty: a.qty, reason: a.reason });
    finishIfComplete(tx, order, replaceLine(order.lines, shorted));
    return null;
  },
});
