import type { SyncOrder } from '../contract/sync';
import type { MetaValues } from './meta';

/**
 * The queue's first paint at the start of a shift, read with plain IndexedDB so that Dexie (the
 * largest piece of the device's code) is fetched after the first screen instead of before it
 * (docs/decisions/0051-first-paint-without-dexie.md). It reads the same database, tables and
 * index that Dexie's `readQueue` reads, in one read-only transaction, and answers only when the
 * answer needs no overlay: when this device has a queued action, or the database is not there
 * yet, it answers null and the screen waits for the live read, which always takes over.
 */

/** Dexie's name for the device database (db.ts). */
const databaseName = 'aisle';

export interface StartQueue {
  /** The replica holds this store and its first pull has landed (replicaReady). */
  ready: boolean;
  /** The replica's orders by promise time, as the server last sent them. */
  orders: SyncOrder[];
}

const requestResult = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });

/** Opens the database as it is, never creating it: a missing database is Dexie's to create. */
function openExisting(): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(databaseName);
    let creating = false;
    request.onupgradeneeded = () => {
      creating = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      const connection = request.result;
      // Dexie may upgrade the schema after a new release: never stand in its way.
      connection.onversionchange = () => connection.close();
      resolve(connection);
    };
    request.onerror = () => (creating ? resolve(null) : reject(request.error ?? new Error('open failed')));
    request.onblocked = () => resolve(null);
  });
}

const tablesRead = ['meta', 'orders', 'outbox'] as const;

/** The store's queue without Dexie, or null when only the live read can answer. */
export async function readQueueAtStart(storeId: string): Promise<StartQueue | null> {
  if (typeof indexedDB === 'undefined') return null;
  const connection = await openExisting().catch(() => null);
  if (!connection) return null;
  try {
    if (!tablesRead.every((name) => connection.objectStoreNames.contains(name))) return null;
    const tx = connection.transaction([...tablesRead], 'readonly');
    const [metaRows, queued, orders] = await Promise.all([
      requestResult(tx.objectStore('meta').getAll() as IDBRequest<{ key: string; value: unknown }[]>),
      requestResult(tx.objectStore('outbox').count()),
      requestResult(tx.objectStore('orders').index('promisedAt').getAll() as IDBRequest<SyncOrder[]>),
    ]);
    // Queued actions are shown folded on top of the server's state: that is the live read's job.
    if (queued > 0) return null;
    const meta = Object.fromEntries(metaRows.map((row) => [row.key, row.value])) as Partial<MetaValues>;
    const ready = meta.storeId === storeId && meta.cursor !== undefined;
    return { ready, orders: ready ? orders : [] };
  } catch {
    return null;
  } finally {
    connection.close();
  }
}
