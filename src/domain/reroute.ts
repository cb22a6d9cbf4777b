import { DomainError } from './domain-error';

export const rerouteErrorCodes = {
  /** The line has no short units left to move or cancel (none short, or already handled). */
  nothingToResolve: 'reroute.nothingToResolve',
  sameStore: 'reroute.sameStore',
  /** The order was staged: its removed units were refunded then, so they no longer move. */
  refundedAtStaging: 'reroute.refundedAtStaging',
} as const;

/** Another store's figure for one product, nearest first, as GET /api/stock/products/:id lists it. */
export interface StoreAvailability {
  storeId: string;
  available: number;
}

/** The nearest store that can take all the short units, or null; `others` come nearest first. */
export function proposeReroute<S extends StoreAvailability>(others: readonly S[], qty: number): S | null {
  if (qty < 1) return null;
  return others.find((store) => store.available >= qty) ?? null;
}

/** What a short line needs to know to be offered a re-route or a cancellation. */
export interface ShortLineState {
  qtyShort: number;
  /** Where the short units went (an order id, or its view), null while they have not moved. */
  reroutedTo: object | string | null;
  customerNotified: boolean;
  /** A substitute picked for them (issue 15): the customer has it, or decides. */
  substitute?: object | null;
}

/**
 * Short units are handled once: moved to another store, cancelled with the customer told, or
 * given a substitute. A line with no short units, or whose short units were already handled, is
 * not offered again.
 */
export function canResolveShort(line: ShortLineState): boolean {
  return line.qtyShort > 0 && line.reroutedTo === null && !line.customerNotified && !line.substitute;
}

export function assertCanResolveShort(line: ShortLineState & { id: string }): void {
  if (!canResolveShort(line)) {
    throw new DomainError(rerouteErrorCodes.nothingToResolve, 'This line has no short units left to handle', {
      lineId: line.id,
    });
  }
}

/**
 * Whether a short line's units may still move to another store. Staging refunds the units the
 * order removed (ADR 0046), so once the order was staged they stay removed: moved, the customer
 * would get them as well as the money. Telling the customer of the cancellation stays possible.
 */
export function canRerouteShort(order: { readyAt: string | null }, line: ShortLineState): boolean {
  return order.readyAt === null && canResolveShort(line);
}

export function assertNotRefundedAtStaging(order: { readyAt: string | null }, lineId: string): void {
  if (order.readyAt !== null) {
    throw new DomainError(
      rerouteErrorCodes.refundedAtStaging,
      'The order was staged and its removed units refunded: they cannot move to another store',
      { lineId },
    );
  }
}

/** The platform id of the order a re-route becomes: a resend finds the same order. */
export function rerouteExternalId(rerouteId: string): string {
  return `reroute-${rerouteId.toLowerCase()}`;
}

/** The order number the customer and the other store see, e.g. "W3F2A9C1B". */
export function rerouteOrderNumber(rerouteId: string): string {
  return `W${rerouteId.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}
