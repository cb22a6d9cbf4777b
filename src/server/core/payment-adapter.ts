import type { OrderPayment } from '../../contract/orders';
import type { Executor } from '../db/client';

/** A refund to pay back to the customer's original payment. All money is integer cents. */
export interface RefundPayment {
  /** The refund key (src/domain/refund.ts refundKey): the same key never pays twice. */
  idempotencyKey: string;
  orderId: string;
  /** The store that took the return. */
  storeId: string;
  amountCents: number;
  currency: string;
  /** How the customer paid (null for orders that came without it, e.g. demo orders). */
  payment: OrderPayment | null;
}

export interface PaymentReceipt {
  /** The adapter's id, kept on the refund row. */
  adapter: string;
  /** The provider's (or the ledger's) reference of the refund. */
  providerRef: string;
}

/**
 * Pays refunds back to the original payment. `refund` runs inside the return's transaction and
 * must be idempotent on `idempotencyKey`: called again with the same key it answers the first
 * receipt and moves no money. An adapter for a real provider must not call it from here (a
 * network call inside a database transaction, lost on rollback): it records the request in the
 * transaction and pays it after commit, passing the key as the provider's idempotency key.
 */
export interface PaymentAdapter {
  readonly id: string;
  refund(request: RefundPayment, tx: Executor): Promise<PaymentReceipt>;
}
