import { returnErrorCodes } from '../contract/error-codes';
import type { ReturnViolationView } from '../contract/returns';
import { isDomainError } from '../domain/domain-error';
import type { Refund, RefundOrder, ShippingRefundRule } from '../domain/refund';
import { assertRefundReconciles, computeRefund } from '../domain/refund';
import { applyOverride, returnOverrideErrorCodes } from '../domain/return-override';
import type { ReturnEvaluation, ReturnPolicy } from '../domain/return-policy';
import { checkReturn } from '../domain/return-policy';
import type { ReturnUnit } from '../domain/return-units';
import { policyRequestOf, refundRequestOf } from '../domain/return-units';
import type { ReturnHistory, ReturnOrder } from './return-order';

/** Orders the customer has in hand: collected at the store, or shipped to them. */
const DELIVERED = new Set(['collected', 'shipped']);

/** A violation of the whole return rather than of one line carries this empty line id. */
export const ORDER_LEVEL = '';

export interface ReturnCase {
  returnId: string;
  units: readonly ReturnUnit[];
  /** The instant the policy judges at (src/domain/return-clock.ts). */
  now: string;
  /** The returning store's zone. */
  timeZone: string;
  /** A manager who sets aside every violation that may be set aside. */
  override: { managerId: string; reason: string } | null;
  /**
   * Whether units of other returns still waiting for a manager count as returned. A new return
   * counts them (they may yet be refunded); a manager's approval does not, or two reviews of
   * the same units would block each other: the first approved wins, the second then finds the
   * units returned.
   */
  countInReview: boolean;
}

export interface ReturnDecision {
  allowed: boolean;
  /** What stands in the way; empty when allowed. */
  violations: ReturnViolationView[];
  /** What the manager set aside. */
  overridden: ReturnViolationView[];
  refund: Refund | null;
}

export function violationView(
  lineId: string,
  code: string,
  overridable: boolean,
  details: Record<string, unknown> = {},
): ReturnViolationView {
  return { lineId, code, overridable, details };
}

function flatten(evaluation: ReturnEvaluation, pick: 'violations' | 'overridden'): ReturnViolationView[] {
  const seen = new Set<string>();
  const out: ReturnViolationView[] = [];
  for (const line of evaluation.lines) {
    for (const v of line[pick]) {
      const view = violationView(line.lineId, v.code, v.overridable, v.details);
      const key = JSON.stringify(view);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(view);
    }
  }
  return out;
}

/**
 * The order as the refund judges it: its items (lines and kept substitutes) as delivered, and
 * what the customer was charged: every ordered unit of its lines, less discounts, plus shipping.
 */
export function refundOrderOf(order: ReturnOrder, shippingRule: ShippingRefundRule): RefundOrder {
  const ordered = order.lines
    .filter((l) => !l.substituteOf)
    .reduce((sum, l) => sum + l.unitPriceCents * l.qtyOrdered, 0);
  const discounts = order.discountsCents.reduce((sum, d) => sum + d, 0);
  return {
    lines: order.lines.map((l) => ({
      lineId: l.lineId,
      unitPriceCents: l.unitPriceCents,
      qtyOrdered: l.qtyOrdered,
      qtyDelivered: l.qtyOrdered - l.qtyShort,
    })),
    discountsCents: order.discountsCents,
    shippingCents: order.shippingCents,
    shippingRule,
    chargedCents: Math.max(0, ordered - discounts) + order.shippingCents,
  };
}

/**
 * The verdict on a return, with no IO: the policy over the order's history, a
 * manager's override of what may be overridden, and, when allowed, the refund. Anything that
 * stops the refund (a rule of the refund itself, say discounts now worth more than the goods
 * delivered) becomes a violation too: a return is put before a manager, never dropped.
 */
export function evaluateReturn(
  order: ReturnOrder,
  history: ReturnHistory,
  returnCase: ReturnCase,
  config: { policy: ReturnPolicy; shippingRule: ShippingRefundRule },
): ReturnDecision {
  let evaluation = checkReturn(
    policyRequestOf(returnCase.units),
    {
      order: {
        orderedAt: order.placedAt,
        receivedAt: order.receivedAt,
        lines: order.lines.map((l) => ({
          lineId: l.lineId,
          sku: l.sku,
          category: l.category,
          orderedQty: l.qtyOrdered,
          shortQty: l.qtyShort,
          returnedQty:
            (history.returned.get(l.lineId) ?? 0) +
            (returnCase.countInReview ? (history.inReview.get(l.lineId) ?? 0) : 0),
          returnable: l.returnable,
          finalSale: l.finalSale,
        })),
      },
      now: returnCase.now,
      timeZone: returnCase.timeZone,
    },
    config.policy,
  );
  const orderLevel: ReturnViolationView[] = [];
  if (!DELIVERED.has(order.status)) {
    orderLevel.push(
      violationView(ORDER_LEVEL, returnErrorCodes.notDelivered, false, {
        orderId: order.id,
        status: order.status,
      }),
    );
  }
  if (returnCase.override && !evaluation.allowed && orderLevel.length === 0) {
    const lineIds = [...new Set(evaluation.lines.filter((l) => !l.allowed).map((l) => l.lineId))];
    try {
      evaluation = applyOverride(evaluation, { ...returnCase.override, lineIds });
    } catch (error) {
      // Some violation may not be set aside: the return stays as the policy found it.
      if (!isDomainError(error) || error.code !== returnOverrideErrorCodes.notOverridable) throw error;
    }
  }
  const violations = [...orderLevel, ...flatten(evaluation, 'violations')];
  const overridden = flatten(evaluation, 'overridden');
  if (violations.length > 0) return { allowed: false, violations, overridden, refund: null };

  try {
    const refund = computeRefund(
      refundOrderOf(order, config.shippingRule),
      history.refunds,
      refundRequestOf(returnCase.returnId, returnCase.units, config.shippingRule),
    );
    assertRefundReconciles(refund);
    return { allowed: true, violations: [], overridden, refund };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return {
      allowed: false,
      violations: [violationView(ORDER_LEVEL, error.code, false, error.details ?? {})],
      overridden,
      refund: null,
    };
  }
}
