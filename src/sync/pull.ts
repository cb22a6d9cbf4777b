import type { PullResponse } from '../contract/sync';
import { ensureClientId } from '../local-db/client-identity';
import { getMeta } from '../local-db/meta';
import { applyPull, cursorFor, dropSnapshot, snapshotCursorFor } from '../local-db/replica-apply';
import { apiGet, isApiError } from './api-client';
import { setReachable } from './connectivity';
import { withLockIfAvailable } from './web-lock';

/** Requests one pull may make: every page of a snapshot, then the delta that follows it. */
const MAX_REQUESTS = 200;

/**
 * Fetches what changed in the store since the replica's cursor, with this device's last
 * processed seq, and lands it in one transaction. Without a cursor it takes a snapshot in pages
 * (ADR 0052): each page is kept as it comes, so a failure resumes at the next one (this call or
 * a later one, after a reload too), and the last page replaces the replica; the delta from its
 * cursor then follows at once with what changed meanwhile. One tab pulls at a time; the others
 * see the result through IndexedDB. Answers false when nothing landed.
 */
export async function pullReplica(storeId: string): Promise<boolean> {
  const result = await withLockIfAvailable('replica-pull', async () => {
    const clientId = await ensureClientId();
    let landed = false;
    for (let requests = 0; requests < MAX_REQUESTS; requests++) {
      const query = new URLSearchParams({ clientId });
      const page = await snapshotCursorFor(storeId);
      const cursor = page ?? (await cursorFor(storeId));
      if (cursor) query.set('cursor', cursor);
      if (page === undefined && cursor) {
        // The seq that goes with the cursor: with both, a pull with nothing new costs the server
        // no database read (it answers them back, ADR 0048).
        query.set('seq', String((await getMeta('pulledSeq')) ?? 0));
      }
      if (!cursor) query.set('snapshot', 'pages');
      let pull: PullResponse;
      try {
        pull = await apiGet<PullResponse>(`/api/sync/pull?${query.toString()}`);
        setReachable(true);
      } catch (error) {
        if (isApiError(error)) {
          setReachable(error.status !== 0);
          // A server that cannot read the page's cursor (an older release after a rollback).
          if (page !== undefined && error.status === 400) await dropSnapshot();
        }
        return landed;
      }
      const done = await applyPull(pull);
      landed ||= done;
      // Another page to fetch, or a snapshot just landed: its delta follows. Otherwise done.
      if (!pull.page || (pull.page.next === null && !done)) return landed;
    }
    return landed;
  });
  return result ?? false;
}
