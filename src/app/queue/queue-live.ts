import { readQueue, replicaReady } from '../../local-db/replica-read';
import { watch } from '../../local-db/watch';
import type { QueueState } from './use-queue';

/** The queue read live with Dexie: again after every change to the orders, outbox or meta. */
export function watchQueue(storeId: string, onValue: (state: QueueState) => void): () => void {
  return watch(
    async (): Promise<QueueState> =>
      (await replicaReady(storeId)) ? { kind: 'ready', orders: await readQueue() } : { kind: 'downloading' },
    onValue,
  );
}
