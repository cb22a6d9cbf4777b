import type { PickLine } from './picking';
import { isSubstituteKept, type SubstituteStatus } from './substitution';

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
  /**
   * A kept substitute of an order that ends without reaching its customer (cancelled, expired):
   * its units are back in the store's hands (the tote, the staging shelf), on hand again and
   * sellable, waiting for the put-back like the ordered units picked.
   */
  substituteBack: (qty: number): StockDelta => ({ onHand: qty, reserved: 0 }),
  expire: (line: HeldLine): StockDelta => ({ onHand: 0, reserved: -stillReserved(line) }),
};

/** A line as its substitute's units are counted. */
type SubstitutedLine = { id: string; qtyHandedOver?: number; substitute?: HeldSubstituteOf | null };
type HeldSubstituteOf = {
  productId: string;
  gtin14: string;
  qty: number;
  status: SubstituteStatus;
  /** Units the customer refused at the counter: back in stock already (ADR 0047). */
  qtyRefused?: number;
};

/** A kept substitute's units the store still holds for an order, under their own product. */
export interface HeldSubstitute {
  lineId: string;
  productId: string;
  gtin14: string;
  qty: number;
}

/**
 * The units of an order that are on the shelf for a line are its picked ordered units plus its
 * kept substitute's, each of its own product. A kept substitute (picked at once, or accepted)
 * left the store's stock when kept, and goes to the customer with the order's first handover:
 * a partial handover names the ordered units of a line, and the substitute is not split. So the
 * store still holds it until some unit of the order was handed over; a declined or pending one
 * was never the customer's (a pending one is declined before the order can be staged). Units the
 * customer refused at the counter are held no longer: the refusal gave them back by disposition.
 */
export function heldSubstitutes(lines: readonly SubstitutedLine[]): HeldSubstitute[] {
  if (lines.some((l) => (l.qtyHandedOver ?? 0) > 0)) return [];
  return lines.flatMap((l) => {
    const s = l.substitute;
    const qty = s && isSubstituteKept(s.status) ? s.qty - (s.qtyRefused ?? 0) : 0;
    return s && qty > 0 ? [{ lineId: l.id, productId: s.productId, gtin14: s.gtin14, qty }] : [];
  });
}
