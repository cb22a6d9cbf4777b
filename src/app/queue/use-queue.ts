import { useLiveQuery } from 'dexie-react-hooks';
import { readQueue, replicaReady, type OrderView } from '../../local-db/replica-read';

export type QueueState =
  { kind: 'loading' } | { kind: 'downloading' } | { kind: 'ready'; orders: OrderView[] };

/** The store's orders from the device's replica, live, with this device's unsynced actions on top. */
export function useQueue(storeId: string): QueueState {
  const state = useLiveQuery(
    async (): Promise<QueueState> =>
      (await replicaReady(storeId)) ? { kind: 'ready', orders: await readQueue() } : { kind: 'downloading' },
    [storeId],
  );
  return state ?? { kind: 'loading' };
}
