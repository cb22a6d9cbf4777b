import { useEffect, useState } from 'react';
import { settledView, type OrderView } from '../../local-db/order-view';
import { readQueueAtStart, type StartQueue } from '../../local-db/start-read';
import { afterFirstScreen } from '../common/after-first-screen';

export type QueueState =
  { kind: 'loading' } | { kind: 'downloading' } | { kind: 'ready'; orders: OrderView[] };

const stateOf = (start: StartQueue): QueueState =>
  start.ready ? { kind: 'ready', orders: start.orders.map(settledView) } : { kind: 'downloading' };

/**
 * The store's orders from the device's replica, live, with this device's unsynced actions on top.
 *
 * The first answer may come from a plain IndexedDB read (start-read.ts), so the queue shows
 * without waiting for Dexie's code; the live read (queue-live.ts, with Dexie) starts once the
 * first screen is up and answers every change from then on. When the plain read cannot answer
 * (an action is queued, or there is no replica yet), the live read starts at once.
 */
export function useQueue(storeId: string): QueueState {
  const [state, setState] = useState<{ storeId: string; value: QueueState }>();
  useEffect(() => {
    let cancelled = false;
    let live = false;
    let stop: (() => void) | undefined;
    const startLive = () =>
      import('./queue-live').then(
        ({ watchQueue }) => {
          if (cancelled) return;
          stop = watchQueue(storeId, (value) => {
            live = true;
            setState({ storeId, value });
          });
        },
        (error: unknown) => console.error('Could not load the device database', error),
      );
    let cancelLater: (() => void) | undefined;
    void readQueueAtStart(storeId).then((start) => {
      if (cancelled) return;
      if (!start) return void startLive();
      if (!live) setState({ storeId, value: stateOf(start) });
      cancelLater = afterFirstScreen(() => void startLive());
    });
    return () => {
      cancelled = true;
      cancelLater?.();
      stop?.();
    };
  }, [storeId]);
  return state !== undefined && state.storeId === storeId ? state.value : { kind: 'loading' };
}
