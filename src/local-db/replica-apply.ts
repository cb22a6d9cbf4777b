import { fromCatalogueColumns } from '../contract/catalogue';
import type { PullResponse, SyncOrder } from '../contract/sync';
import { isOpen } from '../domain/order-machine';
import { needsPutBack } from '../domain/put-back';
import { db, replicaTables, type ReplicaOrder, type ReplicaProduct, type ReplicaStock } from './db';
import { deleteMeta, getMeta } from './meta';

/**
 * A closed order stays on the device this long after it first showed closed, in server time: as
 * long as the server's queue (and so a snapshot) keeps it, so every device of a store shows the
 * same queue whatever its clock says.
 */
export const KEEP_CLOSED_MS = 12 * 60 * 60_000;

// 'v1:<n>' or 'v2:<n>' (v2 since pickup digests are keyed); the prefix is three characters.
const cursorVersion = (cursor: string | undefined) => (cursor ? Number(cursor.slice(3)) : -1);

/** Whether an order stays in the replica at this server time (epoch ms). */
export function keepsShowing(order: ReplicaOrder, serverNow: number): boolean {
  if (isOpen(order.status) || needsPutBack(order, order.lines)) return true;
  return (order.closedSeenAt ?? serverNow) > serverNow - KEEP_CLOSED_MS;
}

function annotate(order: SyncOrder, previous: ReplicaOrder | undefined, serverNow: number): ReplicaOrder {
  if (isOpen(order.status)) return order;
  return { ...order, closedSeenAt: previous?.closedSeenAt ?? serverNow };
}

/** A pull ready to land: a delta, a whole snapshot, or the pages of one put together. */
interface Landing extends Omit<PullResponse, 'products' | 'stock' | 'catalogue' | 'page'> {
  products: ReplicaProduct[];
  stock: ReplicaStock[];
}

/** The pages of a snapshot as one: page 1's store data, every page's catalogue, the last page's time. */
export function joinPages(pages: readonly PullResponse[]): Landing {
  const [first] = pages;
  const last = pages.at(-1);
  if (!first || !last) throw new Error('a snapshot has at least one page');
  const products: ReplicaProduct[] = [...first.products];
  const stock: ReplicaStock[] = [...first.stock];
  for (const page of pages) {
    for (const { aisle, bay, ...product } of page.catalogue ? fromCatalogueColumns(page.catalogue) : []) {
      products.push(product);
      stock.push({ productId: product.id, aisle, bay });
    }
  }
  const { page: _page, catalogue: _catalogue, ...rest } = first;
  return { ...rest, products, stock, serverTime: last.serverTime, passKeys: last.passKeys ?? first.passKeys };
}

/**
 * Lands one pull (ADR 0008, 0052). A snapshot page that is not the last waits in
 * `snapshotPages`, and the meta names the next page, so a reload or a dropped connection
 * resumes there; the replica stays as it was until the last page is in, which lands them all.
 * Returns whether anything landed in the replica.
 */
export async function applyPull(pull: PullResponse, receivedAt: number = Date.now()): Promise<boolean> {
  if (!pull.page) return land(pull, receivedAt);
  const { n, next } = pull.page;
  return db.transaction('rw', [db.meta, db.snapshotPages, ...replicaTables()], async () => {
    const held = await getMeta('snapshot');
    // A page of another snapshot than the one held (a page 1 starts a new one): dropped.
    if (n > 1 && (held?.storeId !== pull.storeId || held.pages !== n - 1)) return false;
    if (n === 1) await db.snapshotPages.clear();
    if (next !== null) {
      await db.snapshotPages.put({ n, page: pull });
      await db.meta.put({ key: 'snapshot', value: { storeId: pull.storeId, next, pages: n } });
      return false;
    }
    const staged = (await db.snapshotPages.orderBy('n').toArray()).map((row) => row.page);
    return land(joinPages([...staged, pull]), receivedAt);
  });
}

/** The cursor of the next page of a snapshot this device is receiving for the store, if any. */
export async function snapshotCursorFor(storeId: string): Promise<string | undefined> {
  const held = await getMeta('snapshot');
  return held?.storeId === storeId ? held.next : undefined;
}

/** Forgets a snapshot half received (the server no longer reads its cursor): the next pull starts one. */
export async function dropSnapshot(): Promise<void> {
  await db.transaction('rw', [db.meta, db.snapshotPages], async () => {
    await db.snapshotPages.clear();
    await deleteMeta('snapshot');
  });
}

/**
 * Lands one pull in one transaction: the replica rows, the cursor and `pulledSeq` change
 * together, so the overlay never folds a command the shown server state already includes.
 * The outbox is never touched. Returns false for a pull that an older request answered after a
 * newer one had landed (two tabs, or a slow network), which is dropped.
 */
function land(pull: Landing | PullResponse, receivedAt: number): Promise<boolean> {
  return db.transaction('rw', [db.meta, db.snapshotPages, ...replicaTables()], async () => {
    const storeId = await getMeta('storeId');
    const cursor = await getMeta('cursor');
    const sameStore = storeId === pull.storeId;
    if (sameStore && !pull.reset && cursorVersion(pull.cursor) < cursorVersion(cursor)) return false;
    const serverNow = Number.isFinite(Date.parse(pull.serverTime)) ? Date.parse(pull.serverTime) : receivedAt;
    const previous = new Map(
      (await db.orders.bulkGet(pull.orders.map((o) => o.id))).flatMap((o) => (o ? [[o.id, o]] : [])),
    );
    if (pull.reset || !sameStore) {
      await Promise.all(replicaTables().map((table) => table.clear()));
      // A snapshot replaces whatever one was half received.
      await db.snapshotPages.clear();
      await db.meta.delete('snapshot');
    }
    const pickupCodeKeys = mergePickupCodeKeys(
      pull.reset || !sameStore ? undefined : await getMeta('pickupCodeKeys'),
      pull.pickupCodeKeys,
      receivedAt,
    );
    await db.orders.bulkPut(pull.orders.map((o) => annotate(o, previous.get(o.id), serverNow)));
    await db.products.bulkPut(pull.products);
    await db.stock.bulkPut(pull.stock);
    await db.locations.bulkPut(pull.locations);
    // An older server sends none. A served customer leaves the device with the delta saying so.
    const arrivals = pull.customerArrivals ?? [];
    await db.customerArrivals.bulkPut(arrivals.filter((a) => a.handedOverAt === null));
    await db.customerArrivals.bulkDelete(arrivals.filter((a) => a.handedOverAt !== null).map((a) => a.id));
    // Only orders first seen closed before the window are read (an index), not every closed one.
    const pastWindow = await db.orders
      .where('closedSeenAt')
      .belowOrEqual(serverNow - KEEP_CLOSED_MS)
      .toArray();
    await db.orders.bulkDelete(pastWindow.filter((o) => !keepsShowing(o, serverNow)).map((o) => o.id));
    await db.meta.bulkPut([
      { key: 'storeId', value: pull.storeId },
      { key: 'cursor', value: pull.cursor },
      { key: 'lastSyncAt', value: receivedAt },
      { key: 'pulledSeq', value: pull.lastProcessedSeq },
      { key: 'serverOffsetMs', value: serverNow - receivedAt },
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
