import { DomainError } from './domain-error';
import { allocateLargestRemainder, cumulativeNetCents } from './refund-allocation';

/**
 * The refund for "buy online, return in store" (issue 6, point 4). All money is integer cents.
 *
 * What a line was paid: its unit price × the units delivered (shorts were never charged), less
 * its share of the order-level discounts. The discounts are shared out over the lines in
 * proportion to their delivered value with the largest remainder method, so the shares sum to
 * the discounts exactly and a full return gives back exactly what was paid, not a cent more or less.
 */
export const refundErrorCodes = {
  /** A price, quantity or amount is not a non-negative integer, or delivered exceeds ordered. */
  badInput: 'refund.badInput',
  /** The discounts add up to more than the delivered goods are worth. */
  discountExceedsOrder: 'refund.discountExceedsOrder',
  unknownLine: 'refund.unknownLine',
  /** The same line appears twice in one return. */
  duplicateLine: 'refund.duplicateLine',
  /** A returned quantity is not a positive integer. */
  badQuantity: 'refund.badQuantity',
  /** More units returned than were delivered, counting earlier returns. */
  exceedsDelivered: 'refund.exceedsDelivered',
  /** This refund with the earlier ones would give back more than was paid, for a line or the order. */
  exceedsPaid: 'refund.exceedsPaid',
  /** This return was refunded already (same refund key). */
  alreadyRefunded: 'refund.alreadyRefunded',
  emptyReturn: 'refund.emptyReturn',
  /** Line refunds plus shipping do not add up to the total. */
  unbalanced: 'refund.unbalanced',
} as const;

export type RefundErrorCode = (typeof refundErrorCodes)[keyof typeof refundErrorCodes];

/**
 * When the shipping charge comes back. It is refunded at most once, in the return that first
 * meets a rule: when that return completes the order (every delivered unit is back) or when its
 * reason is the seller's fault (even for one unit: the customer should not pay to receive a
 * broken or wrong item). Either rule can be switched off, e.g. for a store that never refunds shipping.
 */
export interface ShippingRefundRule {
  onFullReturn: boolean;
  onSellerFault: boolean;
  /**
   * The return reason codes that are the seller's fault. Reasons are configuration (see
   * return-reasons.ts); "not as described" counts here even though it waives no policy rule there.
   */
  sellerFaultReasons: readonly string[];
}

export const DEFAULT_SHIPPING_RULE: ShippingRefundRule = {
  onFullReturn: true,
  onSellerFault: true,
  sellerFaultReasons: ['damagedOnArrival', 'wrongItemSent', 'notAsDescribed'],
};

export interface RefundOrderLine {
  lineId: string;
  unitPriceCents: number;
  qtyOrdered: number;
  qtyDelivered: number;
}

export interface RefundOrder {
  lines: readonly RefundOrderLine[];
  /** Order-level discounts (a coupon, a loyalty voucher), each in cents. */
  discountsCents: readonly number[];
  shippingCents: number;
  shippingRule: ShippingRefundRule;
  /**
   * What the customer was charged for the order: every ordered unit at its price, less the
   * discounts, plus shipping. When known, the refunds of returns together with the order's other
   * refunds (`RefundHistory.settledCents`) never pass it.
   */
  chargedCents?: number;
}

/** What earlier returns of this order already refunded. */
export interface RefundHistory {
  lines: Readonly<Record<string, { qty: number; cents: number }>>;
  shippingCents: number;
  /** The refund keys already used: a return is refunded once, however often it is submitted. */
  refundKeys: readonly string[];
  /**
   * Money the order got back that settled no return: the substitution refund at staging or
   * packing (short, declined and cheaper-substituted units). Absent: none known.
   */
  settledCents?: number;
}

export const NO_REFUNDS: RefundHistory = { lines: {}, shippingCents: 0, refundKeys: [] };

/** The units coming back now, one entry per line, and the return's reason code. */
export interface RefundRequest {
  returnId: string;
  reason: string;
  lines: readonly { lineId: string; qty: number }[];
}

export interface RefundLine {
  lineId: string;
  qty: number;
  /** Unit price × qty returned. */
  grossCents: number;
  /** The part of the order discounts these units carried: gross − refund. */
  discountShareCents: number;
  refundCents: number;
}

export interface Refund {
  key: string;
  lines: RefundLine[];
  shippingCents: number;
  totalCents: number;
}

/** The idempotency key of a return's refund: payment providers and the refund log store it. */
export function refundKey(returnId: string): string {
  return `refund:${returnId}`;
}

function fail(code: RefundErrorCode, message: string, details?: Record<string, unknown>): never {
  throw new DomainError(code, message, details);
}

function isCount(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

/** Each line's net paid in cents (gross of delivered units less its discount share), by line id. */
export function lineNetCents(order: RefundOrder): Map<string, number> {
  for (const line of order.lines) {
    if (
      ![line.unitPriceCents, line.qtyOrdered, line.qtyDelivered].every(isCount) ||
      line.qtyDelivered > line.qtyOrdered
    ) {
      fail(refundErrorCodes.badInput, 'A line has a bad price or quantity', { lineId: line.lineId });
    }
  }
  if (![...order.discountsCents, order.shippingCents].every(isCount)) {
    fail(refundErrorCodes.badInput, 'A discount or the shipping charge is not a whole number of cents');
  }
  const gross = order.lines.map((l) => l.unitPriceCents * l.qtyDelivered);
  const goods = gross.reduce((a, b) => a + b, 0);
  const discount = order.discountsCents.reduce((a, b) => a + b, 0);
  if (discount > goods) {
    fail(refundErrorCodes.discountExceedsOrder, 'The discounts exceed the goods delivered', {
      discount,
      goods,
    });
  }
  const shares = allocateLargestRemainder(discount, gross);
  return new Map(order.lines.map((l, i) => [l.lineId, gross[i]! - shares[i]!]));
}

/** What the customer paid for the order: every line's net plus shipping. */
export function orderPaidCents(order: RefundOrder): number {
  return [...lineNetCents(order).values()].reduce((a, b) => a + b, order.shippingCents);
}

/**
 * The refund for one return. A line's refund is cumulative: after this return its refunds add
 * up to net(units returned so far), so the last unit back picks up every rounding cent and a
 * line returned over many visits refunds exactly its net. Shipping follows the order's rule.
 * Refuses a return already refunded, more units than delivered, and anything that would give
 * back more than was paid for a line or the order.
 */
export function computeRefund(order: RefundOrder, history: RefundHistory, request: RefundRequest): Refund {
  const key = refundKey(request.returnId);
  if (history.refundKeys.includes(key)) {
    fail(refundErrorCodes.alreadyRefunded, 'This return was refunded already', {
      returnId: request.returnId,
    });
  }
  if (request.lines.length === 0) fail(refundErrorCodes.emptyReturn, 'The return has no units');
  const nets = lineNetCents(order);
  const byId = new Map(order.lines.map((l) => [l.lineId, l]));
  const seen = new Set<string>();
  const lines = request.lines.map(({ lineId, qty }): RefundLine => {
    const line = byId.get(lineId);
    if (!line) fail(refundErrorCodes.unknownLine, 'The order has no such line', { lineId });
    if (seen.has(lineId))
      fail(refundErrorCodes.duplicateLine, 'A line appears twice in the return', { lineId });
    seen.add(lineId);
    if (!Number.isSafeInteger(qty) || qty <= 0)
      fail(refundErrorCodes.badQuantity, 'Bad quantity', { lineId, qty });
    const before = history.lines[lineId] ?? { qty: 0, cents: 0 };
    const after = before.qty + qty;
    if (after > line.qtyDelivered) {
      fail(refundErrorCodes.exceedsDelivered, 'More units returned than delivered', {
        lineId,
        qty,
        alreadyReturned: before.qty,
        delivered: line.qtyDelivered,
      });
    }
    const net = nets.get(lineId)!;
    const refundCents = cumulativeNetCents(after, line.qtyDelivered, net) - before.cents;
    if (refundCents < 0 || before.cents + refundCents > net) {
      fail(refundErrorCodes.exceedsPaid, 'The line would be refunded more than was paid', {
        lineId,
        paid: net,
        alreadyRefunded: before.cents,
      });
    }
    const grossCents = line.unitPriceCents * qty;
    return { lineId, qty, grossCents, discountShareCents: grossCents - refundCents, refundCents };
  });

  const shippingCents = shippingRefundCents(order, history, request);
  const totalCents = lines.reduce((a, l) => a + l.refundCents, shippingCents);
  const already = Object.values(history.lines).reduce((a, l) => a + l.cents, history.shippingCents);
  const paid = orderPaidCents(order);
  if (already + totalCents > paid) {
    fail(refundErrorCodes.exceedsPaid, 'The order would be refunded more than was paid', {
      paid,
      alreadyRefunded: already,
    });
  }
  // Returns give back what the delivered units were paid; the substitution refund gave back the
  // rest. Together they never pass the charge, whatever rounding or capping came before.
  const settled = history.settledCents ?? 0;
  if (order.chargedCents !== undefined && already + settled + totalCents > order.chargedCents) {
    fail(refundErrorCodes.exceedsPaid, 'The order would be refunded more than was charged', {
      paid: order.chargedCents,
      alreadyRefunded: already + settled,
    });
  }
  return { key, lines, shippingCents, totalCents };
}

/** The shipping part of a refund: what is left of the charge if a rule applies, else 0. */
export function shippingRefundCents(
  order: RefundOrder,
  history: RefundHistory,
  request: RefundRequest,
): number {
  const left = order.shippingCents - history.shippingCents;
  if (left <= 0) return 0;
  const { onFullReturn, onSellerFault, sellerFaultReasons } = order.shippingRule;
  if (onSellerFault && sellerFaultReasons.includes(request.reason)) return left;
  if (onFullReturn && completesOrder(order, history, request)) return left;
  return 0;
}

/** True when, after this return, every delivered unit of the order has come back. */
export function completesOrder(order: RefundOrder, history: RefundHistory, request: RefundRequest): boolean {
  const delivered = order.lines.reduce((a, l) => a + l.qtyDelivered, 0);
  return (
    delivered > 0 &&
    order.lines.every((l) => {
      const now = request.lines.find((r) => r.lineId === l.lineId)?.qty ?? 0;
      return (history.lines[l.lineId]?.qty ?? 0) + now === l.qtyDelivered;
    })
  );
}

/** The history after a refund is paid: the next return of the same order starts from it. */
export function applyRefund(history: RefundHistory, refund: Refund): RefundHistory {
  const lines = { ...history.lines };
  for (const l of refund.lines) {
    const before = lines[l.lineId] ?? { qty: 0, cents: 0 };
    lines[l.lineId] = { qty: before.qty + l.qty, cents: before.cents + l.refundCents };
  }
  return {
    lines,
    shippingCents: history.shippingCents + refund.shippingCents,
    refundKeys: [...history.refundKeys, refund.key],
    ...(history.settledCents !== undefined ? { settledCents: history.settledCents } : {}),
  };
}

/** Asserts the line refunds plus shipping make the total, and every line adds up, before money moves. */
export function assertRefundReconciles(refund: Refund): void {
  const sum = refund.lines.reduce((a, l) => a + l.refundCents, refund.shippingCents);
  const badLine = refund.lines.find((l) => l.grossCents - l.discountShareCents !== l.refundCents);
  if (sum !== refund.totalCents || badLine) {
    fail(refundErrorCodes.unbalanced, 'The refund does not add up', {
      key: refund.key,
      sum,
      total: refund.totalCents,
      lineId: badLine?.lineId,
    });
  }
}
