import { useLiveQuery } from 'dexie-react-hooks';
import { readPickBatch, type PickBatch } from '../../local-db/pick-batch';
import { readQueue, replicaReady, type OrderView } from '../../local-db/replica-read';
import type { Actor } from '../../local-db/enqueue';

export type ShipOrdersState =
  | { kind: 'loading' }
  | { kind: 'downloading' }
  | { kind: 'ready'; orders: OrderView[]; batch: PickBatch | null };

/** The store's ship-from-store orders from the replica (offline too), and this associate's batch. */
export function useShipOrders(actor: Actor): ShipOrdersState {
  const state = useLiveQuery(async (): Promise<ShipOrdersState> => {
    if (!(await replicaReady(actor.storeId))) return { kind: 'downloading' };
    const [queue, batch] = await Promise.all([readQueue(), readPickBatch(actor.id, actor.storeId)]);
    return {
      kind: 'ready',
      orders: queue.filter(({ order }) => order.fulfillmentType === 'ship_from_store'),
      batch,
    };
  }, [actor.id, actor.storeId]);
  return state ?? { kind: 'loading' };
}
