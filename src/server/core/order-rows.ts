import { sql } from 'drizzle-orm';
import type { LineState, RerouteTarget } from '../../commands/order-state';
import type { FulfillmentType, OrderStatus } from '../../domain/order-machine';
import type { ShortReason } from '../../domain/picking';
import { orderLines, products } from '../db/schema';
import type { orders } from '../db/schema';

export type OrderRow = typeof orders.$inferSelect & { status: OrderStatus; fulfillmentType: FulfillmentType };

/** An order line as the commands see it (LineState), with the product it holds stock of. */
export type LineRow = LineState & { productId: string };

/** The columns of a LineRow; select them from order_lines joined with products. */
export const lineRowColumns = {
  id: orderLines.id,
  lineNo: orderLines.lineNo,
  productId: orderLines.productId,
  sku: products.sku,
  gtin14: products.gtin14,
  qtyOrdered: orderLines.qtyOrdered,
  qtyPicked: orderLines.qtyPicked,
  qtyShort: orderLines.qtyShort,
  shortReason: sql<ShortReason | null>`${orderLines.shortReason}`,
  unitPriceCents: orderLines.unitPriceCents,
  // Where the short units went: the order placed at the other store.
  reroutedTo: sql<RerouteTarget | null>`(select json_build_object('orderId', r.id,
    'orderNumber', r.number, 'storeId', r.store_id) from orders r where r.id = ${orderLines.reroutedTo})`,
  // Told about the line's short units (cancelled or moved): it is not offered again.
  substitutionPreference: orderLines.substitutionPreference,
  substitute: orderLines.substitute,
  customerNotified: sql<boolean>`exists (select 1 from customer_notifications n
    where n.order_id = ${orderLines.orderId} and n.payload->>'lineId' = ${orderLines.id}::text)`,
  qtyHandedOver: orderLines.qtyHandedOver,
  qtyRefused: orderLines.qtyRefused,
  minimumAge: orderLines.minimumAge,
};
