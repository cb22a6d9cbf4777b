import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { ProductAvailability, StockSearchResponse } from '../../contract/stock';
import { distanceKm } from '../../domain/distance';
import { products, stock, stores } from '../db/schema';
import { iso } from '../db/time';
import type { TestApp } from '../testing/test-app';
import { bearer, createTestApp } from '../testing/test-app';

let t: TestApp;
let milano: Session;
let monza: Session;

beforeAll(async () => {
  t = await createTestApp();
  milano = await t.signIn();
  monza = await t.signIn({ storeId: 'MZ01', employeeId: '3001', deviceId: 'stock-test-monza' });
});
afterAll(() => t?.close());

const get = (url: string, who: Session | null = milano) =>
  t.app.inject({ method: 'GET', url, headers: who ? bearer(who) : {} });

const search = async (q: string, who: Session = milano, limit?: number) => {
  const response = await get(
    `/api/stock/search?q=${encodeURIComponent(q)}${limit ? `&limit=${limit}` : ''}`,
    who,
  );
  expect(response.statusCode, response.body).toBe(200);
  return response.json<StockSearchResponse>();
};

/** Results come by kind of match: exact code, SKU start, then words. */
function expectRanked(body: StockSearchResponse) {
  const order = ['gtin', 'sku', 'skuPrefix', 'text'];
  const ranks = body.products.map((p) => order.indexOf(p.match));
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
}

async function productWhere(condition: ReturnType<typeof sql>) {
  const [row] = await t.database.db
    .select({
      id: products.id,
      sku: products.sku,
      barcode: products.barcode,
      gtin14: products.gtin14,
      brand: products.brand,
      nameIt: products.nameIt,
      nameEn: products.nameEn,
    })
    .from(products)
    .where(condition)
    .orderBy(products.sku)
    .limit(1);
  if (!row) throw new Error(`no product where ${String(condition)}`);
  return row;
}

async function stockRows(productId: string) {
  return t.database.db
    .select({
      storeId: stock.storeId,
      onHand: stock.onHand,
      reserved: stock.reserved,
      safetyStock: stock.safetyStock,
      updatedAt: stock.updatedAt,
    })
    .from(stock)
    .where(eq(stock.productId, productId));
}

describe('GET /api/stock/products/:productId', () => {
  it('answers with this store and every other store nearest first, figures equal to the stock rows', async () => {
    const product = await productWhere(sql`${products.barcodeType} = 'EAN13'`);
    const response = await get(`/api/stock/products/${product.id}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<ProductAvailability>();
    expect(body.product).toMatchObject({ id: product.id, sku: product.sku, gtin14: product.gtin14 });

    const rows = new Map((await stockRows(product.id)).map((row) => [row.storeId, row]));
    const expectFigures = (storeId: string, figures: ProductAvailability['others'][number] | object) => {
      const row = rows.get(storeId)!;
      expect(figures).toMatchObject({
        onHand: row.onHand,
        reserved: row.reserved,
        safetyStock: row.safetyStock,
        available: Math.max(0, row.onHand - row.reserved - row.safetyStock),
        updatedAt: iso(row.updatedAt),
      });
    };
    expect(body.here?.storeId).toBe('MI01');
    expectFigures('MI01', body.here!);

    const allStores = await t.database.db.select().from(stores);
    const origin = allStores.find((s) => s.id === 'MI01')!;
    expect(body.others.map((o) => o.store.id).sort()).toEqual(
      allStores
        .map((s) => s.id)
        .filter((id) => id !== 'MI01')
        .sort(),
    );
    for (const other of body.others) {
      expectFigures(other.store.id, other);
      const place = allStores.find((s) => s.id === other.store.id)!;
      expect(other.distanceKm).toBeCloseTo(distanceKm(origin, place), 1);
    }
    const distances = body.others.map((o) => o.distanceKm);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    // The demo chain as a local knows it: Porta Nuova is round the corner, then Monza, Bergamo.
    expect(body.others.slice(0, 3).map((o) => o.store.id)).toEqual(['MI02', 'MZ01', 'BG01']);
    expect(body.others.at(-1)?.store.id).toBe('BA01');
  });

  it('is scoped to the signed-in store: from Monza, "here" is Monza and Milano is among the others', async () => {
    const product = await productWhere(sql`true`);
    const body = (await get(`/api/stock/products/${product.id}`, monza)).json<ProductAvailability>();
    expect(body.here?.storeId).toBe('MZ01');
    expect(body.others.map((o) => o.store.id)).not.toContain('MZ01');
    expect(body.others.slice(0, 3).map((o) => o.store.id)).toEqual(['MI02', 'MI01', 'BG01']);
    expect(body.others.find((o) => o.store.id === 'MI01')?.distanceKm).toBeCloseTo(14.5, 1);
  });

  it('follows a reservation at once: available drops and the figure is fresher', async () => {
    const [row] = await t.database.db
      .select({ productId: stock.productId, sku: products.sku, updatedAt: stock.updatedAt })
      .from(stock)
      .innerJoin(products, eq(products.id, stock.productId))
      .where(
        and(eq(stock.storeId, 'MI01'), sql`${stock.onHand} - ${stock.reserved} - ${stock.safetyStock} >= 3`),
      )
      .orderBy(products.sku)
      .limit(1);
    const before = (await get(`/api/stock/products/${row!.productId}`)).json<ProductAvailability>();
    await t.placeOrder([{ sku: row!.sku, qty: 2 }]);
    const after = (await get(`/api/stock/products/${row!.productId}`)).json<ProductAvailability>();
    expect(after.here!.available).toBe(before.here!.available - 2);
    expect(after.here!.reserved).toBe(before.here!.reserved + 2);
    expect(after.here!.updatedAt > before.here!.updatedAt).toBe(true);
  });

  it('refuses a missing token, a malformed id, and answers 404 for an unknown product', async () => {
    const product = await productWhere(sql`true`);
    const anonymous = await get(`/api/stock/products/${product.id}`, null);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('auth.missingToken');
    const malformed = await get('/api/stock/products/not-a-uuid');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('request.invalid');
    const unknown = await get('/api/stock/products/00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('stock.productNotFound');
  });
});

describe('GET /api/stock/search', () => {
  it('finds a product by its GTIN in every printed length and answers with its availability', async () => {
    const ean13 = await productWhere(sql`${products.barcodeType} = 'EAN13'`);
    const upca = await productWhere(sql`${products.barcodeType} = 'UPCA'`);
    const ean8 = await productWhere(sql`${products.barcodeType} = 'EAN8'`);
    const forms = [
      [ean13, ean13.barcode],
      [ean13, ean13.gtin14],
      [upca, upca.barcode],
      [upca, upca.barcode.padStart(13, '0')],
      [ean8, ean8.barcode],
      [ean8, `(01)${ean8.gtin14}(17)301231`],
      [ean13, `]E0${ean13.barcode}`],
    ] as const;
    for (const [product, code] of forms) {
      const body = await search(code);
      expect(body.interpretedAs, code).toBe('gtin');
      expect(body.products.map((p) => [p.id, p.match])).toEqual([[product.id, 'gtin']]);
      expect(body.availability?.product.id).toBe(product.id);
      expect(body.availability?.here?.storeId).toBe('MI01');
      expect(body.availability?.others).toHaveLength(11);
    }
  });

  it('answers a well-formed GTIN that is not in the catalogue with nothing', async () => {
    const body = await search('4006381333931');
    expect(body).toMatchObject({ interpretedAs: 'gtin', products: [], more: false, availability: null });
  });

  it('finds a SKU typed in any case first, then the SKUs that start with it', async () => {
    const product = await productWhere(sql`true`);
    const exact = await search(product.sku.toLowerCase());
    expect(exact.products[0]).toMatchObject({ id: product.id, match: 'sku' });
    expect(exact.availability?.product.id).toBe(product.id);

    const line = product.sku.split('-').slice(0, 2).join('-');
    const [{ n }] = (await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(products)
      .where(sql`${products.sku} like ${`${line}-%`}`)) as [{ n: number }];
    const prefix = await search(line.toLowerCase(), milano, 50);
    const bySku = prefix.products.filter((p) => p.match === 'skuPrefix');
    expect(bySku).toHaveLength(Math.min(n, 50));
    expect(bySku.every((p) => p.sku.startsWith(`${line}-`))).toBe(true);
    expectRanked(prefix);
  });

  it('finds products by words of the Italian or English name and by brand, with availability here', async () => {
    const product = await productWhere(sql`${products.nameIt} <> ${products.nameEn}`);
    const itWord = product.nameIt.split(' ').find((w) => w.length > 3)!;
    const enWord = product.nameEn.split(' ').find((w) => w.length > 3)!;
    for (const q of [
      product.nameIt.toUpperCase(),
      product.nameEn.toLowerCase(),
      itWord.slice(0, 4),
      enWord,
      product.brand,
    ]) {
      const body = await search(q, milano, 50);
      expect(body.interpretedAs).toBe('text');
      expect(body.products.length, q).toBeGreaterThan(0);
      expect(body.products.every((p) => p.match === 'text')).toBe(true);
      if (q === product.nameEn.toLowerCase()) expect(body.products.map((p) => p.id)).toContain(product.id);
    }
    const byBrand = await search(product.brand, milano, 50);
    expect(byBrand.products.every((p) => p.brand === product.brand)).toBe(true);

    const hit = byBrand.products[0]!;
    const [here] = await t.database.db
      .select()
      .from(stock)
      .where(and(eq(stock.storeId, 'MI01'), eq(stock.productId, hit.id)));
    expect(hit.hereAvailable).toBe(Math.max(0, here!.onHand - here!.reserved - here!.safetyStock));
  });

  it('says when more products match than the limit, and then gives no availability', async () => {
    const body = await search('sneaker', milano, 3);
    expect(body.products).toHaveLength(3);
    expect(body.more).toBe(true);
    expect(body.availability).toBeNull();
    expectRanked(body);
  });

  it('answers nothing, not an error, for words no product has', async () => {
    expect(await search('zzqx')).toMatchObject({ products: [], more: false, availability: null });
    expect(await search("'; drop table products; --")).toMatchObject({ products: [] });
  });

  it('refuses bad input with 400 and the error body, never 500', async () => {
    for (const url of [
      '/api/stock/search',
      '/api/stock/search?q=',
      '/api/stock/search?q=%20%20',
      `/api/stock/search?q=${'a'.repeat(101)}`,
      '/api/stock/search?q=roma&limit=0',
      '/api/stock/search?q=roma&limit=51',
      '/api/stock/search?q=roma&limit=ten',
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json().code).toBe('request.invalid');
    }
    expect((await get('/api/stock/search?q=roma', null)).statusCode).toBe(401);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/stock/search', '/api/stock/products/{productId}']),
    );
  });
});
