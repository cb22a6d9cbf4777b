import { useLiveQuery } from 'dexie-react-hooks';
import { readQueue, replicaReady, type OrderView } from '../../local-db/replica-read';

export type ArrivalsState =
  { kind: 'loading' } | { kind: 'downloading' } | { kind: 'ready'; waiting: OrderView[]; all: OrderView[] };

/**
 * The store's ship-to-store orders from the replica (offline too): `waiting` are those whose
 * parcel has not arrived yet; `all` lets the page follow an order once it is received.
 */
export function useArrivals(storeId: string): ArrivalsState {
  const state = useLiveQuery(async (): Promise<ArrivalsState> => {
    if (!(await replicaReady(storeId))) return { kind: 'downloading' };
    const all = (await readQueue()).filter(({ order }) => order.fulfillmentType === 'ship_to_store');
    return { kind: 'ready', all, waiting: all.filter(({ order }) => order.status === 'new') };
  }, [storeId]);
  return state ?? { kind: 'loading' };
}
