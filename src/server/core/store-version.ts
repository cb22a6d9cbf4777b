import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { rowsOf } from '../db/rows';

export const POKE_CHANNEL = 'aisle_poke';

/**
 * A poke names the store and its new version (`MI01:42`), so each instance knows every store's
 * version without asking (ADR 0048); a bare store id is a poke from an older release.
 */
export function parsePoke(payload: string): { storeId: string; version: number | undefined } {
  const colon = payload.lastIndexOf(':');
  const version = colon < 0 ? NaN : Number(payload.slice(colon + 1));
  return Number.isSafeInteger(version) && colon > 0
    ? { storeId: payload.slice(0, colon), version }
    : { storeId: payload, version: undefined };
}

/**
 * The statement that takes the store's next change number, holding the store_sync row lock
 * until commit, and queues a poke for the store's devices. NOTIFY is transactional: it goes out
 * at commit, and not at all on rollback (or on a rolled-back savepoint), so devices are never
 * poked about a change that did not happen. Each bump NOTIFYs its own version (the instances
 * coalesce those of one commit into one poke per device). The NOTIFY rides in RETURNING, so the
 * whole step is one round trip, alone or as a CTE.
 */
export function storeVersionBump(storeId: string): SQL {
  return sql`insert into store_sync (store_id, version) values (${storeId}, 1)
    on conflict (store_id) do update set version = store_sync.version + 1
    returning version, pg_notify(${POKE_CHANNEL}, store_sync.store_id || ':' || store_sync.version)::text as notified`;
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
