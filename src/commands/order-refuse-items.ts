import { returnErrorCodes } from '../contract/error-codes';
import type { CommandArgs } from '../contract/sync';
import {
  planRefusal,
  refusedStockDelta,
  refusedSubstituteStockDelta,
  substituteAfterRefusal,
} from '../domain/counter-refusal';
import { DomainError } from '../domain/domain-error';
import { assertStatus, nextStatus } from '../domain/order-machine';
import { heldSubstitutes } from '../domain/order-stock';
import { stagedUnits, totalStaged } from '../domain/partial-handover';
import { returnItemId } from '../domain/return-items';
import { computeRefund, DEFAULT_SHIPPING_RULE } from '../domain/refund';
import { defaultReturnReasons } from '../domain/return-reasons';
import { defineCommand, orderEntity } from './define-command';
import type { OrderState } from './order-state';
import type { OrderTx } from './order-tx';
import { auditOrder, replaceLine } from './order-rules';
import { refundOrderOf } from './return-evaluation';
import { payBack } from './return-refund';
import { unitsOfOrderedProducts } from './return-items';

type Args = CommandArgs<'order.refuseItems'>;

export const REFUSE_REASON = 'order.refuse';

export interface RefuseItemsResult {
  refusalId: string;
  /** The receipt number of the refund; null where this side cannot pay it (a device). */
  number: string | null;
  refundCents: number | null;
}

/**
 * Nothing left on the shelf: collected when something left with the customer, else cancelled. A
 * kept substitute still waiting is something left: it goes with the order's handover.
 */
function closeIfDone(tx: OrderTx, order: OrderState, lines: OrderState['lines']): void {
  if (totalStaged(lines) + heldSubstitutes(lines).length > 0) {
    tx.update(order.id, {});
    return;
  }
  const handedOver = lines.reduce((sum, l) => sum + l.qtyHandedOver, 0);
  const at = tx.now();
  if (handedOver > 0) {
    const status = nextStatus(order, 'handover');
    tx.update(order.id, { status, collectedAt: at });
    tx.effects.webhook(order.id, 'order.collected', { collectedAt: at, units: handedOver });
    auditOrder(tx, order, 'order.handover', { from: order.status, to: status, units: handedOver });
    return;
  }
  const status = nextStatus(order, 'cancel');
  const reason = 'refused_at_counter';
  tx.update(order.id, { status, cancelledAt: at, cancelReason: reason, cancelledBy: 'customer' });
  tx.effects.webhook(order.id, 'order.cancelled', { reason, cancelledBy: 'customer' });
  auditOrder(tx, order, 'order.cancel', { from: order.status, to: status, reason });
}

/**
 * The customer refuses units at the counter (issue 15, point 4; ADR 0047), several at once, each
 * with a return reason and the disposition the associate gives it. The units leave the
 * reservation and go back to stock as returns do (restock stays on hand; damaged or
 * return-to-vendor does not); their money goes back once, through the refund of returns, keyed
 * by the refusal id, and never more than was paid over all refusals and returns of the order.
 * The refusal is recorded as a return that never left the store. When nothing is left staged the
 * order closes. A device refuses what it can tell and leaves the money to the server.
 *
 * A kept substitute waiting with the order can be refused too (v2: a unit names its product): its
 * units go back to stock under the substitute's product by their disposition, and are refunded
 * at what the customer paid for them (src/domain/return-items.ts).
 */
export const orderRefuseItems = defineCommand({
  name: 'order.refuseItems',
  v: 2,
  upcasts: { 1: unitsOfOrderedProducts },
  validator: () => import('../contract/sync').then((m) => m.commandArgs['order.refuseItems']),
  entityKeys: (a: Args) => [orderEntity(a.orderId)],
  reads: (a) => ({ orders: [a.orderId], returns: [{ returnId: a.refusalId, orderId: a.orderId }] }),
  apply(tx, a): RefuseItemsResult {
    const order = tx.order(a.orderId);
    assertStatus(order, ['ready'], 'refuseItems');
    if (tx.storedReturn(a.refusalId)) {
      throw new DomainError(returnErrorCodes.idMismatch, 'This refusal id was used already', {
        refusalId: a.refusalId,
      });
    }
    const rules = tx.returnRules();
    const plan = planRefusal(
      order.lines,
      a.units,
      rules?.policy.reasons ?? defaultReturnReasons,
      (rules?.shippingRule ?? DEFAULT_SHIPPING_RULE).sellerFaultReasons,
    );
    let lines = order.lines;
    for (const { lineId, qty } of plan.lines) {
      const line = lines.find((l) => l.id === lineId)!;
      const next = { ...line, qtyRefused: line.qtyRefused + qty };
      tx.saveLine(order.id, next);
      lines = replaceLine(lines, next);
      const dispositions = a.units
        .filter((u) => u.lineId === lineId && u.productId === undefined)
        .map((u) => u.disposition);
      tx.effects.moveStock({
        orderId: order.id,
        lineId,
        reason: REFUSE_REASON,
        delta: refusedStockDelta(dispositions),
      });
    }
    for (const { lineId, qty } of plan.substitutes) {
      const line = lines.find((l) => l.id === lineId)!;
      const substitute = line.substitute!;
      const next = { ...line, substitute: substituteAfterRefusal(substitute, qty) };
      tx.saveLine(order.id, next);
      lines = replaceLine(lines, next);
      const dispositions = a.units
        .filter((u) => u.lineId === lineId && u.productId !== undefined)
        .map((u) => u.disposition);
      tx.effects.moveStock({
        orderId: order.id,
        lineId,
        productId: substitute.productId,
        reason: REFUSE_REASON,
        delta: refusedSubstituteStockDelta(dispositions),
      });
    }
    const substituteOf = (lineId: string) => order.lines.find((l) => l.id === lineId)!.substitute!.productId;
    // The refund judges items: a line's ordered units, or its kept substitute.
    const refundLines = [
      ...plan.lines,
      ...plan.substitutes.map((u) => ({ ...u, lineId: returnItemId(u.lineId, substituteOf(u.lineId)) })),
    ];

    const taken = tx.returnOrder(order.id);
    let paid: { number: string; refundCents: number } | null = null;
    if (taken && rules) {
      const refund = computeRefund(refundOrderOf(taken.order, rules.shippingRule), taken.history.refunds, {
        returnId: a.refusalId,
        reason: plan.refundReason,
        lines: refundLines,
      });
      const number = tx.returnNumber(a.refusalId);
      const at = tx.now();
      const receipt = { email: taken.order.customerEmail || null, language: order.customerLanguage };
      const units = a.units.map((u) => ({
        lineId: u.lineId,
        ...(u.productId !== undefined ? { productId: u.productId } : {}),
        reason: u.reason,
        // Looked at on the counter: a damaged unit is recorded so, the others as they left the shelf.
        condition: u.disposition === 'damaged' ? ('damaged' as const) : ('new' as const),
        disposition: u.disposition,
      }));
      tx.effects.recordReturn({
        returnId: a.refusalId,
        number,
        orderId: order.id,
        status: 'refunded',
        kind: 'refusal',
        takenAt: at,
        receipt,
        violations: [],
        override: null,
        refundCents: refund.totalCents,
        shippingRefundCents: refund.shippingCents,
        units,
      });
      const byItem = units.map((u) => ({
        lineId: returnItemId(u.lineId, u.productId),
        disposition: u.disposition,
      }));
      payBack(
        tx,
        { returnId: a.refusalId, number, order: taken.order, units: byItem, refund, receipt },
        {
          action: 'return.refund',
          details: {
            number,
            orderId: order.id,
            orderNumber: order.number,
            orderStoreId: order.storeId,
            units: a.units.length,
            refusal: true,
            refundKey: refund.key,
            totalCents: refund.totalCents,
            shippingCents: refund.shippingCents,
            lines: refund.lines,
          },
        },
      );
      paid = { number, refundCents: refund.totalCents };
    }
    const refused = a.units.map(({ lineId, productId, reason, disposition }) => ({
      lineId,
      ...(productId !== undefined ? { productId } : {}),
      reason,
      disposition,
    }));
    tx.effects.webhook(order.id, 'order.items_refused', {
      refusalId: a.refusalId,
      units: refused,
      lines: plan.lines,
      ...(plan.substitutes.length > 0 ? { substitutes: plan.substitutes } : {}),
      ...(paid ? { returnNumber: paid.number, refundCents: paid.refundCents } : {}),
    });
    auditOrder(tx, order, 'order.refuseItems', { refusalId: a.refusalId, units: refused });
    const withSku = (units: readonly { lineId: string; qty: number }[]) =>
      units.map((u) => ({ ...u, sku: lines.find((l) => l.id === u.lineId)!.sku }));
    const substitutesRefused = plan.substitutes.map((u) => {
      const s = lines.find((l) => l.id === u.lineId)!.substitute!;
      return { ...u, sku: s.sku, nameEn: s.nameEn, nameIt: s.nameIt, substitute: true };
    });
    tx.effects.notifyCustomer(order.id, 'items_refused', {
      number: order.number,
      language: order.customerLanguage,
      refused: [...withSku(plan.lines), ...substitutesRefused],
      staged: withSku(
        lines.flatMap((l) => (stagedUnits(l) > 0 ? [{ lineId: l.id, qty: stagedUnits(l) }] : [])),
      ),
      refundCents: paid?.refundCents ?? null,
    });
    closeIfDone(tx, order, lines);
    return { refusalId: a.refusalId, number: paid?.number ?? null, refundCents: paid?.refundCents ?? null };
  },
});
