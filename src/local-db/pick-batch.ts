import type { SyncOrder } from '../contract/sync';
import { db } from './db';
import { getMeta, setMeta, type PickBatch } from './meta';
import { orderKey } from './outbox-record';
import { orderViewOf, overlayFacts, type OrderView } from './replica-read';

/*
 * A batch pick is the associate's own walk, not server state: which orders they took in one
 * go and which tote each goes in. It lives in `meta` (docs/decisions/0014), so a reload or a
 * dead battery keeps it, and the work itself travels as ordinary order.claim / pick.confirm /
 * pick.short commands, offline like any other.
 */

export type { PickBatch };

export async function readPickBatch(associateId: string, storeId: string): Promise<PickBatch | null> {
  const batch = (await getMeta('pickBatches'))?.[associateId];
  return batch && batch.storeId === storeId ? batch : null;
}

async function updateBatches(change: (batches: Record<string, PickBatch>) => void): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const batches = { ...((await getMeta('pickBatches')) ?? {}) };
    change(batches);
    await setMeta('pickBatches', batches);
  });
}

export function savePickBatch(associateId: string, batch: PickBatch): Promise<void> {
  return updateBatches((batches) => {
    batches[associateId] = batch;
  });
}

export function clearPickBatch(associateId: string): Promise<void> {
  return updateBatches((batches) => {
    delete batches[associateId];
  });
}

/** The batch's orders as this device shows them (with its unsynced commands), in tote order. */
export async function readBatchViews(orderIds: readonly string[]): Promise<(OrderView | null)[]> {
  return db.transaction('r', [db.meta, db.orders, db.outbox, db.products], async () => {
    const [orders, pulledSeq] = await Promise.all([db.orders.bulkGet([...orderIds]), getMeta('pulledSeq')]);
    return Promise.all(
      orders.map(async (order: SyncOrder | undefined) => {
        if (!order) return null;
        const records = await db.outbox.where('entityKeys').equals(orderKey(order.id)).toArray();
        return orderViewOf(order, records, pulledSeq ?? 0, await overlayFacts(records));
      }),
    );
  });
}

/** Whether the replica's catalogue knows a product: a wrong item, not an unknown code. */
export async function isKnownGtin(gtin14: string): Promise<boolean> {
  return (await db.products.where('gtin14').equals(gtin14).count()) > 0;
}
