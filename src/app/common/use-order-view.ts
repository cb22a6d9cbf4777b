import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { enqueueStamp, onEnqueuedView } from '../../local-db/enqueue';
import { readOrderView, replicaReady, type OrderView } from '../../local-db/replica-read';

export type OrderViewState =
  { kind: 'loading' } | { kind: 'downloading' } | { kind: 'missing' } | { kind: 'ready'; view: OrderView };

/**
 * One order from the device's replica with its own unsynced actions on top; live, offline too.
 * An action taken on this device shows at once from the view its enqueue computed; the live
 * query takes over as soon as it has read past that commit, so nothing older shows again.
 */
export function useOrderView(orderId: string, storeId: string): OrderViewState {
  const [enqueued, setEnqueued] = useState<{ orderId: string; view: OrderView; stamp: number } | null>(null);
  useEffect(
    () =>
      onEnqueuedView(({ view, stamp }) => {
        if (view.order.id === orderId) setEnqueued({ orderId, view, stamp });
      }),
    [orderId],
  );
  const live = useLiveQuery(async () => {
    const stamp = enqueueStamp();
    const view = await readOrderView(orderId);
    if (view) return { stamp, state: { kind: 'ready', view } as const };
    const state: OrderViewState = (await replicaReady(storeId))
      ? { kind: 'missing' }
      : { kind: 'downloading' };
    return { stamp, state };
  }, [orderId, storeId]);
  if (enqueued && enqueued.orderId === orderId && (!live || live.stamp < enqueued.stamp)) {
    return { kind: 'ready', view: enqueued.view };
  }
  return live?.state ?? { kind: 'loading' };
}
