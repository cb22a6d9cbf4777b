import type { PickLine } from './picking';

/** A line as stock sees it; units handed over or refused at the counter left the reservation already. */
type HeldLine = PickLine & { qtyHandedOver?: number; qtyRefused?: number };

/** Units of a line the order still holds in the store's reservation. */
export function stillReserved(line: HeldLine): number {
  return line.qtyOrdered - line.qtyShort - (line.qtyHandedOver ?? 0) - (line.qtyRefused ?? 0);
}

/** A change to one product's stock figures at one store. */
export interface StockDelta {
  onHand: number;
  reserved: number;
}

/**
 * Stock follows the order: intake reserves every ordered unit, a short releases its units,
 * handover takes picked units off the shelf count and out of the reservation, and a cancel
 * releases what is still reserved (picked units go back to the shelf, which never left on-hand).
 */
export const stockEffects = {
  intake: (qty: number): StockDelta => ({ onHand: 0, reserved: qty }),
  short: (qty: number): StockDelta => ({ onHand: 0, reserved: -qty }),
  handover: (line: PickLine): StockDelta => ({ onHand: -line.qtyPicked, reserved: -line.qtyPicked }),
  cancel: (line: HeldLine): StockDelta => ({ onHand: 0, reserved: -stillReserved(line) }),
  /**
   * An order left uncollected past the store's hold: like a cancel, every unit still reserved is
   * released at once. The picked units wait on the staging shelf, still counted on hand, until an
   * associate puts them back (src/domain/put-back.ts); they are available to sell from now on.
   */
  /**
   * A substitute the customer keeps (allowed at once, or accepted): its units leave the store's
   * stock then, as nothing reserved them and the handover moves only the ordered product.
   */
  substituteKept: (qty: number): StockDelta => ({ onHand: -qty, reserved: 0 }),
  expire: (line: HeldLine): StockDelta => ({ onHand: 0, reserved: -stillReserved(line) }),
};
