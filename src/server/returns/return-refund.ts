import type { Disposition } from '../../domain/disposition';
import { dispositionsStockDelta } from '../../domain/disposition';
import type { Refund } from '../../domain/refund';
import { refunds } from '../db/schema';
import type { OrderRow } from '../orders/order-repository';
import type { OrderWork } from '../orders/order-work';
import type { PaymentReceipt } from './payments/payment-adapter';
import type { ReturnOrderLineRow } from './return-order';
import { returnsRuntime } from './returns-runtime';

export const RESTOCK_REASON = 'return.restock';

export interface AcceptedReturn {
  returnId: string;
  number: string;
  order: OrderRow;
  lines: readonly ReturnOrderLineRow[];
  units: readonly { lineId: string; disposition: Disposition }[];
  refund: Refund;
  receipt: { email: string | null; language: string };
}

/**
 * The effects of an accepted return, after its row is written: the money back to the original
 * payment (once: the payment adapter and the refunds row both key on the refund key), the
 * restocked units onto this store's on-hand through the unit of work, and the customer's
 * message. Returns what was paid and restocked, for the audit entry.
 */
export async function refundAndRestock(
  work: OrderWork,
  accepted: AcceptedReturn,
): Promise<{ receipt: PaymentReceipt; restocked: Record<string, number> }> {
  const { order, refund } = accepted;
  const receipt = await returnsRuntime().payments.refund(
    {
      idempotencyKey: refund.key,
      orderId: order.id,
      storeId: work.storeId,
      amountCents: refund.totalCents,
      currency: order.currency,
      payment: order.payment ?? null,
    },
    work.tx,
  );
  await work.tx.insert(refunds).values({
    refundKey: refund.key,
    returnId: accepted.returnId,
    orderId: order.id,
    storeId: work.storeId,
    currency: order.currency,
    totalCents: refund.totalCents,
    shippingCents: refund.shippingCents,
    lines: refund.lines,
    adapter: receipt.adapter,
    providerRef: receipt.providerRef,
    payment: order.payment ?? null,
  });

  const productOf = new Map(accepted.lines.map((l) => [l.lineId, l.productId]));
  const byProduct = new Map<string, Disposition[]>();
  for (const unit of accepted.units) {
    const productId = productOf.get(unit.lineId)!;
    byProduct.set(productId, [...(byProduct.get(productId) ?? []), unit.disposition]);
  }
  const restocked: Record<string, number> = {};
  for (const [productId, dispositions] of byProduct) {
    const delta = dispositionsStockDelta(dispositions);
    if (delta.onHand !== 0) restocked[productId] = delta.onHand;
    work.moveStock({ productId, orderId: order.id, reason: RESTOCK_REASON, delta });
  }

  work.notifyCustomer(order, 'refundIssued', {
    returnId: accepted.returnId,
    number: accepted.number,
    refundCents: refund.totalCents,
    currency: order.currency,
    email: accepted.receipt.email ?? (order.customerEmail || null),
    language: accepted.receipt.language,
  });
  // The platform learns of the refund to settle its own books (docs/webhooks.md).
  work.webhook(order, 'return.refunded', {
    returnId: accepted.returnId,
    number: accepted.number,
    returnedAtStoreId: work.storeId,
    refundKey: refund.key,
    refundCents: refund.totalCents,
    shippingRefundCents: refund.shippingCents,
    currency: order.currency,
    lines: refund.lines.map((l) => ({ lineId: l.lineId, qty: l.qty, refundCents: l.refundCents })),
  });
  return { receipt, restocked };
}
