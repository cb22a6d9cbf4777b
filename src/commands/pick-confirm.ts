import type { CommandArgs } from '../contract/sync';
import { parseGtin } from '../domain/gtin';
import { applyPick, matchScanOnOrder } from '../domain/picking';
import { defineCommand, orderEntity } from './define-command';
import { assertClaimedByActor, auditOrder, finishIfComplete, replaceLine } from './order-rules';

/**
 * A scanned unit confirms a line. Picks are deltas, so two devices picking one order both
 * count; a unit beyond what was ordered is refused.
 */
export const pickConfirm = defineCommand({
  name: 'pick.confirm',
  v: 1,
  validator: () => import('../contract/sync').then((m) => m.commandArgs['pick.confirm']),
  entityKeys: (a: CommandArgs<'pick.confirm'>) => [orderEntity(a.orderId)],
  reads(a) {
    const parsed = parseGtin(a.code);
    return { orders: [a.orderId], gtins: parsed.ok ? [parsed.gtin14] : [] };
  },
  apply(tx, a): { lineId: string } {
    const order = tx.order(a.orderId);
    const line = matchScanOnOrder(order, a.code, order.lines, (gtin14) => tx.isKnownGtin(gtin14));
    assertClaimedByActor(tx, order);
    const picked = applyPick(line, a.qty);
    tx.saveLine(order.id, picked);
    auditOrder(tx, order, 'order.pick', { lineId: line.id, code: a.code, qty: a.qty });
    finishIfComplete(tx, order, replaceLine(order.lines, picked));
    return { lineId: line.id };
  },
});
