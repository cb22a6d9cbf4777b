import { gunzipSync } from 'node:zlib';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import { fromCatalogueColumns, type CatalogueRow } from '../../contract/catalogue';
import type { PullResponse } from '../../contract/sync';
import { PickupCodeKeys } from '../core/pickup-code-keys';
import type { Principal } from '../core/tokens';
import { products, stock } from '../db/schema';
import { stockedProducts, type StockedProduct } from '../testing/fixtures';
import { commandStream } from '../testing/sync-scenario';
import type { TestApp } from '../testing/test-app';
import { bearer, createTestApp } from '../testing/test-app';
import { snapshotPage, writeSnapshotCursor } from './snapshot-service';

/**
 * Issue 16 point 3 (ADR 0052): a first sync in pages, each read at the snapshot's store version,
 * resumable at the page a dropped connection lost, with what changed meanwhile caught by the
 * ordinary delta after the last page.
 */
let t: TestApp;
let session: Session;
let stocked: StockedProduct[];
let nextProduct = 0;
const clientId = commandStream().clientId;
const keys = new PickupCodeKeys('snapshot-test-secret');
const principal: Principal = {
  associateId: 'snapshot-test',
  storeId: 'MI01',
  role: 'associate',
  deviceId: 'snapshot-device',
  name: 'Test',
};

beforeAll(async () => {
  t = await createTestApp();
  session = await t.signIn({ deviceId: 'snapshot-device' });
  stocked = await stockedProducts(t.database.db, 'MI01', 12, 5);
  // A product no store stocks, on a line of one of MI01's open orders (as a parcel from another
  // store would bring): the store does not sell it, but its order needs it.
  await t.database.db.execute(sql`insert into products (sku, gtin14, barcode, barcode_type, brand,
      name_it, name_en, category, color_it, color_en, size, price_cents)
    values ('ZZ-UNSTOCKED-1', '08000000000019', '8000000000019', 'EAN13', 'Aisle', 'Prova', 'Test',
      'test', 'nero', 'black', 'M', 1000)`);
  await t.database.db
    .execute(sql`update order_lines set product_id = (select id from products where sku = 'ZZ-UNSTOCKED-1')
    where id = (select l.id from order_lines l join orders o on o.id = l.order_id
      where o.store_id = 'MI01' and o.status = 'new' order by o.number limit 1)`);
});
afterAll(() => t?.close());

async function pull(query: Record<string, string | number>, headers: Record<string, string> = {}) {
  const search = new URLSearchParams({
    clientId,
    ...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])),
  });
  const response = await t.app.inject({
    url: `/api/sync/pull?${search.toString()}`,
    headers: { ...bearer(session), ...headers },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response;
}

/** The store's products as SQL sees them: those with a stock row in MI01, by SKU. */
async function storeCatalogue(): Promise<CatalogueRow[]> {
  return t.database.db
    .select({
      id: products.id,
      sku: products.sku,
      gtin14: products.gtin14,
      brand: products.brand,
      nameIt: products.nameIt,
      nameEn: products.nameEn,
      size: products.size,
      priceCents: products.priceCents,
      aisle: stock.aisle,
      bay: stock.bay,
    })
    .from(stock)
    .innerJoin(products, eq(products.id, stock.productId))
    .where(eq(stock.storeId, 'MI01'))
    .orderBy(products.sku);
}

/** Every page from the first, `size` products each, optionally acting between two pages. */
async function allPages(size: number, between?: (page: PullResponse) => Promise<void>) {
  const pages = [await snapshotPage(t.database.db, principal, {}, keys, size)];
  for (;;) {
    const last = pages.at(-1)!;
    if (last.page?.next === null) return pages;
    await between?.(last);
    pages.push(await snapshotPage(t.database.db, principal, { cursor: last.page!.next! }, keys, size));
  }
}

const rowsOf = (pages: PullResponse[]) => pages.flatMap((p) => fromCatalogueColumns(p.catalogue!));

describe('a first sync in pages', () => {
  it('carries only the products the store stocks, with its aisle and bay, and only the fields a device reads', async () => {
    const page = (await pull({ snapshot: 'pages' })).json<PullResponse>();
    expect(page.reset).toBe(true);
    expect(page.page).toEqual({ n: 1, next: null });
    const expected = await storeCatalogue();
    const rows = fromCatalogueColumns(page.catalogue!);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(expected.map((r) => r.id)));
    expect(rows.find((r) => r.id === expected[0]!.id)).toEqual(expected[0]);
    expect(Object.keys(page.catalogue!).sort()).toEqual(
      ['aisle', 'bay', 'brand', 'gtin14', 'id', 'nameEn', 'nameIt', 'priceCents', 'size', 'sku'].sort(),
    );
    const count = await t.database.db.$count(products);
    expect(rows.length).toBeLessThan(count);
    // The orders, as a whole snapshot has them.
    const whole = (await pull({})).json<PullResponse>();
    expect(whole.page).toBeUndefined();
    expect(page.orders.map((o) => o.id).sort()).toEqual(whole.orders.map((o) => o.id).sort());
    expect(page.cursor).toBe(whole.cursor);
    expect(page.locations).toEqual(whole.locations);
    expect(page.stock).toEqual([]);
    // An order's product the store does not stock still comes, whole, beside the catalogue.
    expect(page.products.map((p) => p.sku)).toEqual(['ZZ-UNSTOCKED-1']);
    expect(rows.map((r) => r.sku)).not.toContain('ZZ-UNSTOCKED-1');
  });

  it('is compressed on the wire', async () => {
    const plain = await pull({ snapshot: 'pages' });
    const response = await pull({ snapshot: 'pages' }, { 'accept-encoding': 'gzip' });
    expect(response.headers['content-encoding']).toBe('gzip');
    const body = JSON.parse(gunzipSync(response.rawPayload).toString()) as PullResponse;
    expect(body.page?.n).toBe(1);
    expect(response.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
  });

  it('splits the catalogue in pages at one version, every product once, in SKU order', async () => {
    const pages = await allPages(40);
    const expected = await storeCatalogue();
    expect(pages.length).toBe(Math.ceil(expected.length / 40) + (expected.length % 40 === 0 ? 1 : 0));
    expect(pages.map((p) => p.page!.n)).toEqual(pages.map((_, i) => i + 1));
    expect(pages.every((p) => fromCatalogueColumns(p.catalogue!).length <= 40)).toBe(true);
    expect(rowsOf(pages).map((r) => r.id)).toEqual(expected.map((r) => r.id));
    expect(new Set(pages.map((p) => p.cursor)).size).toBe(1);
    expect(new Set(pages.map((p) => p.lastProcessedSeq)).size).toBe(1);
    expect(pages.slice(1).every((p) => p.orders.length === 0 && p.locations.length === 0)).toBe(true);
  });

  it('resumes at the page a dropped connection lost: the same cursor gives the same page', async () => {
    const [first] = await allPages(25).then((pages) => pages.slice(1, 2));
    const cursor = (await snapshotPage(t.database.db, principal, {}, keys, 25)).page!.next!;
    const again = await snapshotPage(t.database.db, principal, { cursor }, keys, 25);
    const once = await snapshotPage(t.database.db, principal, { cursor }, keys, 25);
    expect(again.catalogue).toEqual(once.catalogue);
    expect(again.page).toEqual(once.page);
    expect(again.catalogue).toEqual(first!.catalogue);
  });

  it('misses nothing that changed while it paged: the delta from its cursor brings it', async () => {
    let order: { id: string } | undefined;
    const moved = stocked[nextProduct++]!;
    const pages = await allPages(30, async (page) => {
      if (page.page!.n !== 1) return;
      order = await t.placeOrder([{ sku: stocked[nextProduct++]!.sku, qty: 1 }]);
      await t.database.db.execute(sql`update stock set aisle = 'Z99', bay = '99',
        sync_version = (select version from store_sync where store_id = 'MI01') + 1
        where store_id = 'MI01' and product_id = ${moved.id}`);
      await t.database.db.execute(sql`update store_sync set version = version + 1 where store_id = 'MI01'`);
    });
    const snapshot = pages[0]!;
    expect(snapshot.orders.map((o) => o.id)).not.toContain(order!.id);
    const delta = (
      await pull({ cursor: pages.at(-1)!.cursor, seq: pages.at(-1)!.lastProcessedSeq })
    ).json<PullResponse>();
    expect(delta.reset).toBe(false);
    expect(delta.orders.map((o) => o.id)).toContain(order!.id);
    expect(delta.stock.find((s) => s.productId === moved.id)).toMatchObject({ aisle: 'Z99', bay: '99' });
    // Pages and delta together hold what a snapshot taken now holds.
    const now = await allPages(1000);
    const replica = new Set([...snapshot.orders, ...delta.orders].map((o) => o.id));
    expect(now[0]!.orders.every((o) => replica.has(o.id))).toBe(true);
    const nowIds = rowsOf(now).map((r) => r.id);
    expect(new Set(rowsOf(pages).map((r) => r.id))).toEqual(new Set(nowIds));
  });

  it('brings a product the store begins to stock after the snapshot with the delta, not only its stock', async () => {
    await t.database.db.execute(sql`insert into products (sku, gtin14, barcode, barcode_type, brand,
        name_it, name_en, category, color_it, color_en, size, price_cents)
      values ('ZZ-NEWLY-STOCKED', '08000000000026', '8000000000026', 'EAN13', 'Aisle', 'Nuovo', 'New',
        'test', 'blu', 'blue', 'L', 1500)`);
    const pages = await allPages(1000);
    const [newcomer] = await t.database.db
      .select()
      .from(products)
      .where(eq(products.sku, 'ZZ-NEWLY-STOCKED'));
    expect(rowsOf(pages).map((r) => r.id)).not.toContain(newcomer!.id);

    // A return of a product bought for another store restocks it here: the store now stocks it.
    await t.database.db.execute(sql`insert into stock (store_id, product_id, on_hand, reserved, safety_stock,
        aisle, bay, updated_at, sync_version)
      values ('MI01', ${newcomer!.id}, 1, 0, 0, null, null, now(),
        (select version from store_sync where store_id = 'MI01') + 1)`);
    await t.database.db.execute(sql`update store_sync set version = version + 1 where store_id = 'MI01'`);

    // Without the seq: the SQL above notified no new version, so the database is read.
    const delta = (await pull({ cursor: pages.at(-1)!.cursor })).json<PullResponse>();
    expect(delta.stock.map((s) => s.productId)).toContain(newcomer!.id);
    expect(delta.products.find((p) => p.id === newcomer!.id)).toMatchObject({
      sku: 'ZZ-NEWLY-STOCKED',
      gtin14: '08000000000026',
      nameEn: 'New',
    });
  });

  it("answers the device's seq at the snapshot's version on every page", async () => {
    const stream = commandStream(clientId);
    const order = await t.placeOrder([{ sku: stocked[nextProduct++]!.sku, qty: 1 }]);
    const pushed = await t.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: bearer(session),
      payload: { clientId, mutations: [stream.next('order.claim', { orderId: order.id })] },
    });
    expect(pushed.statusCode).toBe(200);
    const page = (await pull({ snapshot: 'pages' })).json<PullResponse>();
    expect(page.lastProcessedSeq).toBe(1);
    expect(page.orders.find((o) => o.id === order.id)?.status).toBe('picking');
  });

  it('starts again from page 1 for a cursor it cannot use: garbage, or a version the store never reached', async () => {
    const garbage = (await pull({ cursor: 's1:1.0.2.AAAA' })).json<PullResponse>();
    expect(garbage.page?.n).toBe(1);
    const version = Number((await pull({ snapshot: 'pages' })).json<PullResponse>().cursor.slice(3));
    const future = writeSnapshotCursor({ version: version + 100, seq: 0, page: 2, afterSku: 'A' });
    const restarted = (await pull({ cursor: future })).json<PullResponse>();
    expect(restarted.page?.n).toBe(1);
    expect(restarted.cursor).toBe(`v2:${version}`);
    const bad = await t.app.inject({
      url: `/api/sync/pull?cursor=${encodeURIComponent('s1:x')}`,
      headers: bearer(session),
    });
    expect(bad.statusCode).toBe(400);
  });

  it("never shows another device's seq: a foreign client id is refused on page 1", async () => {
    const other = await t.signIn({ deviceId: 'snapshot-device-2', employeeId: '1002' });
    const refused = await t.app.inject({
      url: `/api/sync/pull?clientId=${clientId}&snapshot=pages`,
      headers: bearer(other),
    });
    expect(refused.statusCode).toBe(403);
  });
});

describe('the stock rows the catalogue reads', () => {
  it("are the store's own", async () => {
    const page = await snapshotPage(t.database.db, { ...principal, storeId: 'MI02' }, {}, keys, 100_000);
    const rows = fromCatalogueColumns(page.catalogue!);
    const own = await t.database.db
      .select({ id: stock.productId, aisle: stock.aisle })
      .from(stock)
      .where(and(eq(stock.storeId, 'MI02')));
    expect(rows.length).toBe(own.length);
    const aisles = new Map(own.map((r) => [r.id, r.aisle]));
    expect(rows.every((r) => aisles.get(r.id) === r.aisle)).toBe(true);
  });
});
