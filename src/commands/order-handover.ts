import type { CommandArgs } from '../contract/sync';
import { assertIdChecked } from '../domain/id-check';
import { nextStatus } from '../domain/order-machine';
import { handedOverStockDelta, planHandover, totalStaged } from '../domain/partial-handover';
import { idRequirementOf, unitsByLine } from './counter-rules';
import { defineCommand, orderEntity } from './define-command';
import { auditOrder, replaceLine } from './order-rules';

/**
 * The customer takes the order, or the lines named, after showing their code or pass (ADR
 * 0047). The units handed over leave the shelf count and the reservation. When nothing is left
 * staged the order is collected; otherwise it stays ready with the rest on its shelf, and the
 * customer and the platform are told what left and what waits. A flagged order needs its ID
 * step first (order.checkId). A customer waiting at the counter or in the car is served.
 */
export const orderHandover = defineCommand({
  name: 'order.handover',
  v: 2,
  // v1 handed over the whole order: v2 without lines does the same.
  upcasts: { 1: (args: unknown) => args },
  validator: () => import('../contract/sync').then((m) => m.commandArgs['order.handover']),
  entityKeys: (a: CommandArgs<'order.handover'>) => [orderEntity(a.orderId)],
  reads: (a) => ({ orders: [a.orderId], pickups: [{ orderId: a.orderId, code: a.code }] }),
  apply(tx, a): null {
    const order = tx.order(a.orderId);
    const collected = nextStatus(order, 'handover');
    tx.checkPickup(order.id, a.code);
    assertIdChecked(idRequirementOf(order), order.idCheckedAt);
    const plan = planHandover(order.lines, a.lines);
    let lines = order.lines;
    for (const { lineId, qty } of plan.now) {
      const line = lines.find((l) => l.id === lineId)!;
      const next = { ...line, qtyHandedOver: line.qtyHandedOver + qty };
      tx.saveLine(order.id, next);
      lines = replaceLine(lines, next);
      tx.effects.moveStock({
        orderId: order.id,
        lineId,
        reason: 'order.handover',
        delta: handedOverStockDelta(qty),
      });
    }
    const at = tx.now();
    const now = unitsByLine(plan.now);
    const handedOver = lines.reduce((sum, l) => sum + l.qtyHandedOver, 0);
    if (plan.complete) {
      tx.update(order.id, { status: collected, collectedAt: at });
      tx.effects.webhook(order.id, 'order.collected', { collectedAt: at, units: handedOver });
      auditOrder(tx, order, 'order.handover', {
        from: order.status,
        to: collected,
        units: handedOver,
        ...(a.lines ? { lines: now } : {}),
      });
    } else {
      tx.update(order.id, {});
      const kept = unitsByLine(plan.kept);
      tx.effects.webhook(order.id, 'order.partially_handed_over', {
        handedOverAt: at,
        lines: now,
        staged: kept,
        stagedUnits: totalStaged(lines),
      });
      const withSku = (units: typeof now) =>
        units.map((u) => ({ ...u, sku: lines.find((l) => l.id === u.lineId)!.sku }));
      tx.effects.notifyCustomer(order.id, 'partially_collected', {
        number: order.number,
        storeId: order.storeId,
        language: order.customerLanguage,
        lines: withSku(now),
        staged: withSku(kept),
      });
      auditOrder(tx, order, 'order.handoverPart', { lines: now, staged: kept });
    }
    tx.effects.serveArrivals(order.id);
    return null;
  },
});
