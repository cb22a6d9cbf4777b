import { isPickedInStore, type FulfillmentType, type OrderStatus } from './order-machine';

/**
 * The floor's queue, in the order an associate should work it. Orders that need work come
 * first: new ones, then the associate's own in progress, then others' in progress, each by
 * promise time (soonest first, no promise last). Orders that only wait (ready for the customer,
 * a ship-to-store parcel not yet in) are a tab of their own, and closed ones come last.
 */
export type QueueGroup = 'new' | 'mine' | 'others' | 'waiting' | 'closed';

export interface QueueOrder {
  id: string;
  status: OrderStatus;
  fulfillmentType: FulfillmentType;
  promisedAt: string | null;
  claimedBy: { id: string } | null;
  assignedTo?: { id: string } | null;
}

const rank: Record<QueueGroup, number> = { new: 0, mine: 1, others: 2, waiting: 3, closed: 4 };

/** Where an order stands for `actorId`. `putBack`: cancelled with units to return to the shelf. */
export function queueGroupOf(order: QueueOrder, actorId: string, putBack = false): QueueGroup {
  if (putBack) return order.claimedBy?.id === actorId || order.claimedBy === null ? 'mine' : 'others';
  switch (order.status) {
    case 'new':
      return isPickedInStore(order.fulfillmentType) ? 'new' : 'waiting';
    case 'picking':
    case 'picked':
    case 'packed':
      return order.claimedBy?.id === actorId ? 'mine' : 'others';
    case 'ready':
      return 'waiting';
    default:
      return 'closed';
  }
}

export const needsWork = (group: QueueGroup) => group === 'new' || group === 'mine' || group === 'others';

function promiseTime(order: QueueOrder): number {
  const time = order.promisedAt ? Date.parse(order.promisedAt) : Number.NaN;
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
}

/** The queue sorted for work: by group, then promise, then id so equal promises keep one order. */
export function sortForWork<T>(
  items: readonly T[],
  orderOf: (item: T) => QueueOrder,
  groupOf: (item: T) => QueueGroup,
): T[] {
  return items
    .map((item) => ({ item, order: orderOf(item), group: groupOf(item) }))
    .sort(
      (a, b) =>
        rank[a.group] - rank[b.group] ||
        promiseTime(a.order) - promiseTime(b.order) ||
        a.order.id.localeCompare(b.order.id),
    )
    .map(({ item }) => item);
}

/**
 * The order "Next order" claims: the most urgent new order nobody has claimed, picked in the
 * store, and not assigned by a manager to someone else (one assigned to `actorId` counts as
 * anyone's). Null when there is none.
 */
export function nextOrderToClaim<T extends QueueOrder>(orders: readonly T[], actorId: string): T | null {
  const candidates = orders.filter(
    (order) =>
      order.status === 'new' &&
      order.claimedBy === null &&
      isPickedInStore(order.fulfillmentType) &&
      (!order.assignedTo || order.assignedTo.id === actorId),
  );
  return (
    sortForWork(
      candidates,
      (o) => o,
      () => 'new' as const,
    )[0] ?? null
  );
}
