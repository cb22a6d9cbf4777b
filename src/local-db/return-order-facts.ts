import type { ReturnOrderFacts } from '../commands/return-order';
import type { ReturnableOrder } from '../contract/returns';

/**
 * An order the return counter holds (GET /api/returns/…, cached for offline returns) as the
 * `return.submit` definition reads it on the device: the order, its lines and what the server
 * said earlier returns took when the copy was fetched.
 */
export function returnOrderFacts(order: ReturnableOrder): ReturnOrderFacts {
  return {
    order: {
      id: order.id,
      storeId: order.storeId,
      number: order.number,
      status: order.status,
      placedAt: order.placedAt,
      receivedAt: order.receivedAt,
      discountsCents: order.discounts.map((d) => d.cents),
      shippingCents: order.shippingCents,
      currency: order.currency,
      customerEmail: order.customerEmail,
      lines: order.lines.map((l) => ({
        lineId: l.lineId,
        lineNo: l.lineNo,
        productId: l.productId,
        sku: l.sku,
        category: l.category,
        returnable: l.returnable,
        finalSale: l.finalSale,
        unitPriceCents: l.unitPriceCents,
        qtyOrdered: l.qtyOrdered,
        qtyShort: l.qtyShort,
        // A kept substitute is an item of its own, as the server lists it.
        ...(l.substituteOf ? { substituteOf: l.substituteOf } : {}),
      })),
    },
    history: {
      returned: new Map(order.lines.map((l) => [l.lineId, l.qtyReturned])),
      inReview: new Map(order.lines.map((l) => [l.lineId, l.qtyInReview])),
      refunds: order.refundHistory,
    },
  };
}
