import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { toCatalogueColumns, type CatalogueRow } from '../contract/catalogue';
import type { PullResponse } from '../contract/sync';
import { db } from './db';
import { getMeta } from './meta';
import { applyPull, cursorFor, dropSnapshot, KEEP_CLOSED_MS, snapshotCursorFor } from './replica-apply';
import { order } from './testing/order-fixture';
import { pull, T0 } from './testing/pull-fixture';

const HOUR = 3_600_000;

function product(i: number): CatalogueRow {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    sku: `SKU-${String(i).padStart(4, '0')}`,
    gtin14: String(8_000_000_000_000 + i).padStart(14, '0'),
    brand: 'Brand',
    nameIt: 'Scarpa',
    nameEn: 'Shoe',
    size: '40',
    priceCents: 1000 + i,
    aisle: 'A01',
    bay: String(i % 12).padStart(2, '0'),
  };
}

/** Page n of a snapshot at v2:40 whose pages hold products [from, to). */
function page(n: number, next: string | null, from: number, to: number, extra: Partial<PullResponse> = {}) {
  const rows = Array.from({ length: to - from }, (_, i) => product(from + i));
  return pull({
    cursor: 'v2:40',
    reset: true,
    page: { n, next },
    catalogue: toCatalogueColumns(rows),
    ...extra,
  });
}

const replicaOrders = async () => (await db.orders.toArray()).map((o) => o.id).sort();

afterEach(async () => {
  db.close({ disableAutoOpen: false });
  await db.delete({ disableAutoOpen: false });
});

describe('a snapshot in pages', () => {
  it('keeps the replica as it was until the last page, then replaces it with every page', async () => {
    await applyPull(
      pull({ reset: true, cursor: 'v2:5', orders: [order({ id: 'old' })], lastProcessedSeq: 2 }),
    );
    const first = page(1, 's1:40.3.2.U0tVLTAwMDI', 0, 3, {
      orders: [order({ id: 'new-1' }), order({ id: 'new-2' })],
      lastProcessedSeq: 3,
      locations: [{ code: 'MI01-A01', label: 'A01', kind: 'shelf', capacity: 4 }],
    });
    expect(await applyPull(first)).toBe(false);
    expect(await replicaOrders()).toEqual(['old']);
    expect(await getMeta('cursor')).toBe('v2:5');
    expect(await snapshotCursorFor('MI01')).toBe('s1:40.3.2.U0tVLTAwMDI');
    expect(await snapshotCursorFor('TO01')).toBeUndefined();

    expect(await applyPull(page(2, null, 3, 5))).toBe(true);
    expect(await replicaOrders()).toEqual(['new-1', 'new-2']);
    expect((await db.products.toArray()).map((p) => p.sku).sort()).toEqual(
      [0, 1, 2, 3, 4].map((i) => product(i).sku),
    );
    expect(await db.products.get(product(4).id)).toEqual({
      id: product(4).id,
      sku: product(4).sku,
      gtin14: product(4).gtin14,
      brand: 'Brand',
      nameIt: 'Scarpa',
      nameEn: 'Shoe',
      size: '40',
      priceCents: 1004,
    });
    expect(await db.stock.get(product(4).id)).toEqual({ productId: product(4).id, aisle: 'A01', bay: '04' });
    expect(await db.locations.count()).toBe(1);
    expect(await getMeta('cursor')).toBe('v2:40');
    expect(await getMeta('pulledSeq')).toBe(3);
    expect(await snapshotCursorFor('MI01')).toBeUndefined();
    expect(await db.snapshotPages.count()).toBe(0);
    expect(await cursorFor('MI01')).toBe('v2:40');
  });

  it('resumes after a reload at the page it was waiting for', async () => {
    await applyPull(page(1, 'next-2', 0, 2, { orders: [order({ id: 'a' })] }));
    await applyPull(page(2, 'next-3', 2, 4));
    db.close({ disableAutoOpen: false });
    await db.open();
    expect(await snapshotCursorFor('MI01')).toBe('next-3');
    expect(await getMeta('cursor')).toBeUndefined();
    expect(await applyPull(page(3, null, 4, 6))).toBe(true);
    expect(await db.products.count()).toBe(6);
    expect(await replicaOrders()).toEqual(['a']);
  });

  it('drops a page that does not follow the ones held, and a new page 1 starts over', async () => {
    await applyPull(page(1, 'next-2', 0, 2, { orders: [order({ id: 'a' })] }));
    expect(await applyPull(page(3, null, 8, 9))).toBe(false);
    expect(await db.products.count()).toBe(0);
    expect(await snapshotCursorFor('MI01')).toBe('next-2');
    await applyPull(page(1, 'next-2b', 0, 1, { orders: [order({ id: 'b' })] }));
    expect(await db.snapshotPages.count()).toBe(1);
    expect(await applyPull(page(2, null, 1, 2))).toBe(true);
    expect(await replicaOrders()).toEqual(['b']);
    expect(await db.products.count()).toBe(2);
  });

  it('forgets a half-received snapshot the server no longer reads', async () => {
    await applyPull(page(1, 'next-2', 0, 2));
    await dropSnapshot();
    expect(await snapshotCursorFor('MI01')).toBeUndefined();
    expect(await db.snapshotPages.count()).toBe(0);
  });

  it('lets a whole snapshot (an older server) replace a half-received one', async () => {
    await applyPull(page(1, 'next-2', 0, 2));
    expect(await applyPull(pull({ reset: true, orders: [order({ id: 'whole' })] }))).toBe(true);
    expect(await snapshotCursorFor('MI01')).toBeUndefined();
    expect(await replicaOrders()).toEqual(['whole']);
  });
});

describe('closed orders on the device', () => {
  const at = (ms: number) => new Date(ms).toISOString();

  it('are pruned past the window by server time, whatever the device clock says', async () => {
    const closed = order({ id: 'closed', status: 'collected' });
    // The device clock is five days ahead: nothing is pruned for it.
    await applyPull(
      pull({ reset: true, orders: [closed, order({ id: 'open' })], serverTime: at(T0) }),
      T0 + 5 * 24 * HOUR,
    );
    await applyPull(pull({ cursor: 'v2:11', serverTime: at(T0 + HOUR) }), T0 + 5 * 24 * HOUR);
    expect(await replicaOrders()).toEqual(['closed', 'open']);
    // The device clock is a day behind: the server's time still prunes.
    await applyPull(pull({ cursor: 'v2:12', serverTime: at(T0 + KEEP_CLOSED_MS + HOUR) }), T0 - 24 * HOUR);
    expect(await replicaOrders()).toEqual(['open']);
  });

  it('count from when the device first saw them closed, in server time', async () => {
    await applyPull(pull({ reset: true, orders: [order({ id: 'o' })], serverTime: at(T0) }));
    await applyPull(
      pull({
        cursor: 'v2:11',
        orders: [order({ id: 'o', status: 'cancelled' })],
        serverTime: at(T0 + 10 * HOUR),
      }),
    );
    expect((await db.orders.get('o'))?.closedSeenAt).toBe(T0 + 10 * HOUR);
    await applyPull(pull({ cursor: 'v2:12', serverTime: at(T0 + 10 * HOUR + KEEP_CLOSED_MS - 1) }));
    expect(await replicaOrders()).toEqual(['o']);
    await applyPull(pull({ cursor: 'v2:13', serverTime: at(T0 + 10 * HOUR + KEEP_CLOSED_MS + 1) }));
    expect(await replicaOrders()).toEqual([]);
  });

  it('stay while their picked units wait to go back on the shelf', async () => {
    const picked = order({ id: 'c', status: 'cancelled' });
    picked.lines = picked.lines.map((l) => ({ ...l, qtyPicked: 1 }));
    await applyPull(pull({ reset: true, orders: [picked], serverTime: at(T0) }));
    await applyPull(pull({ cursor: 'v2:11', serverTime: at(T0 + 3 * KEEP_CLOSED_MS) }));
    expect(await replicaOrders()).toEqual(['c']);
  });
});
