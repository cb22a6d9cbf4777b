import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { paymentLedger } from '../../db/schema';
import type { PaymentAdapter, PaymentReceipt, RefundPayment } from '../../core/payment-adapter';

export const LEDGER_ADAPTER_ID = 'ledger';

/**
 * The built-in adapter: each refund becomes a row of `payment_ledger`, written in the return's
 * own transaction, for the back office to pay out. The idempotency key is unique, so a second
 * call with the same key answers the entry already there.
 */
export const ledgerAdapter: PaymentAdapter = {
  id: LEDGER_ADAPTER_ID,
  async refund(request: RefundPayment, tx: Executor): Promise<PaymentReceipt> {
    const [inserted] = await tx
      .insert(paymentLedger)
      .values({
        idempotencyKey: request.idempotencyKey,
        kind: 'refund',
        orderId: request.orderId,
        storeId: request.storeId,
        amountCents: request.amountCents,
        currency: request.currency,
        payment: request.payment,
      })
      .onConflictDoNothing({ target: paymentLedger.idempotencyKey })
      .returning({ id: paymentLedger.id });
    if (inserted) return receipt(inserted.id);
    const [entry] = await tx
      .select({
        id: paymentLedger.id,
        amountCents: paymentLedger.amountCents,
        orderId: paymentLedger.orderId,
      })
      .from(paymentLedger)
      .where(eq(paymentLedger.idempotencyKey, request.idempotencyKey));
    if (!entry) throw new Error(`ledger entry ${request.idempotencyKey} vanished`);
    // The same key for another amount is a bug upstream: paying either figure could be wrong.
    if (entry.amountCents !== request.amountCents || entry.orderId !== request.orderId) {
      throw new Error(`ledger entry ${request.idempotencyKey} exists with another amount or order`);
    }
    return receipt(entry.id);
  },
};

function receipt(id: number): PaymentReceipt {
  return { adapter: LEDGER_ADAPTER_ID, providerRef: `ledger:${id}` };
}
