import { useLiveQuery } from 'dexie-react-hooks';
import type { SyncOrder } from '../../contract/sync';
import { readQueue, replicaReady } from '../../local-db/replica-read';

export type LiveQueue =
  { kind: 'loading' } | { kind: 'downloading' } | { kind: 'ready'; orders: SyncOrder[] };

/**
 * The store's orders from the device's replica, which the sync engine keeps current: each
 * change on the server pokes the device (src/sync/poke-stream.ts), the device pulls, and this
 * live query re-runs. So the manager's queue is live without polling, like the associates'.
 */
export function useLiveQueue(storeId: string): LiveQueue {
  const state = useLiveQuery(
    async (): Promise<LiveQueue> =>
      (await replicaReady(storeId))
        ? { kind: 'ready', orders: (await readQueue()).map((view) => view.order) }
        : { kind: 'downloading' },
    [storeId],
  );
  return state ?? { kind: 'loading' };
}
