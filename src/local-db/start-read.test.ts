import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from './db';
import { setMeta } from './meta';
import { settledView } from './order-view';
import { orderViewOf, readQueue } from './replica-read';
import { readQueueAtStart } from './start-read';
import { cmd, order, record } from './testing/order-fixture';

const databaseNames = async () => (await indexedDB.databases()).map((info) => info.name);

async function replicaOf(storeId: string) {
  await setMeta('storeId', storeId);
  await setMeta('cursor', 'c-42');
  await setMeta('pulledSeq', 0);
  await db.orders.bulkPut([
    order({ id: 'late', number: 'W3', promisedAt: '2026-11-22T18:00:00Z' }),
    order({ id: 'early', number: 'W1', promisedAt: '2026-11-22T10:00:00Z' }),
    order({ id: 'cancelled', number: 'W2', status: 'cancelled', promisedAt: '2026-11-22T11:00:00Z' }),
  ]);
}

afterEach(async () => {
  db.close({ disableAutoOpen: false });
  await db.delete({ disableAutoOpen: false });
});

describe('the queue read without Dexie at the start of a shift', () => {
  it('shows exactly what the live read shows when nothing is queued', async () => {
    await replicaOf('MI01');
    db.close({ disableAutoOpen: false }); // a fresh start: nothing has opened the database in this page yet
    const start = await readQueueAtStart('MI01');
    expect(start?.ready).toBe(true);
    expect(start?.orders.map((o) => o.number)).toEqual(['W1', 'W2', 'W3']);
    expect(start?.orders.map(settledView)).toEqual(await readQueue());
  });

  it('leaves the answer to the live read when an action is queued, since it folds on top', async () => {
    await replicaOf('MI01');
    await db.outbox.put(record(cmd('order.claim', {})));
    expect(await readQueueAtStart('MI01')).toBeNull();
  });

  it('says the replica is not ready for another store, or before the first pull', async () => {
    await replicaOf('TO01');
    expect(await readQueueAtStart('MI01')).toEqual({ ready: false, orders: [] });
    await db.meta.delete('cursor');
    expect(await readQueueAtStart('TO01')).toEqual({ ready: false, orders: [] });
  });

  it('never creates the database: without one it answers null and Dexie still opens it', async () => {
    db.close({ disableAutoOpen: false });
    await db.delete({ disableAutoOpen: false });
    expect(await readQueueAtStart('MI01')).toBeNull();
    expect(await databaseNames()).not.toContain('aisle');
    await db.open();
    expect(await db.orders.count()).toBe(0);
  });

  it('stands aside for Dexie opening the database beside it', async () => {
    await replicaOf('MI01');
    db.close({ disableAutoOpen: false });
    const reading = readQueueAtStart('MI01');
    await db.open(); // Dexie opens (and upgrades when a release adds tables) beside it
    expect((await reading)?.orders).toHaveLength(3);
  });
});

describe('a settled order view', () => {
  it('is the folded view of an order with no queued actions', () => {
    for (const o of [order(), order({ status: 'cancelled', lines: order().lines })]) {
      expect(settledView(o)).toEqual(orderViewOf(o, [], 0));
    }
  });
});
