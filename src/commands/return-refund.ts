import type { Disposition } from '../domain/disposition';
import { dispositionsStockDelta } from '../domain/disposition';
import type { Refund } from '../domain/refund';
import type { OrderTx } from './order-tx';
import { lineAndProductOf } from './return-items';
import type { ReturnOrder } from './return-order';

export const RESTOCK_REASON = 'return.restock';

export interface AcceptedReturn {
  returnId: string;
  number: string;
  order: ReturnOrder;
  /** By item (src/domain/return-items.ts): a line's id, or its kept substitute's item id. */
  units: readonly { lineId: string; disposition: Disposition }[];
  refund: Refund;
  receipt: { email: string | null; language: string };
}

/**
 * What an accepted return does, when the policy takes it (return.submit) or a manager approves
 * it from review: the money back to the original payment (once: the refund key), the restocked
 * units onto this store's on-hand, the customer told, the platform told to settle its books
 * (docs/webhooks.md). `audit` is written once paid, with what was restocked per product.
 */
export function refundReturn(
  tx: OrderTx,
  accepted: AcceptedReturn,
  audit: { action: string; details: Record<string, unknown> },
): void {
  const { order } = accepted;
  // One stock move per product, whatever items it came back as: a kept substitute goes back
  // under its own product.
  const byProduct = new Map<string, { lineId: string; dispositions: Disposition[] }>();
  for (const unit of accepted.units) {
    const { lineId, productId } = lineAndProductOf(order, unit.lineId);
    const entry = byProduct.get(productId) ?? { lineId, dispositions: [] };
    entry.dispositions.push(unit.disposition);
    byProduct.set(productId, entry);
  }
  const restocked: Record<string, number> = {};
  for (const [productId, { lineId, dispositions }] of byProduct) {
    const delta = dispositionsStockDelta(dispositions);
    if (delta.onHand !== 0) restocked[productId] = delta.onHand;
    tx.effects.moveStock({ orderId: order.id, lineId, productId, reason: RESTOCK_REASON, delta });
  }
  payBack(tx, accepted, { action: audit.action, details: { ...audit.details, restocked } });
}

/**
 * The money of accepted units back to the original payment (once: the refund key), the customer
 * told, the platform told to settle its books. A return restocks first (refundReturn); a refusal
 * at the counter moves its own stock, as its units never left the store (order.refuseItems).
 */
export function payBack(
  tx: OrderTx,
  accepted: AcceptedReturn,
  audit: { action: string; details: Record<string, unknown> },
): void {
  const { order, refund } = accepted;
  tx.effects.refund(
    { returnId: accepted.returnId, orderId: order.id, refund },
    { action: audit.action, entityType: 'return', entityId: accepted.returnId, details: audit.details },
  );
  tx.effects.notifyCustomer(order.id, 'refundIssued', {
    returnId: accepted.returnId,
    number: accepted.number,
    refundCents: refund.totalCents,
    currency: order.currency,
    email: accepted.receipt.email ?? (order.customerEmail || null),
    language: accepted.receipt.language,
  });
  tx.effects.webhook(order.id, 'return.refunded', {
    returnId: accepted.returnId,
    number: accepted.number,
    returnedAtStoreId: tx.actor.storeId,
    refundKey: refund.key,
    refundCents: refund.totalCents,
    shippingRefundCents: refund.shippingCents,
    currency: order.currency,
    // The platform knows order lines: a kept substitute's units are its line's, named by product.
    lines: refund.lines.map((l) => {
      const { lineId, productId } = lineAndProductOf(order, l.lineId);
      const substitute = order.lines.find((o) => o.lineId === l.lineId)?.substituteOf !== undefined;
      return { lineId, ...(substitute ? { productId } : {}), qty: l.qty, refundCents: l.refundCents };
    }),
  });
}
