import type { ReturnSubmitArgs, ReturnSubmitResult, ReturnViolationView } from '../contract/returns';
import type { Refund, RefundHistory, ShippingRefundRule } from '../domain/refund';
import type { ReturnPolicy } from '../domain/return-policy';

/**
 * What a return reads and writes beyond the orders of the store (issue 6, ADR 0018): the order
 * it takes goods back for, of any store or channel, the returns and refunds before it, and the
 * return and refund it records. The server knows all of it; a device only what it cached for
 * the counter (ADR 0039).
 */

/**
 * An item of the order as the return policy and the refund need it: an order line's ordered
 * units, or a line's kept substitute (`substituteOf`), whose `lineId` is its item id
 * (src/domain/return-items.ts) and whose price is what the customer paid for it.
 */
export interface ReturnOrderLine {
  lineId: string;
  lineNo: number;
  productId: string;
  sku: string;
  category: string;
  returnable: boolean;
  finalSale: boolean;
  unitPriceCents: number;
  qtyOrdered: number;
  qtyShort: number;
  /** For a kept substitute: the order line it was picked for. */
  substituteOf?: string;
}

/** What earlier returns of an order took: units per line, and the money refunded. */
export interface ReturnHistory {
  /** Units of refunded returns, per order line. */
  returned: ReadonlyMap<string, number>;
  /** Units of returns waiting for a manager, per order line. */
  inReview: ReadonlyMap<string, number>;
  refunds: RefundHistory;
}

/** An order as a return judges it, of any store; times in ISO 8601. */
export interface ReturnOrder {
  id: string;
  storeId: string;
  number: string;
  status: string;
  placedAt: string;
  /** When the customer got the goods (collected, or handed to the carrier); null until then. */
  receivedAt: string | null;
  discountsCents: readonly number[];
  shippingCents: number;
  currency: string;
  customerEmail: string;
  lines: readonly ReturnOrderLine[];
}

/** An order as a return finds it: the order, and what the returns before this one took. */
export interface ReturnOrderFacts {
  order: ReturnOrder;
  history: ReturnHistory;
}

/** A return recorded already under an id: what a resend is compared with, and answered. */
export interface StoredReturn {
  orderId: string;
  units: readonly {
    lineId: string;
    /** The unit's product as recorded; absent where unknown (then the line's ordered product). */
    productId?: string;
    reason: string;
    condition: string;
    disposition: string;
    code: string | null;
  }[];
  result: ReturnSubmitResult;
}

/** The rules a store judges returns by: the chain's policy and shipping rule, the store's zone. */
export interface ReturnRules {
  policy: ReturnPolicy;
  shippingRule: ShippingRefundRule;
  /** The returning store's IANA zone: return windows count its calendar days. */
  timeZone: string;
}

/** A manager's approval a return carries, its signature checked: its claims, or why it is no good. */
export type ApprovalVerdict =
  | { ok: true; claims: { managerId: string; storeId: string; returnId: string; reason: string } }
  | { ok: false; why: string };

/** Who set the policy aside, how, and what they set aside. */
export interface ReturnOverrideRecord {
  managerId: string;
  reason: string;
  via: 'signedIn' | 'approval' | 'review';
  overridden: ReturnViolationView[];
}

/** A return taken at this store's counter, as it is recorded with its units. */
export interface NewReturn {
  returnId: string;
  number: string;
  orderId: string;
  status: 'refunded' | 'review';
  /** A refusal at the counter is a return of units that never left the store (ADR 0047). */
  kind?: 'return' | 'refusal';
  /** The instant the policy judged it at (src/domain/return-clock.ts). */
  takenAt: string;
  receipt: ReturnSubmitArgs['receipt'];
  violations: ReturnViolationView[];
  override: ReturnOverrideRecord | null;
  refundCents: number;
  shippingRefundCents: number;
  units: ReturnSubmitArgs['units'];
}

/** Money to pay back to the order's original payment, once per refund key. */
export interface RefundToPay {
  /** The return it pays for; null for a substitution's refund, which settles no return. */
  returnId: string | null;
  orderId: string;
  refund: Refund;
}
