import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { readArrivalAlerts, readNewOrderIds, type ArrivalAlert } from '../../local-db/customer-arrivals';
import { db } from '../../local-db/db';
import { notifyInBackground } from '../../pwa/notify';
import { setIconBadge, signal } from './alert-signals';

export interface AlertFeed {
  arrivals: ArrivalAlert[];
  /** Orders that landed while the app was open and still wait in the queue, not yet looked at. */
  landed: string[];
  waiting: number;
}

/**
 * What the associates must know now: customers waiting (not yet taken) and new orders that
 * landed since the app opened. A new one sounds, vibrates and, in the background, notifies; the
 * waiting count goes on the header badge and the app icon. Orders already there when the app
 * opened are the queue's business, not an alert.
 */
export function useAlertFeed(
  queueInView: boolean,
  words: { arrival: (number: string) => string; order: (number: string) => string },
): AlertFeed {
  const arrivals = useLiveQuery(readArrivalAlerts, []);
  const newIds = useLiveQuery(readNewOrderIds, []);
  const known = useRef<Set<string> | undefined>(undefined);
  const announced = useRef(new Set<string>());
  const [landed, setLanded] = useState<string[]>([]);

  useEffect(() => {
    if (!newIds) return;
    const open = new Set(newIds);
    if (!known.current) {
      known.current = open;
      return;
    }
    const fresh = newIds.filter((id) => !known.current!.has(id));
    for (const id of fresh) known.current.add(id);
    setLanded((current) => {
      const next = [...current.filter((id) => open.has(id)), ...fresh];
      return next.length === current.length && next.every((id, i) => id === current[i]) ? current : next;
    });
    if (fresh.length > 0) {
      signal('order');
      void db.orders.bulkGet(fresh).then((orders) => {
        for (const order of orders)
          if (order) void notifyInBackground(words.order(order.number), `order-${order.id}`);
      });
    }
  }, [newIds, words]);

  useEffect(() => {
    if (queueInView && landed.length > 0) setLanded([]);
  }, [queueInView, landed.length]);

  const unacknowledged = (arrivals ?? []).filter((alert) => !alert.acknowledged);
  useEffect(() => {
    const fresh = unacknowledged.filter((alert) => !announced.current.has(alert.arrival.id));
    if (fresh.length === 0) return;
    for (const alert of fresh) {
      announced.current.add(alert.arrival.id);
      void notifyInBackground(words.arrival(alert.arrival.orderNumber), `arrival-${alert.arrival.id}`);
    }
    signal('arrival');
  });

  const waiting = unacknowledged.length + landed.length;
  useEffect(() => setIconBadge(waiting), [waiting]);
  return { arrivals: arrivals ?? [], landed, waiting };
}
