import type { ReturnableLine, ReturnableOrder } from '../../contract/returns';
import {
  applyRefund,
  computeRefund,
  type Refund,
  type RefundHistory,
  type RefundOrder,
  type ShippingRefundRule,
} from '../../domain/refund';
import type { ReturnContext, ReturnPolicy } from '../../domain/return-policy';
import { sumByGtin, type CountLine } from '../../domain/shelf-count';
import { refundRequestOf, type ReturnUnit } from '../../domain/return-units';
import { isDomainError } from '../../domain/domain-error';

/**
 * What of an order can still come back at this counter: what the server says was delivered,
 * less what it knows came back or waits for a manager, less the units of this device's own
 * returns of the order that the server has not counted yet (queued offline, or sent since the
 * order was fetched).
 */
export interface DeviceReturn {
  returnId: string;
  units: readonly ReturnUnit[];
  /** False once refused by the server or discarded: its units never left the customer. */
  counts: boolean;
}

export interface LineAvailability {
  delivered: number;
  /** Refunded or waiting for a manager, per the server's copy of the order. */
  returned: number;
  /** In this device's returns the server's copy does not include yet. */
  queued: number;
  /** What may still come back: never below 0. */
  remaining: number;
}

/** This device's returns of the order that the server's copy does not count yet. */
export function uncountedReturns(
  order: Pick<ReturnableOrder, 'returns'>,
  device: readonly DeviceReturn[],
): DeviceReturn[] {
  const known = new Set(order.returns.map((r) => r.id));
  return device.filter((r) => r.counts && !known.has(r.returnId));
}

export function availabilityByLine(
  order: Pick<ReturnableOrder, 'lines' | 'returns'>,
  device: readonly DeviceReturn[],
): Map<string, LineAvailability> {
  const queued = new Map<string, number>();
  for (const r of uncountedReturns(order, device)) {
    for (const unit of r.units) queued.set(unit.lineId, (queued.get(unit.lineId) ?? 0) + 1);
  }
  return new Map(
    order.lines.map((line) => {
      const returned = line.qtyReturned + line.qtyInReview;
      const mine = queued.get(line.lineId) ?? 0;
      const remaining = Math.max(0, line.qtyDelivered - returned - mine);
      return [line.lineId, { delivered: line.qtyDelivered, returned, queued: mine, remaining }];
    }),
  );
}

/**
 * The policy's view of the order: units already refunded, in review or in this device's
 * queued returns all count as returned, so the same unit cannot be taken back twice offline.
 */
export function policyContextOf(
  order: ReturnableOrder,
  availability: ReadonlyMap<string, LineAvailability>,
  now: string,
  timeZone: string,
): ReturnContext {
  return {
    order: {
      orderedAt: order.placedAt,
      receivedAt: order.receivedAt,
      lines: order.lines.map((line) => {
        const a = availability.get(line.lineId);
        return {
          lineId: line.lineId,
          sku: line.sku,
          category: line.category,
          orderedQty: line.qtyOrdered,
          shortQty: line.qtyShort,
          returnedQty: a ? a.returned + a.queued : line.qtyReturned + line.qtyInReview,
          returnable: line.returnable,
          finalSale: line.finalSale,
        };
      }),
    },
    now,
    timeZone,
  };
}

/** The order as the refund judges it, as the server does (src/commands/return-evaluation.ts). */
export function refundOrderOf(order: ReturnableOrder, shippingRule: ShippingRefundRule): RefundOrder {
  const ordered = order.lines
    .filter((line) => !line.substituteOf)
    .reduce((sum, line) => sum + line.unitPriceCents * line.qtyOrdered, 0);
  const discounts = order.discounts.reduce((sum, d) => sum + d.cents, 0);
  return {
    lines: order.lines.map((line) => ({
      lineId: line.lineId,
      unitPriceCents: line.unitPriceCents,
      qtyOrdered: line.qtyOrdered,
      qtyDelivered: line.qtyDelivered,
    })),
    discountsCents: order.discounts.map((d) => d.cents),
    shippingCents: order.shippingCents,
    shippingRule,
    chargedCents: Math.max(0, ordered - discounts) + order.shippingCents,
  };
}

export type RefundPreview = { ok: true; refund: Refund } | { ok: false; code: string };

/**
 * The refund this return would give, as the server will compute it if it accepts it: the
 * order's refund history, with this device's queued returns applied first (they will reach
 * the server before this one), so rounding cents and the shipping refund fall where they will.
 */
export function previewRefund(
  order: ReturnableOrder,
  device: readonly DeviceReturn[],
  returnId: string,
  units: readonly ReturnUnit[],
  shippingRule: ShippingRefundRule,
): RefundPreview {
  if (units.length === 0) return { ok: false, code: 'refund.emptyReturn' };
  const refundOrder = refundOrderOf(order, shippingRule);
  try {
    let history: RefundHistory = order.refundHistory;
    for (const earlier of uncountedReturns(order, device)) {
      try {
        const refund = computeRefund(
          refundOrder,
          history,
          refundRequestOf(earlier.returnId, earlier.units, shippingRule),
        );
        history = applyRefund(history, refund);
      } catch (error) {
        // An earlier return that will go to review refunds nothing now.
        if (!isDomainError(error)) throw error;
      }
    }
    return {
      ok: true,
      refund: computeRefund(refundOrder, history, refundRequestOf(returnId, units, shippingRule)),
    };
  } catch (error) {
    if (isDomainError(error)) return { ok: false, code: error.code };
    throw error;
  }
}

/**
 * What a camera count at the counter expects (docs/decisions/0037-…): each line's units that
 * may still come back, by GTIN-14.
 */
export function countExpectation(
  lines: readonly ReturnableLine[],
  availability: ReadonlyMap<string, LineAvailability>,
): (CountLine & { lineId: string })[] {
  return lines.flatMap((line) => {
    const qty = availability.get(line.lineId)?.remaining ?? 0;
    return qty > 0 ? [{ lineId: line.lineId, gtin14: line.gtin14, qty }] : [];
  });
}

/**
 * A camera count of the counter as units per line: a product's counted units go to its lines
 * in order, each up to what may still come back. Units beyond that, and products not on the
 * order, stay out of the return (the count showed them as unexpected); lines the camera did
 * not see are not in the map.
 */
export function countedUnitsByLine(
  lines: readonly ReturnableLine[],
  availability: ReadonlyMap<string, LineAvailability>,
  counted: readonly CountLine[],
): Map<string, number> {
  const left = sumByGtin(counted);
  const byLine = new Map<string, number>();
  for (const { lineId, gtin14, qty } of countExpectation(lines, availability)) {
    const take = Math.min(qty, left.get(gtin14) ?? 0);
    if (take === 0) continue;
    byLine.set(lineId, take);
    left.set(gtin14, left.get(gtin14)! - take);
  }
  return byLine;
}

/** A line of the order a scanned or typed code names: its GTIN, its printed barcode or its SKU. */
export function linesForCode(
  lines: readonly ReturnableLine[],
  code: { gtin14?: string; text: string },
): ReturnableLine[] {
  const text = code.text.trim().toUpperCase();
  return lines.filter(
    (line) =>
      (code.gtin14 !== undefined && line.gtin14 === code.gtin14) ||
      line.barcode === text ||
      line.sku.toUpperCase() === text,
  );
}

export type ScanToLine =
  | { ok: true; lineId: string }
  | { ok: false; reason: 'notOnOrder' }
  | { ok: false; reason: 'alreadyReturned' | 'allInThisReturn' | 'notDelivered'; lineId: string };

/**
 * Which line a scanned unit joins: the first line of that product with a unit left to take
 * back. Otherwise why not, in the order an associate needs to hear it.
 */
export function lineForScan(
  lines: readonly ReturnableLine[],
  code: { gtin14?: string; text: string },
  availability: ReadonlyMap<string, LineAvailability>,
  inThisReturn: ReadonlyMap<string, number>,
): ScanToLine {
  const matches = linesForCode(lines, code);
  const first = matches[0];
  if (!first) return { ok: false, reason: 'notOnOrder' };
  const left = (line: ReturnableLine) =>
    (availability.get(line.lineId)?.remaining ?? 0) - (inThisReturn.get(line.lineId) ?? 0);
  const open = matches.find((line) => left(line) > 0);
  if (open) return { ok: true, lineId: open.lineId };
  const withUnitsHere = matches.find((line) => (inThisReturn.get(line.lineId) ?? 0) > 0);
  if (withUnitsHere) return { ok: false, reason: 'allInThisReturn', lineId: withUnitsHere.lineId };
  if (matches.every((line) => line.qtyDelivered === 0)) {
    return { ok: false, reason: 'notDelivered', lineId: first.lineId };
  }
  return { ok: false, reason: 'alreadyReturned', lineId: first.lineId };
}

/** The rules the counter checks with: the store's settings, or the chain's standard ones. */
export interface CounterSettings {
  policy: ReturnPolicy;
  shippingRule: ShippingRefundRule;
  timeZone: string;
}
