import type { CustomerArrival } from '../contract/customer-arrivals';
import { db } from './db';
import { getMeta } from './meta';

/** A customer waiting, as the associates' alert shows it. */
export interface ArrivalAlert {
  arrival: CustomerArrival;
  /** Taken by an associate: on the server, or by this device's queued "I'm on it". */
  acknowledged: boolean;
}

/**
 * The customers still waiting for orders that are still ready on this device, oldest first, with
 * this device's own unsynced acknowledgements folded on top (a rejected one does not count).
 * Meant for useLiveQuery: it re-runs when arrivals, orders or the outbox change.
 */
export async function readArrivalAlerts(): Promise<ArrivalAlert[]> {
  const [arrivals, acks] = await Promise.all([
    db.customerArrivals.orderBy('arrivedAt').toArray(),
    db.outbox.where('status').anyOf(['pending', 'inflight', 'retrying', 'acked']).toArray(),
  ]);
  const orders = await db.orders.bulkGet(arrivals.map((a) => a.orderId));
  // Handed over on this device, not synced yet: the customer is served.
  const servedHere = new Set(
    acks.filter((record) => record.name === 'order.handover').map((record) => String(record.args.orderId)),
  );
  const acknowledgedHere = new Set(
    acks
      .filter((record) => record.name === 'arrival.acknowledge')
      .map((record) => String(record.args.arrivalId)),
  );
  return arrivals.flatMap((arrival, index) => {
    const order = orders[index];
    if (!order || order.status !== 'ready' || servedHere.has(order.id)) return [];
    return [{ arrival, acknowledged: arrival.acknowledgedBy !== null || acknowledgedHere.has(arrival.id) }];
  });
}

/**
 * The ids of orders waiting to be claimed, for the new-order alert; null until the first pull
 * has landed, so a device's first download is not taken for orders arriving.
 */
export async function readNewOrderIds(): Promise<string[] | null> {
  if ((await getMeta('cursor')) === undefined) return null;
  return db.orders.where('status').equals('new').primaryKeys();
}
