import { db, type StockLookupRow } from './db';

/** How many answers of each kind (searches, products) a store keeps on the device. */
export const KEEP_LOOKUPS = 50;

export type LookupKind = StockLookupRow['kind'];

export interface SavedLookup<T> {
  value: T;
  /** Epoch ms the answer arrived from the server. */
  savedAt: number;
}

/** A search is the same search in any case and spacing: the server reads it that way too. */
export const normaliseQuery = (query: string): string => query.trim().replace(/\s+/g, ' ').toLowerCase();

const keyOf = (storeId: string, kind: LookupKind, id: string) => `${storeId}|${kind}|${id}`;

/**
 * Keeps the answer to show when the same lookup is made without a network, and forgets the
 * oldest beyond the last KEEP_LOOKUPS of its kind and store.
 */
export async function saveLookup(
  storeId: string,
  kind: LookupKind,
  id: string,
  value: unknown,
  savedAt: number = Date.now(),
): Promise<void> {
  await db.transaction('rw', db.lookups, async () => {
    await db.lookups.put({ key: keyOf(storeId, kind, id), kind, storeId, savedAt, value });
    const stale = await db.lookups
      .orderBy('savedAt')
      .reverse()
      .filter((row) => row.kind === kind && row.storeId === storeId)
      .offset(KEEP_LOOKUPS)
      .primaryKeys();
    if (stale.length > 0) await db.lookups.bulkDelete(stale);
  });
}

export async function readLookup<T>(
  storeId: string,
  kind: LookupKind,
  id: string,
): Promise<SavedLookup<T> | undefined> {
  const row = await db.lookups.get(keyOf(storeId, kind, id));
  return row ? { value: row.value as T, savedAt: row.savedAt } : undefined;
}

/** The store's last looked-up products, newest first, to open again (also offline). */
export async function recentProductLookups<T>(storeId: string, limit = 5): Promise<SavedLookup<T>[]> {
  const rows = await db.lookups
    .orderBy('savedAt')
    .reverse()
    .filter((row) => row.kind === 'product' && row.storeId === storeId)
    .limit(limit)
    .toArray();
  return rows.map((row) => ({ value: row.value as T, savedAt: row.savedAt }));
}
