import type { Disposition } from './disposition';
import type { RefundRequest, ShippingRefundRule } from './refund';
import type { ReturnCondition } from './return-reasons';
import type { ReturnRequest } from './return-policy';

/**
 * A return as the counter takes it: one entry per unit scanned, each with its own reason,
 * condition and disposition (one shirt too small, its twin damaged). The policy and the refund
 * work per order line; these functions fold the units into what they take, the same way on the
 * device (offline preview) and on the server (the check that counts).
 */
export interface ReturnUnit {
  lineId: string;
  reason: string;
  condition: ReturnCondition;
  disposition: Disposition;
}

/** One policy request line per (order line, reason, condition), quantities summed, in first-seen order. */
export function policyRequestOf(units: readonly ReturnUnit[]): ReturnRequest {
  const lines = new Map<
    string,
    { lineId: string; qty: number; reason: string; condition: ReturnCondition }
  >();
  for (const unit of units) {
    const key = JSON.stringify([unit.lineId, unit.reason, unit.condition]);
    const line = lines.get(key);
    if (line) line.qty += 1;
    else lines.set(key, { lineId: unit.lineId, qty: 1, reason: unit.reason, condition: unit.condition });
  }
  return { lines: [...lines.values()] };
}

/**
 * The refund request: units per order line. Shipping follows one reason for the whole return:
 * the first seller-fault reason among the units if any (one broken item is enough for the
 * customer not to pay the delivery), else the first unit's reason.
 */
export function refundRequestOf(
  returnId: string,
  units: readonly ReturnUnit[],
  rule: Pick<ShippingRefundRule, 'sellerFaultReasons'>,
): RefundRequest {
  const qty = new Map<string, number>();
  for (const unit of units) qty.set(unit.lineId, (qty.get(unit.lineId) ?? 0) + 1);
  const sellerFault = units.find((u) => rule.sellerFaultReasons.includes(u.reason));
  return {
    returnId,
    reason: sellerFault?.reason ?? units[0]?.reason ?? '',
    lines: [...qty].map(([lineId, n]) => ({ lineId, qty: n })),
  };
}

/** Units per disposition and product, for the stock change and the reconciliation. */
export function restockedUnits(units: readonly (ReturnUnit & { productId: string })[]): Map<string, number> {
  const restocked = new Map<string, number>();
  for (const unit of units) {
    if (unit.disposition === 'restock') {
      restocked.set(unit.productId, (restocked.get(unit.productId) ?? 0) + 1);
    }
  }
  return restocked;
}
