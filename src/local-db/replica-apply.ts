import type { PullResponse, SyncOrder } from '../contract/sync';
import { isOpen } from '../domain/order-machine';
import { needsPutBack } from '../domain/put-back';
import { db, replicaTables, type ReplicaOrder } from './db';
import { getMeta } from './meta';

/** A closed order stays on the device this long, as the server's queue keeps it. */
export const KEEP_CLOSED_MS = 12 * 60 * 60_000;

// 'v1:<n>' or 'v2:<n>' (v2 since pickup digests are keyed); the prefix is three characters.
const cursorVersion = (cursor: string | undefined) => (cursor ? Number(cursor.slice(3)) : -1);

function keepsShowing(order: ReplicaOrder, now: number): boolean {
  if (isOpen(order.status) || needsPutBack(order, order.lines)) return true;
  return (order.closedSeenAt ?? now) > now - KEEP_CLOSED_MS;
}

function annotate(order: SyncOrder, previous: ReplicaOrder | undefined, now: number): ReplicaOrder {
  if (isOpen(order.status)) return order;
  return { ...order, closedSeenAt: previous?.closedSeenAt ?? now };
}

/**
 * Lands one pull in one transaction: the replica rows, the cursor and `pulledSeq` change
 * together, so the overlay never folds a command the shown server state already includes.
 * The outbox is never touched. Returns false for a pull that an older request answered after a
 * newer one had landed (two tabs, or a slow network), which is dropped.
 */
export async function applyPull(pull: PullResponse, receivedAt: number = Date.now()): Promise<boolean> {
  return db.transaction('rw', [db.meta, ...replicaTables()], async () => {
    const storeId = await getMeta('storeId');
    const cursor = await getMeta('cursor');
    const sameStore = storeId === pull.storeId;
    if (sameStore && !pull.reset && cursorVersion(pull.cursor) < cursorVersion(cursor)) return false;
    const previous = new Map(
      (await db.orders.bulkGet(pull.orders.map((o) => o.id))).flatMap((o) => (o ? [[o.id, o]] : [])),
    );
    if (pull.reset || !sameStore) {
      await Promise.all(replicaTables().map((table) => table.clear()));
    }
    const pickupCodeKeys = mergePickupCodeKeys(
      pull.reset || !sameStore ? undefined : await getMeta('pickupCodeKeys'),
      pull.pickupCodeKeys,
      receivedAt,
    );
    await db.orders.bulkPut(pull.orders.map((o) => annotate(o, previous.get(o.id), receivedAt)));
    await db.products.bulkPut(pull.products);
    await db.stock.bulkPut(pull.stock);
    await db.locations.bulkPut(pull.locations);
    // An older server sends none. A served customer leaves the device with the delta saying so.
    const arrivals = pull.customerArrivals ?? [];
    await db.customerArrivals.bulkPut(arrivals.filter((a) => a.handedOverAt === null));
    await db.customerArrivals.bulkDelete(arrivals.filter((a) => a.handedOverAt !== null).map((a) => a.id));
    const stale = (await db.orders.toArray()).filter((o) => !keepsShowing(o, receivedAt)).map((o) => o.id);
    await db.orders.bulkDelete(stale);
    await db.meta.bulkPut([
      { key: 'storeId', value: pull.storeId },
      { key: 'cursor', value: pull.cursor },
      { key: 'lastSyncAt', value: receivedAt },
      { key: 'pulledSeq', value: pull.lastProcessedSeq },
      { key: 'serverOffsetMs', value: Date.parse(pull.serverTime) - receivedAt },
      // An older server sends none: the keys already held stay.
      ...(pull.passKeys ? [{ key: 'passKeys', value: pull.passKeys }] : []),
      { key: 'pickupCodeKeys', value: pickupCodeKeys },
    ]);
    return true;
  });
}

/** The cursor to send: none when the replica holds another store (then the pull is a full reset). */
export async function cursorFor(storeId: string): Promise<string | undefined> {
  return (await getMeta('storeId')) === storeId ? getMeta('cursor') : undefined;
}

/**
 * The store's pickup-code keys after a pull: those held (none after a reset or another store's
 * sign-in) and those it brought, without keys of months more than a year ago.
 */
export function mergePickupCodeKeys(
  held: Record<string, string> | undefined,
  received: readonly { keyId: string; key: string }[] | undefined,
  now: number,
): Record<string, string> {
  const oldest = new Date(now - 366 * 86_400_000).toISOString().slice(0, 7);
  const keys: Record<string, string> = {};
  for (const [keyId, key] of Object.entries(held ?? {})) if (keyId >= oldest) keys[keyId] = key;
  for (const { keyId, key } of received ?? []) if (keyId >= oldest) keys[keyId] = key;
  return keys;
}
