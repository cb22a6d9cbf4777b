import type { StockDelta } from './order-stock';

/**
 * What happens to each returned unit once an associate has looked at it (issue 6, point 5).
 * - restock: sellable as new, back on the shelf; it left on-hand at handover, so on-hand
 *   rises by one and availability with it.
 * - damaged: not sellable; sellable stock does not change (write-off is counted elsewhere).
 * - return_to_vendor: goes back to the supplier; not sellable here, so no stock change either.
 */
export const dispositions = ['restock', 'damaged', 'return_to_vendor'] as const;
export type Disposition = (typeof dispositions)[number];

export function isDisposition(value: unknown): value is Disposition {
  return typeof value === 'string' && (dispositions as readonly string[]).includes(value);
}

/** The change to the store's sellable stock for one returned unit. Returns are never reserved. */
export function dispositionStockDelta(disposition: Disposition): StockDelta {
  return { onHand: disposition === 'restock' ? 1 : 0, reserved: 0 };
}

/** The summed stock change for a return's units of one product, one disposition per unit. */
export function dispositionsStockDelta(units: readonly Disposition[]): StockDelta {
  return units.reduce(
    (acc, d) => {
      const delta = dispositionStockDelta(d);
      return { onHand: acc.onHand + delta.onHand, reserved: acc.reserved + delta.reserved };
    },
    { onHand: 0, reserved: 0 },
  );
}
