import { isSubstituteKept, type SubstituteStatus } from './substitution';

/**
 * What a return or a refusal can take back of an order (ADR 0046, 0047): each line's ordered
 * units, and each line's kept substitute as an item of its own, under its own product. The policy
 * and the refund judge items the way they judged lines; a line's ordered units keep the line's id
 * as their item id, so returns recorded before substitutes could come back read as they always
 * did, and a kept substitute's item id names its line and its product.
 *
 * A returned unit names its line and, for a substitute, its product (`return_units.product_id`);
 * a unit without a product (an older app's) is the ordered product.
 */

/** The item a unit of `lineId` is: the line itself for its ordered product, else the line's `productId`. */
export function returnItemId(
  lineId: string,
  productId: string | null | undefined,
  orderedProductId?: string,
): string {
  return productId == null || productId === orderedProductId ? lineId : `${lineId}/${productId}`;
}

/** The line and product an item id names; no product for a line's ordered units. */
export function returnItemRef(itemId: string): { lineId: string; productId?: string } {
  const at = itemId.indexOf('/');
  return at < 0 ? { lineId: itemId } : { lineId: itemId.slice(0, at), productId: itemId.slice(at + 1) };
}

/**
 * What the customer paid for a unit of a kept substitute: the ordered price, less what the
 * substitution refund gave back for it at staging or packing (the difference when the substitute
 * is cheaper; nothing when dearer, the store kept that). The order's discounts are shared over it
 * as over any delivered unit.
 */
export function substituteUnitPaidCents(orderedUnitCents: number, substituteUnitCents: number): number {
  return Math.min(orderedUnitCents, substituteUnitCents);
}

/** A line as its kept substitute is judged by a return: the ordered price, and the substitute. */
export interface SubstitutedLineOf {
  id: string;
  unitPriceCents: number;
  substitute: { productId: string; unitPriceCents: number; qty: number; status: SubstituteStatus } | null;
}

/** A kept substitute as a returnable item: its id, line, product, price paid and units. */
export interface SubstituteItem {
  itemId: string;
  lineId: string;
  productId: string;
  /** Per unit: `substituteUnitPaidCents`. */
  unitPaidCents: number;
  qty: number;
}

/**
 * The kept substitutes of an order's lines as returnable items, in line order. A declined or
 * still pending substitute never became the customer's, so it is no item: a return of it would
 * give money the substitution refund gave back already.
 */
export function substituteItems(lines: readonly SubstitutedLineOf[]): SubstituteItem[] {
  return lines.flatMap((line) => {
    const s = line.substitute;
    if (!s || !isSubstituteKept(s.status) || s.qty <= 0) return [];
    return [
      {
        itemId: returnItemId(line.id, s.productId),
        lineId: line.id,
        productId: s.productId,
        unitPaidCents: substituteUnitPaidCents(line.unitPriceCents, s.unitPriceCents),
        qty: s.qty,
      },
    ];
  });
}
