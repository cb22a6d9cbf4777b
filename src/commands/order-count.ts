import type { CommandArgs } from '../contract/sync';
import { nextStatus } from '../domain/order-machine';
import { assertPutBackDue, unitsToPutBack } from '../domain/put-back';
import { compareCount, type CountComparison } from '../domain/shelf-count';
import { defineCommand, orderEntity } from './define-command';
import { auditOrder } from './order-rules';

/**
 * A count in one look, confirmed once (issue 17, point 2): the camera counted every unit in
 * view against the order's expected list, and the associate confirms found, missing and
 * unexpected together.
 * - putBack: the picked units of an ended order counted back onto their shelves. It ends the
 *   put-back task as order.putBack does; what was missing or unexpected stays in the audit.
 * - arrival: a ship-to-store parcel opened and its contents counted before it is received. The
 *   order does not change; the count is on record for the parcel's carrier claim.
 */
export const orderCount = defineCommand({
  name: 'order.count',
  v: 1,
  validator: () => import('../contract/sync').then((m) => m.commandArgs['order.count']),
  entityKeys: (a: CommandArgs<'order.count'>) => [orderEntity(a.orderId)],
  reads: (a) => ({ orders: [a.orderId] }),
  apply(tx, a): CountComparison {
    const order = tx.order(a.orderId);
    if (a.purpose === 'putBack') {
      assertPutBackDue(order, order.lines);
    } else {
      // Only while the parcel is awaited: the same rule as receiving it.
      nextStatus(order, 'receive');
    }
    const expected = order.lines.map((line) => ({
      gtin14: line.gtin14,
      qty: a.purpose === 'putBack' ? line.qtyPicked - line.qtyHandedOver - line.qtyRefused : line.qtyOrdered,
    }));
    const comparison = compareCount(expected, a.counted);
    if (a.purpose === 'putBack') tx.update(order.id, { putBackAt: tx.now() });
    auditOrder(tx, order, a.purpose === 'putBack' ? 'order.putBack' : 'order.arrivalCount', {
      ...(a.purpose === 'putBack' ? { units: unitsToPutBack(order.lines) } : {}),
      counted: true,
      missing: comparison.missing,
      unexpected: comparison.unexpected,
    });
    return comparison;
  },
});
