/**
 * A staging shelf, locker or bay holds up to `capacity` orders ready for their customers. An
 * order is on it from staging (or receiving) until it leaves the store, is put back or expires.
 */
export interface ShelfOccupancy {
  capacity: number;
  /** Orders ready on it now. */
  orderIds: readonly string[];
}

export type ShelfRoom =
  { state: 'free'; free: number } | { state: 'full'; occupied: number; capacity: number };

/** Room left on a shelf for `orderId` (which does not take a place from itself). */
export function shelfRoom(shelf: ShelfOccupancy, orderId?: string): ShelfRoom {
  const occupied = shelf.orderIds.filter((id) => id !== orderId).length;
  const capacity = Math.max(1, shelf.capacity);
  return occupied >= capacity
    ? { state: 'full', occupied, capacity }
    : { state: 'free', free: capacity - occupied };
}

/**
 * The orders on a shelf now: those ready on it when the facts were read, with the orders the
 * running commands hold taken as they left them (staged there, or moved off since).
 */
export function occupantsOf(
  code: string,
  readIds: readonly string[],
  held: Iterable<{ id: string; status: string; stagingLocation: string | null }>,
): string[] {
  const heldIds = new Set<string>();
  const on: string[] = [];
  for (const order of held) {
    heldIds.add(order.id);
    if (order.status === 'ready' && order.stagingLocation === code) on.push(order.id);
  }
  return [...readIds.filter((id) => !heldIds.has(id)), ...on];
}
