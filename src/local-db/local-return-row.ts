import type {
  ReturnableOrder,
  ReturnStatus,
  ReturnSubmitArgs,
  ReturnViolationView,
} from '../contract/returns';

/** The order facts a return's screens and receipt need, kept with it (the order may leave the cache). */
export interface ReturnOrderFacts {
  number: string;
  storeId: string;
  storeName: string;
  customerName: string;
  currency: string;
  payment: ReturnableOrder['payment'];
}

export interface ReturnLineFacts {
  lineId: string;
  sku: string;
  nameEn: string;
  nameIt: string;
  size: string;
  unitPriceCents: number;
}

export interface ShownRefund {
  totalCents: number;
  shippingCents: number;
  lines: {
    lineId: string;
    qty: number;
    grossCents: number;
    discountShareCents: number;
    refundCents: number;
  }[];
}

/** How the associate sent it: refunded by policy, with a manager's override, or for review. */
export type ReturnDecision = 'refund' | 'override' | 'review';

/** What the counter showed when the return was taken, offline or not. */
export interface ReturnShown {
  order: ReturnOrderFacts;
  lines: ReturnLineFacts[];
  decision: ReturnDecision;
  /** The device's policy check, before any override. */
  violations: ReturnViolationView[];
  /** The refund previewed; null when it could not be computed. */
  refund: ShownRefund | null;
  /** The manager who approved on this device, or the signed-in manager who overrode. */
  approvedBy?: { id: string; name: string };
}

/** The server's word on the return, once known (from the push result or GET /api/returns/:id). */
export interface ReturnOutcome {
  status: ReturnStatus;
  number: string;
  refundCents: number;
  shippingRefundCents: number;
  violations: ReturnViolationView[];
  /** Epoch ms this device learnt it. */
  at: number;
}

/**
 * A return taken on this device. Its sync state is its `return.submit` command's in the outbox
 * (local-returns.ts); the row outlives the command, which is pruned a day after it settled.
 */
export interface LocalReturnRow {
  returnId: string;
  orderId: string;
  /** The store that took it. */
  storeId: string;
  associateId: string;
  associateName: string;
  createdAt: string;
  args: ReturnSubmitArgs;
  shown: ReturnShown;
  outcome?: ReturnOutcome;
}
