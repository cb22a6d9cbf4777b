import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { order } from './testing/order-fixture';
import { pull } from './testing/pull-fixture';

const HOUR = 3_600_000;

/**
 * A device that kept closed orders under an older app (schema 5, before closed orders were
 * indexed by when they were first seen closed) upgrades: every closed order gets a time, so the
 * indexed prune takes it out after the window instead of keeping it for ever.
 */
describe('the replica upgraded to schema 6', () => {
  it('gives kept closed orders a time, and prunes them past the window', async () => {
    const old = new Dexie('aisle');
    old.version(5).stores({
      meta: 'key',
      orders: 'id, status, promisedAt',
      products: 'id, &gtin14, sku',
      stock: 'productId',
      locations: 'code',
      outbox: 'id, &localOrder, status, associateId, seq, *entityKeys',
      lookups: 'key, savedAt',
      reservations: 'id, createdAt',
      returnOrders: 'id, numberKey, emailKey, phoneDigits, fetchedAt, savedAt',
      returns: 'returnId, orderId, createdAt',
      customerArrivals: 'id, orderId, arrivedAt',
      snapshotPages: 'n',
    });
    await old
      .table('orders')
      .bulkPut([
        order({ id: 'collected-long-ago', status: 'collected' }),
        order({ id: 'open', status: 'picking' }),
      ]);
    await old.table('meta').bulkPut([
      { key: 'storeId', value: 'MI01' },
      { key: 'cursor', value: 'v2:5' },
    ]);
    old.close();

    const upgradedAt = Date.now();
    const { db } = await import('./db');
    const { applyPull } = await import('./replica-apply');
    const kept = await db.orders.get('collected-long-ago');
    expect(kept?.closedSeenAt).toBeGreaterThanOrEqual(upgradedAt);
    expect((await db.orders.get('open'))?.closedSeenAt).toBeUndefined();

    const pullAt = (ms: number) =>
      applyPull(pull({ cursor: 'v2:6', serverTime: new Date(ms).toISOString() }));
    await pullAt(upgradedAt + HOUR);
    expect(await db.orders.get('collected-long-ago')).toBeDefined();
    await pullAt(kept!.closedSeenAt! + 12 * HOUR + 1);
    expect((await db.orders.toArray()).map((o) => o.id)).toEqual(['open']);
  });
});
