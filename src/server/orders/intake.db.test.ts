import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orders, stockMovements } from '../db/schema';
import type { StockedProduct } from '../testing/fixtures';
import { intakeBody, stockedProducts, stockOf } from '../testing/fixtures';
import type { TestApp } from '../testing/test-app';
import { createTestApp, TEST_API_KEY } from '../testing/test-app';

let t: TestApp;
let products: StockedProduct[];

beforeAll(async () => {
  t = await createTestApp();
  products = await stockedProducts(t.database.db, 'MI01', 4);
});
afterAll(() => t?.close());

const send = (payload: unknown, key = TEST_API_KEY) =>
  t.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { 'x-api-key': key },
    payload: payload as object,
  });

describe('POST /api/orders (intake from the e-commerce platform)', () => {
  it('creates the order and reserves its stock at the assigned store', async () => {
    const [p] = products as [StockedProduct];
    const before = await stockOf(t.database.db, 'MI01', p.id);
    const response = await send(intakeBody([{ sku: p.sku, qty: 2 }], { pickupCode: undefined }));
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({ storeId: 'MI01', status: 'new' });
    expect(body.pickupCode).toMatch(/^\d{6}$/);
    expect(await stockOf(t.database.db, 'MI01', p.id)).toMatchObject({
      reserved: before.reserved + 2,
      onHand: before.onHand,
    });
  });

  it('accepts products by GTIN in any printed length', async () => {
    const [, p] = products as [StockedProduct, StockedProduct];
    const response = await send({
      ...intakeBody([]),
      lines: [{ gtin: p.gtin14, qty: 1, unitPriceCents: 500 }],
    });
    expect(response.statusCode).toBe(201);
  });

  it('is idempotent on the platform order id, and refuses a changed body', async () => {
    const [p] = products as [StockedProduct];
    const body = intakeBody([{ sku: p.sku, qty: 1 }]);
    const first = await send(body);
    const reserved = (await stockOf(t.database.db, 'MI01', p.id)).reserved;
    // Same content with keys in another order is the same order.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const replay = await send(reordered);
    expect(first.statusCode).toBe(201);
    expect(replay.statusCode).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(first.json());
    expect((await stockOf(t.database.db, 'MI01', p.id)).reserved).toBe(reserved);

    const changed = await send({ ...body, lines: [{ sku: p.sku, qty: 2, unitPriceCents: 1990 }] });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().code).toBe('order.duplicateMismatch');
  });

  it('makes exactly one order when the same delivery arrives twice at once', async () => {
    const [, , p] = products as StockedProduct[];
    const body = intakeBody([{ sku: p!.sku, qty: 1 }]);
    const results = await Promise.all([send(body), send(body), send(body)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 201]);
    const rows = await t.database.db.select().from(orders).where(eq(orders.externalId, body.externalId));
    expect(rows).toHaveLength(1);
    const moves = await t.database.db
      .select()
      .from(stockMovements)
      .where(eq(stockMovements.orderId, rows[0]!.id));
    expect(moves).toHaveLength(1);
  });

  it('refuses what the store cannot reserve, writing nothing', async () => {
    const [p, q] = products as [StockedProduct, StockedProduct];
    const before = await stockOf(t.database.db, 'MI01', p.id);
    const body = intakeBody([
      { sku: p.sku, qty: 1 },
      { sku: q.sku, qty: 99 },
    ]);
    const response = await send(body);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'stock.insufficient', details: { lines: [{ qty: 99 }] } });
    expect(await stockOf(t.database.db, 'MI01', p.id)).toEqual(before);
    expect(
      await t.database.db.select().from(orders).where(eq(orders.externalId, body.externalId)),
    ).toHaveLength(0);
  });

  it('lists every invalid field', async () => {
    const response = await send({
      externalId: '',
      channel: 'fax',
      storeId: 'MI01',
      fulfillmentType: 'ship_from_store',
      promisedAt: 'tomorrow',
      customer: { name: 'X', email: 'not-an-email' },
      lines: [{ qty: 0, unitPriceCents: 1 }],
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.externalId',
        'body.channel',
        'body.promisedAt',
        'body.customer.email',
        'body.lines.0.qty',
      ]),
    );
  });

  it('names the lines whose products do not exist, and the unknown store', async () => {
    const unknown = await send(intakeBody([{ sku: 'NO-SUCH-SKU', qty: 1 }]));
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({
      code: 'order.unknownProduct',
      details: { fields: [{ path: 'body.lines.0.sku' }] },
    });
    const [p] = products as [StockedProduct];
    const store = await send(intakeBody([{ sku: p.sku, qty: 1 }], { storeId: 'XX99' }));
    expect(store.statusCode).toBe(422);
    expect(store.json().code).toBe('order.unknownStore');
  });

  it('needs the platform API key', async () => {
    const missing = await t.app.inject({ method: 'POST', url: '/api/orders', payload: {} });
    expect(missing.statusCode).toBe(401);
    expect(missing.json().code).toBe('auth.badApiKey');
    const wrong = await send({}, 'wrong-key-123456');
    expect(wrong.statusCode).toBe(401);
  });
});
