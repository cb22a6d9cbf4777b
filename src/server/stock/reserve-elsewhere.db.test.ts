import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { QueueResponse } from '../../contract/orders';
import type { ReserveElsewhereArgs, ReserveElsewhereResult } from '../../contract/reservations';
import type { PullResponse, PushResponse } from '../../contract/sync';
import { reservationExternalId, reservationOrderNumber } from '../../domain/reservation';
import { auditLog, orders, stock, stockMovements } from '../db/schema';
import type { StockedProduct } from '../testing/fixtures';
import { stockedProducts, stockOf } from '../testing/fixtures';
import type { TestApp } from '../testing/test-app';
import { bearer, createTestApp, TEST_API_KEY } from '../testing/test-app';
import { currentStoreVersion, parsePoke, POKE_CHANNEL } from '../core/store-version';

/**
 * Issue 5: an associate of Milano Duomo (MI01) reserves a product at Milano Porta Nuova (MI02)
 * for a walk-in customer, through the sync push. The order lands in MI02's queue with its stock
 * reserved, MI02's devices are poked, a resend changes nothing, and a refusal leaves no trace.
 */
const POKE_WITHIN_MS = 1_000;

let t: TestApp;
let mi01: Session;
let mi02: Session;
let products: StockedProduct[];
let nextProduct = 0;
const pokes: string[] = [];
let stopListening: (() => Promise<void>) | undefined;

beforeAll(async () => {
  t = await createTestApp();
  mi01 = await t.signIn({ deviceId: 'reserve-test-mi01' });
  mi02 = await t.signIn({ storeId: 'MI02', employeeId: '2001', deviceId: 'reserve-test-mi02' });
  products = await stockedProducts(t.database.db, 'MI02', 8, 3);
  stopListening = await t.database.listen(POKE_CHANNEL, (payload) => pokes.push(parsePoke(payload).storeId));
});
afterAll(async () => {
  await stopListening?.();
  await t?.close();
});

const db = () => t.database.db;

function stream() {
  const clientId = randomUUID();
  let seq = 0;
  return {
    clientId,
    next: (name: string, args: unknown) => ({ id: randomUUID(), seq: ++seq, name, v: 1, args }),
  };
}

async function push(clientId: string, mutations: unknown[], who: Session = mi01) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/sync/push',
    headers: bearer(who),
    payload: { clientId, mutations },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<PushResponse>();
}

async function pull(who: Session, cursor?: string) {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
  const response = await t.app.inject({ url: `/api/sync/pull${query}`, headers: bearer(who) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<PullResponse>();
}

function reservation(product: StockedProduct, overrides: Partial<ReserveElsewhereArgs> = {}) {
  return {
    reservationId: randomUUID(),
    storeId: 'MI02',
    productId: product.id,
    qty: 2,
    customer: { name: 'Giulia Rossi', phone: '333 123 4567', language: 'it' as const },
    pickupCode: '517204',
    ...overrides,
  } satisfies ReserveElsewhereArgs;
}

const freshProduct = () => products[nextProduct++]!;

async function ordersWithExternalId(externalId: string) {
  return db().select().from(orders).where(eq(orders.externalId, externalId));
}

describe('stock.reserveElsewhere through POST /api/sync/push', () => {
  it('creates a reserve-and-collect order at the other store, reserves its stock, audits it and pokes that store', async () => {
    const product = freshProduct();
    const before = await stockOf(db(), 'MI02', product.id);
    const mi02Cursor = (await pull(mi02)).cursor;
    const mi01Cursor = (await pull(mi01)).cursor;
    const poked = pokes.length;
    const args = reservation(product);
    const s = stream();

    const body = await push(s.clientId, [s.next('stock.reserveElsewhere', args)]);

    expect(body.results[0]).toMatchObject({ status: 'applied' });
    const result = body.results[0]!.result as ReserveElsewhereResult;
    expect(result).toEqual({
      orderId: expect.any(String),
      orderNumber: reservationOrderNumber(args.reservationId),
      storeId: 'MI02',
    });
    await expect.poll(() => pokes.slice(poked), { timeout: POKE_WITHIN_MS, interval: 20 }).toContain('MI02');

    const [order] = await ordersWithExternalId(reservationExternalId(args.reservationId));
    expect(order).toMatchObject({
      id: result.orderId,
      storeId: 'MI02',
      channel: 'store',
      fulfillmentType: 'reserve_and_collect',
      status: 'new',
      customerName: 'Giulia Rossi',
      customerPhone: '+393331234567',
      customerEmail: '',
      customerLanguage: 'it',
      pickupCode: '517204',
    });
    expect(await stockOf(db(), 'MI02', product.id)).toEqual({ ...before, reserved: before.reserved + 2 });
    const moves = await db().select().from(stockMovements).where(eq(stockMovements.orderId, result.orderId));
    expect(moves).toMatchObject([
      { storeId: 'MI02', productId: product.id, reason: 'order.reserve', deltaReserved: 2, deltaOnHand: 0 },
    ]);
    const audits = await db().select().from(auditLog).where(eq(auditLog.entityId, result.orderId));
    expect(audits).toMatchObject([
      {
        action: 'stock.reserveElsewhere',
        storeId: 'MI02',
        actorType: 'associate',
        actorId: mi01.associate.id,
        deviceId: 'reserve-test-mi01',
        details: { reservationId: args.reservationId, fromStoreId: 'MI01', productId: product.id, qty: 2 },
      },
    ]);

    // The other store's devices pull it, with the stock it reserved; this store's do not.
    const mi02Changes = await pull(mi02, mi02Cursor);
    const pulled = mi02Changes.orders.find((o) => o.id === result.orderId);
    expect(pulled).toMatchObject({
      number: result.orderNumber,
      fulfillmentType: 'reserve_and_collect',
      channel: 'store',
      status: 'new',
      customer: { name: 'Giulia Rossi', phone: '+393331234567' },
      lines: [expect.objectContaining({ sku: product.sku, qtyOrdered: 2 })],
    });
    expect(mi02Changes.stock.find((row) => row.productId === product.id)?.reserved).toBe(before.reserved + 2);
    expect((await pull(mi01, mi01Cursor)).orders.map((o) => o.id)).not.toContain(result.orderId);

    const queue = await t.app.inject({ url: '/api/queue', headers: bearer(mi02) });
    expect(queue.json<QueueResponse>().orders.map((o) => o.number)).toContain(result.orderNumber);
  });

  it('is idempotent: a resent batch is a duplicate, the same reservation sent again answers the same order', async () => {
    const product = freshProduct();
    const before = await stockOf(db(), 'MI02', product.id);
    const args = reservation(product, { qty: 1 });
    const s = stream();
    const batch = [s.next('stock.reserveElsewhere', args)];
    const first = await push(s.clientId, batch);
    expect(first.results[0]?.status).toBe('applied');

    const resent = await push(s.clientId, batch);
    expect(resent.results[0]).toMatchObject({ status: 'duplicate', originalStatus: 'applied' });
    expect(resent.results[0]?.result).toEqual(first.results[0]?.result);

    // "Send again" from another stream: a new mutation carrying the same reservation.
    const other = stream();
    const again = await push(other.clientId, [other.next('stock.reserveElsewhere', args)]);
    expect(again.results[0]).toMatchObject({ status: 'applied', result: first.results[0]?.result });

    expect(await ordersWithExternalId(reservationExternalId(args.reservationId))).toHaveLength(1);
    expect(await stockOf(db(), 'MI02', product.id)).toEqual({ ...before, reserved: before.reserved + 1 });

    // The same reservation id with other details is not silently taken for the first.
    const changed = await push(other.clientId, [other.next('stock.reserveElsewhere', { ...args, qty: 2 })]);
    expect(changed.results[0]).toMatchObject({
      status: 'rejected',
      error: { code: 'order.duplicateMismatch' },
    });
  });

  it('refuses when the stock is short, leaving nothing behind, and the rest of the batch still applies', async () => {
    const product = freshProduct();
    // One unit left to promise at MI02.
    await db()
      .update(stock)
      .set({ onHand: sql`${stock.reserved} + ${stock.safetyStock} + 1` })
      .where(and(eq(stock.storeId, 'MI02'), eq(stock.productId, product.id)));
    const before = await stockOf(db(), 'MI02', product.id);
    const versionBefore = await currentStoreVersion(db(), 'MI02');
    const mine = await t.placeOrder([{ sku: (await stockedProducts(db(), 'MI01', 1))[0]!.sku, qty: 1 }]);
    const poked = pokes.length;
    const short = reservation(product, { qty: 2 });
    const s = stream();

    const body = await push(s.clientId, [
      s.next('stock.reserveElsewhere', short),
      s.next('order.claim', { orderId: mine.id }),
      s.next('stock.reserveElsewhere', reservation(product, { qty: 1, storeId: 'MI01' })),
    ]);

    expect(body.lastProcessedSeq).toBe(3);
    expect(body.results.map((r) => r.status)).toEqual(['rejected', 'applied', 'rejected']);
    expect(body.results[0]?.error).toMatchObject({
      code: 'stock.notAvailable',
      details: { available: 1, requested: 2 },
    });
    expect(body.results[2]?.error?.code).toBe('reservation.sameStore');

    expect(await ordersWithExternalId(reservationExternalId(short.reservationId))).toEqual([]);
    expect(await stockOf(db(), 'MI02', product.id)).toEqual(before);
    expect(await currentStoreVersion(db(), 'MI02')).toBe(versionBefore);
    const audits = await db()
      .select()
      .from(auditLog)
      .where(sql`${auditLog.details}->>'reservationId' = ${short.reservationId}`);
    expect(audits).toEqual([]);
    // MI01's claim was committed and poked; MI02 heard nothing.
    await expect.poll(() => pokes.slice(poked), { timeout: POKE_WITHIN_MS, interval: 20 }).toContain('MI01');
    expect(pokes.slice(poked)).not.toContain('MI02');

    // The unit still there can be reserved.
    const retry = await push(s.clientId, [
      s.next('stock.reserveElsewhere', reservation(product, { qty: 1 })),
    ]);
    expect(retry.results[0]?.status).toBe('applied');
    expect(await stockOf(db(), 'MI02', product.id)).toEqual({ ...before, reserved: before.reserved + 1 });
  });

  it('counts what the batch reserved already, and answers a reservation sent twice in one batch once', async () => {
    const product = freshProduct();
    // Two units left to promise at MI02.
    await db()
      .update(stock)
      .set({ onHand: sql`${stock.reserved} + ${stock.safetyStock} + 2` })
      .where(and(eq(stock.storeId, 'MI02'), eq(stock.productId, product.id)));
    const before = await stockOf(db(), 'MI02', product.id);
    const first = reservation(product, { qty: 1 });
    const s = stream();

    const body = await push(s.clientId, [
      s.next('stock.reserveElsewhere', first),
      s.next('stock.reserveElsewhere', first),
      s.next('stock.reserveElsewhere', reservation(product, { qty: 2 })),
      s.next('stock.reserveElsewhere', reservation(product, { qty: 1 })),
    ]);

    expect(body.results.map((r) => r.error?.code ?? r.status)).toEqual([
      'applied',
      'applied',
      'stock.notAvailable',
      'applied',
    ]);
    expect(body.results[1]?.result).toEqual(body.results[0]?.result);
    expect(body.results[2]?.error?.details).toMatchObject({ available: 1, requested: 2 });
    expect(await ordersWithExternalId(reservationExternalId(first.reservationId))).toHaveLength(1);
    expect(await stockOf(db(), 'MI02', product.id)).toEqual({ ...before, reserved: before.reserved + 2 });
  });

  it('never oversells: reservations from many devices racing intake for the last units', async () => {
    const product = freshProduct();
    await db()
      .update(stock)
      .set({ onHand: sql`${stock.reserved} + ${stock.safetyStock} + 3` })
      .where(and(eq(stock.storeId, 'MI02'), eq(stock.productId, product.id)));
    const before = await stockOf(db(), 'MI02', product.id);
    const devices = Array.from({ length: 8 }, () => stream());
    const [answers, intake] = await Promise.all([
      Promise.all(
        devices.map((s) =>
          push(s.clientId, [s.next('stock.reserveElsewhere', reservation(product, { qty: 1 }))]),
        ),
      ),
      t.app.inject({
        method: 'POST',
        url: '/api/orders',
        headers: { 'x-api-key': TEST_API_KEY },
        payload: {
          externalId: `race-${randomUUID()}`,
          channel: 'web',
          storeId: 'MI02',
          fulfillmentType: 'pickup',
          promisedAt: new Date(Date.now() + 3_600_000).toISOString(),
          customer: { name: 'Web Buyer', email: 'web@example.it', language: 'it' },
          lines: [{ sku: product.sku, qty: 1, unitPriceCents: 1990 }],
        },
      }),
    ]);
    const statuses = answers.map((a) => a.results[0]!);
    const won = statuses.filter((r) => r.status === 'applied').length + (intake.statusCode === 201 ? 1 : 0);
    expect(won).toBe(3);
    expect(
      statuses.filter((r) => r.status === 'rejected').every((r) => r.error?.code === 'stock.notAvailable'),
    ).toBe(true);
    expect(await stockOf(db(), 'MI02', product.id)).toEqual({ ...before, reserved: before.reserved + 3 });
  });

  it('refuses a customer with no name or no way to reach them, with stable codes', async () => {
    const product = freshProduct();
    const s = stream();
    const body = await push(s.clientId, [
      s.next(
        'stock.reserveElsewhere',
        reservation(product, { customer: { name: ' ', phone: '333 1234567', language: 'en' } }),
      ),
      s.next(
        'stock.reserveElsewhere',
        reservation(product, { customer: { name: 'Ann Lee', language: 'en' } }),
      ),
      s.next(
        'stock.reserveElsewhere',
        reservation(product, { customer: { name: 'Ann Lee', email: 'ann@example', language: 'en' } }),
      ),
      s.next('stock.reserveElsewhere', { ...reservation(product), pickupCode: '12345' }),
    ]);
    expect(body.results.map((r) => r.error?.code)).toEqual([
      'reservation.nameRequired',
      'reservation.contactRequired',
      'reservation.badEmail',
      'sync.invalidArgs',
    ]);
  });

  it('is listed with its arguments in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const description: string = doc.paths['/api/sync/push'].post.description;
    expect(description).toContain('`stock.reserveElsewhere` v1');
    expect(description).toContain('pickupCode');
  });
});
