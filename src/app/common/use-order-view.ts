import { useLiveQuery } from 'dexie-react-hooks';
import { readOrderView, replicaReady, type OrderView } from '../../local-db/replica-read';

export type OrderViewState =
  { kind: 'loading' } | { kind: 'downloading' } | { kind: 'missing' } | { kind: 'ready'; view: OrderView };

/** One order from the device's replica with its own unsynced actions on top; live, offline too. */
export function useOrderView(orderId: string, storeId: string): OrderViewState {
  const state = useLiveQuery(async (): Promise<OrderViewState> => {
    const view = await readOrderView(orderId);
    if (view) return { kind: 'ready', view };
    return (await replicaReady(storeId)) ? { kind: 'missing' } : { kind: 'downloading' };
  }, [orderId, storeId]);
  return state ?? { kind: 'loading' };
}
