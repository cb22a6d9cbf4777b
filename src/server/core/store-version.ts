import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { rowsOf } from '../db/rows';

export const POKE_CHANNEL = 'aisle_poke';

/**
 * The statement that takes the store's next change number, holding the store_sync row lock
 * until commit, and queues a poke for the store's devices. NOTIFY is transactional: it goes out
 * at commit, and not at all on rollback (or on a rolled-back savepoint), so devices are never
 * poked about a change that did not happen; PostgreSQL folds repeats within one transaction.
 * The NOTIFY rides in RETURNING, so the whole step is one round trip, alone or as a CTE.
 */
export function storeVersionBump(storeId: string): SQL {
  return sql`insert into store_sync (store_id, version) values (${storeId}, 1)
    on conflict (store_id) do update set version = store_sync.version + 1
    returning version, pg_notify(${POKE_CHANNEL}, ${storeId})::text as notified`;
}

/** Takes the store's next change number (see storeVersionBump) and returns it. */
export async function nextStoreVersion(tx: Executor, storeId: string): Promise<number> {
  const result = await tx.execute(storeVersionBump(storeId));
  const row = rowsOf<{ version: string | number }>(result)[0];
  if (!row) throw new Error('store_sync upsert returned nothing');
  return Number(row.version);
}

export async function currentStoreVersion(tx: Executor, storeId: string): Promise<number> {
  const result = await tx.execute(sql`select version from store_sync where store_id = ${storeId}`);
  return Number(rowsOf<{ version: string | number }>(result)[0]?.version ?? 0);
}

/**
 * Holds the other store's change counter until commit, before its stock is read. Every write of
 * a store's stock takes this row first (nextStoreVersion), so the figures read below cannot move
 * before this transaction writes: the check and the reservation agree without writing anything
 * first. A store that never changed has no row yet; one at version 0 means the same.
 */
export async function lockStoreVersion(tx: Executor, storeId: string): Promise<void> {
  const lock = sql`select version from store_sync where store_id = ${storeId} for update`;
  if (rowsOf(await tx.execute(lock)).length > 0) return;
  await tx.execute(
    sql`insert into store_sync (store_id, version) values (${storeId}, 0) on conflict (store_id) do nothing`,
  );
  await tx.execute(lock);
}
