import { returnItemId, returnItemRef, substituteItems, type SubstitutedLineOf } from '../domain/return-items';
import type { ReturnOrder, ReturnOrderLine } from './return-order';

/**
 * Returns and refusals judge items (src/domain/return-items.ts): these turn an order's lines into
 * items, and the units a command names (a line, and for a substitute its product) into item ids
 * and back, the same way on the device and on the server.
 */

/** What a return needs of a kept substitute's product beyond the line's substitute record. */
export interface SubstituteProduct {
  sku: string;
  category: string;
  returnable: boolean;
}

/**
 * The order's lines, each followed by its kept substitute as an item of its own: its product's
 * code and return rules, the line's final-sale flag (the customer bought under those terms), its
 * units all delivered with the order, at the price the customer paid for them. A substitute whose
 * product is not known here is left out: its units cannot be judged, so they cannot be taken back.
 */
export function withSubstituteItems(
  lines: readonly (ReturnOrderLine & { substitute: SubstitutedLineOf['substitute'] })[],
  productOf: (productId: string) => SubstituteProduct | undefined,
): ReturnOrderLine[] {
  return lines.flatMap(({ substitute, ...line }) => {
    const [item] = substituteItems([{ id: line.lineId, unitPriceCents: line.unitPriceCents, substitute }]);
    const product = item && productOf(item.productId);
    if (!item || !product) return [line];
    return [
      line,
      {
        lineId: item.itemId,
        lineNo: line.lineNo,
        productId: item.productId,
        sku: product.sku,
        category: product.category,
        returnable: product.returnable,
        finalSale: line.finalSale,
        unitPriceCents: item.unitPaidCents,
        qtyOrdered: item.qty,
        qtyShort: 0,
        substituteOf: line.lineId,
      },
    ];
  });
}

/** The ordered product of each order line of a return order, by line id. */
export function orderedProducts(order: Pick<ReturnOrder, 'lines'>): Map<string, string> {
  return new Map(order.lines.filter((l) => !l.substituteOf).map((l) => [l.lineId, l.productId]));
}

/** The item a unit a command names is: its line, or the line's product when it is not the ordered one. */
export function itemIdOf(
  ordered: ReadonlyMap<string, string>,
  unit: { lineId: string; productId?: string | null | undefined },
): string {
  return returnItemId(unit.lineId, unit.productId, ordered.get(unit.lineId));
}

/** The order line and product an item of the order is, for the records and the stock. */
export function lineAndProductOf(
  order: Pick<ReturnOrder, 'lines'>,
  itemId: string,
): { lineId: string; productId: string } {
  const item = order.lines.find((l) => l.lineId === itemId);
  const ref = returnItemRef(itemId);
  return { lineId: item?.substituteOf ?? ref.lineId, productId: item?.productId ?? ref.productId ?? '' };
}

/**
 * The upcast of a v1 return or refusal: its units named no product, each was its line's ordered
 * product, which v2 says by leaving `productId` out (ADR 0028).
 */
export function unitsOfOrderedProducts(args: unknown): unknown {
  const v1 = args as { units?: unknown };
  return Array.isArray(v1.units)
    ? {
        ...(args as object),
        units: v1.units.map((u) => {
          const { productId: _dropped, ...unit } = u as Record<string, unknown>;
          return unit;
        }),
      }
    : args;
}
