import { sql, type SQL } from 'drizzle-orm';
import type { LineState } from '../../commands/order-state';
import type { FulfillmentType, OrderStatus } from '../../domain/order-machine';
import type { orders } from '../db/schema';

export type OrderRow = typeof orders.$inferSelect & { status: OrderStatus; fulfillmentType: FulfillmentType };

/** An order line as the commands see it (LineState), with the product it holds stock of. */
export type LineRow = LineState & { productId: string };

/**
 * The order's lines as LineRows, in line order, as one JSON value: selected beside the order's
 * own columns (of `orders`, unaliased), so an order and its lines are read (and the order locked)
 * in one statement. Every field is a number, text, boolean or JSON, which JSON carries exactly.
 */
export function linesOfOrder(): SQL<LineRow[]> {
  return sql<LineRow[]>`(select coalesce(json_agg(json_build_object(
      'id', l.id, 'lineNo', l.line_no, 'productId', l.product_id, 'sku', p.sku, 'gtin14', p.gtin14,
      'qtyOrdered', l.qty_ordered, 'qtyPicked', l.qty_picked, 'qtyShort', l.qty_short,
      'shortReason', l.short_reason, 'unitPriceCents', l.unit_price_cents,
      -- Where the short units went: the order placed at the other store, of them alone.
      'reroutedTo', (select json_build_object('orderId', r.id, 'orderNumber', r.number, 'storeId', r.store_id,
          'qty', (select coalesce(sum(rl.qty_ordered), 0) from order_lines rl where rl.order_id = r.id))
        from orders r where r.id = l.rerouted_to),
      'substitutionPreference', l.substitution_preference, 'substitute', l.substitute,
      -- Told about the line's short units (cancelled or moved): it is not offered again.
      'customerNotified', exists (select 1 from customer_notifications n
        where n.order_id = l.order_id and n.payload->>'lineId' = l.id::text),
      'qtyHandedOver', l.qty_handed_over, 'qtyRefused', l.qty_refused, 'minimumAge', l.minimum_age
    ) order by l.line_no), '[]'::json)
    from order_lines l join products p on p.id = l.product_id
    where l.order_id = orders.id)`;
}
