import type { PullResponse } from '../contract/sync';
import { ensureClientId } from '../local-db/client-identity';
import { getMeta } from '../local-db/meta';
import { applyPull, cursorFor } from '../local-db/replica-apply';
import { apiGet, isApiError } from './api-client';
import { setReachable } from './connectivity';
import { withLockIfAvailable } from './web-lock';

/**
 * Fetches what changed in the store since the replica's cursor, with this device's last
 * processed seq, and lands it in one transaction. One tab pulls at a time; the others see
 * the result through IndexedDB. Answers false when nothing landed.
 */
export async function pullReplica(storeId: string): Promise<boolean> {
  const result = await withLockIfAvailable('replica-pull', async () => {
    const clientId = await ensureClientId();
    const query = new URLSearchParams({ clientId });
    const cursor = await cursorFor(storeId);
    if (cursor) {
      query.set('cursor', cursor);
      // The seq that goes with the cursor: with both, a pull with nothing new costs the server
      // no database read (it answers them back, ADR 0048).
      query.set('seq', String((await getMeta('pulledSeq')) ?? 0));
    }
    try {
      const pull = await apiGet<PullResponse>(`/api/sync/pull?${query.toString()}`);
      setReachable(true);
      return await applyPull(pull);
    } catch (error) {
      if (isApiError(error)) setReachable(error.status !== 0);
      return false;
    }
  });
  return result ?? false;
}
