import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { CustomerArrival } from '../../contract/customer-arrivals';
import type { OrderDetail } from '../../contract/orders';
import type { PullResponse, PushResponse } from '../../contract/sync';
import { pickupPassContent } from '../../domain/pickup-pass';
import { auditLog, orders, pickupArrivals } from '../db/schema';
import { currentStoreVersion } from '../core/store-version';
import type { StockedProduct } from '../testing/fixtures';
import { stockedProducts } from '../testing/fixtures';
import type { TestApp } from '../testing/test-app';
import { bearer, createTestApp, TEST_JWT_SECRET } from '../testing/test-app';
import { curbsideKey, signCurbsideToken } from './curbside-token';

let t: TestApp;
let session: Session;
let products: StockedProduct[];
const key = curbsideKey(TEST_JWT_SECRET);
const tokenFor = (orderId: string, expiresAt = new Date(Date.now() + 86_400_000)) =>
  signCurbsideToken(key, orderId, expiresAt);

beforeAll(async () => {
  t = await createTestApp();
  session = await t.signIn();
  products = await stockedProducts(t.database.db, 'MI01', 8);
});
afterAll(() => t?.close());

let nextProduct = 0;
async function readyOrder(): Promise<{ id: string; number: string; pickupCode: string }> {
  const product = products[nextProduct++ % products.length]!;
  const order = await t.placeOrder([{ sku: product.sku, qty: 1 }]);
  const post = (url: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url, headers: bearer(session), payload });
  expect((await post(`/api/orders/${order.id}/claim`, {})).statusCode).toBe(200);
  expect((await post(`/api/orders/${order.id}/pick`, { code: product.barcode })).statusCode).toBe(200);
  const staged = await post(`/api/orders/${order.id}/stage`, { locationCode: 'MI01-A03', shareShelf: true });
  expect(staged.json<OrderDetail>().status).toBe('ready');
  return order;
}

const arrive = (token: string, payload: Record<string, unknown>, ip = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: `/api/curbside/${token}/arrived`, payload, remoteAddress: ip });
const spot4 = { parkingSpot: '4', make: 'Fiat', colour: 'red', plate: 'ab 123cd' };

async function pull(cursor?: string): Promise<PullResponse> {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
  const response = await t.app.inject({ url: `/api/sync/pull${query}`, headers: bearer(session) });
  expect(response.statusCode).toBe(200);
  return response.json<PullResponse>();
}

function pushOne(name: string, args: Record<string, unknown>, clientId = randomUUID()) {
  return t.app.inject({
    method: 'POST',
    url: '/api/sync/push',
    headers: bearer(session),
    payload: { clientId, mutations: [{ id: randomUUID(), seq: 1, name, v: 1, args }] },
  });
}

describe('curbside check-in', () => {
  it('shows the order a valid link names, and refuses forged and expired links', async () => {
    const order = await readyOrder();
    const view = await t.app.inject({
      url: `/api/curbside/${tokenFor(order.id)}`,
      remoteAddress: '10.0.1.1',
    });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ orderNumber: order.number, state: 'waiting', language: 'it' });

    const forged = signCurbsideToken(
      curbsideKey('not-the-server-secret-0123456789abcdef'),
      order.id,
      new Date(Date.now() + 1e7),
    );
    expect((await t.app.inject({ url: `/api/curbside/${forged}` })).json().code).toBe('curbside.notFound');
    expect((await t.app.inject({ url: `/api/curbside/${forged}` })).statusCode).toBe(404);
    const expired = tokenFor(order.id, new Date(Date.now() - 1000));
    const gone = await t.app.inject({ url: `/api/curbside/${expired}` });
    expect(gone.statusCode).toBe(410);
    expect((await arrive(expired, spot4)).statusCode).toBe(410);
    expect((await arrive('garbage', spot4)).statusCode).toBe(404);
  });

  it('records the arrival, pokes with a new store version, and devices pull it', async () => {
    const order = await readyOrder();
    const before = await pull();
    const versionBefore = await currentStoreVersion(t.database.db, 'MI01');
    const answer = await arrive(tokenFor(order.id), spot4);
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({
      state: 'arrived',
      parkingSpot: '4',
      vehicle: 'red Fiat · AB 123CD',
    });
    expect(await currentStoreVersion(t.database.db, 'MI01')).toBeGreaterThan(versionBefore);

    const [row] = await t.database.db.select().from(orders).where(eq(orders.id, order.id));
    expect(row?.arrivedAt).not.toBeNull();
    const delta = await pull(before.cursor);
    const arrival = delta.customerArrivals?.find((a) => a.orderId === order.id);
    expect(arrival).toMatchObject<Partial<CustomerArrival>>({
      kind: 'curbside',
      orderNumber: order.number,
      parkingSpot: '4',
      vehicle: 'red Fiat · AB 123CD',
      acknowledgedBy: null,
    });
    expect(delta.orders.some((o) => o.id === order.id)).toBe(true);
    expect((await pull()).customerArrivals?.some((a) => a.orderId === order.id)).toBe(true);

    // A second "I'm here" moves the same arrival: associates see one alert.
    const moved = await arrive(tokenFor(order.id), { ...spot4, parkingSpot: '7' });
    expect(moved.json()).toMatchObject({ parkingSpot: '7' });
    const rows = await t.database.db
      .select()
      .from(pickupArrivals)
      .where(eq(pickupArrivals.orderId, order.id));
    expect(rows).toHaveLength(1);
    const again = await pull(delta.cursor);
    expect(again.customerArrivals?.filter((a) => a.orderId === order.id).map((a) => a.parkingSpot)).toEqual([
      '7',
    ]);
  });

  it('answers bad input with 4xx, never 500', async () => {
    const order = await readyOrder();
    const token = tokenFor(order.id);
    for (const payload of [
      {},
      { ...spot4, parkingSpot: '' },
      { ...spot4, parkingSpot: 'x'.repeat(17) },
      { ...spot4, make: '<script>' },
      { ...spot4, colour: 'red\u0000' },
      { ...spot4, plate: 'AB/12' },
      { ...spot4, make: 42 },
    ]) {
      const answer = await arrive(token, payload, '10.0.2.1');
      expect(answer.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const notJson = await t.app.inject({
      method: 'POST',
      url: `/api/curbside/${token}/arrived`,
      headers: { 'content-type': 'application/json' },
      payload: '{nope',
      remoteAddress: '10.0.2.2',
    });
    expect(notJson.statusCode).toBe(400);
    const collectedOrCancelled = await arrive(tokenFor(randomUUID()), spot4, '10.0.2.3');
    expect(collectedOrCancelled.statusCode).toBe(404);
  });

  it('limits check-ins per signed link, not per client address (issue 13 point 6)', async () => {
    const order = await readyOrder();
    const token = tokenFor(order.id);
    // Behind one TLS proxy every customer has the same address: bogus links and another
    // customer's tries from it must not spend this customer's budget.
    for (let i = 0; i < 30; i++) {
      expect((await arrive(tokenFor(randomUUID()), spot4, '10.0.3.9')).statusCode).toBe(404);
      expect((await arrive(`${token.slice(0, -2)}AA`, spot4, '10.0.3.9')).statusCode).toBe(404);
    }
    const other = await readyOrder();
    for (let i = 0; i < 21; i++) await arrive(tokenFor(other.id), spot4, '10.0.3.9');
    expect((await arrive(tokenFor(other.id), spot4, '10.0.3.9')).statusCode).toBe(429);
    expect((await arrive(token, spot4, '10.0.3.9')).statusCode).toBe(200);
    // One link's own budget is bounded wherever its tries come from.
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await arrive(token, spot4, `10.0.3.${i + 10}`)).statusCode);
    expect(statuses.slice(0, 19).every((s) => s === 200)).toBe(true);
    const refused = await arrive(token, spot4, '10.0.3.99');
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({
      code: 'request.rateLimited',
      details: { retryAfterSeconds: expect.any(Number) },
    });
  });

  it('acknowledges with the outbox command, and records the handover at the curb', async () => {
    const order = await readyOrder();
    const token = tokenFor(order.id);
    await arrive(token, spot4, '10.0.4.1');
    const [arrival] = await t.database.db
      .select()
      .from(pickupArrivals)
      .where(eq(pickupArrivals.orderId, order.id));
    const unknown = await pushOne('arrival.acknowledge', { orderId: order.id, arrivalId: randomUUID() });
    expect(unknown.json<PushResponse>().results[0]).toMatchObject({
      status: 'rejected',
      error: { code: 'arrival.notFound' },
    });
    const acked = await pushOne('arrival.acknowledge', { orderId: order.id, arrivalId: arrival!.id });
    expect(acked.json<PushResponse>().results[0]?.status).toBe('applied');
    const snapshot = await pull();
    expect(snapshot.customerArrivals?.find((a) => a.id === arrival!.id)?.acknowledgedBy?.id).toBe(
      session.associate.id,
    );
    const page = await t.app.inject({ url: `/api/curbside/${token}`, remoteAddress: '10.0.4.1' });
    expect(page.json().state).toBe('onTheWay');

    const handed = await pushOne('order.handover', {
      orderId: order.id,
      code: pickupPassContent(order.number, order.pickupCode),
    });
    expect(handed.json<PushResponse>().results[0]?.status).toBe('applied');
    const [served] = await t.database.db
      .select()
      .from(pickupArrivals)
      .where(eq(pickupArrivals.id, arrival!.id));
    expect(served?.handedOverAt).not.toBeNull();
    const [trail] = await t.database.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, order.id), eq(auditLog.action, 'order.handoverAt')));
    expect(trail?.details).toEqual({ at: 'curbside', parkingSpot: '4' });
    expect(
      (await t.app.inject({ url: `/api/curbside/${token}`, remoteAddress: '10.0.4.1' })).json().state,
    ).toBe('handedOver');
    expect((await pull()).customerArrivals?.some((a) => a.id === arrival!.id)).toBe(false);
    expect((await arrive(token, spot4, '10.0.4.1')).statusCode).toBe(409);
  });

  it('serves a counter arrival when the order is handed over through the REST route', async () => {
    const order = await readyOrder();
    await t.database.db
      .insert(pickupArrivals)
      .values({ orderId: order.id, storeId: 'MI01', kind: 'counter' });
    const handed = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${order.id}/handover`,
      headers: bearer(session),
      payload: { code: order.pickupCode },
    });
    expect(handed.statusCode, handed.body).toBe(200);
    const [served] = await t.database.db
      .select()
      .from(pickupArrivals)
      .where(eq(pickupArrivals.orderId, order.id));
    expect(served?.handedOverAt).not.toBeNull();
    const [trail] = await t.database.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, order.id), eq(auditLog.action, 'order.handoverAt')));
    expect(trail?.details).toEqual({ at: 'counter' });
  });
});

describe('the curbside link on the order screen', () => {
  const linkOf = (orderId: string, who: Session | null = session) =>
    t.app.inject({ url: `/api/orders/${orderId}/curbside-link`, headers: who ? bearer(who) : {} });

  it("gives an associate a ready order's link: the one the customer's page opens with", async () => {
    const order = await readyOrder();
    const response = await linkOf(order.id);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const { url, expiresAt } = response.json<{ url: string; expiresAt: string }>();
    // No PUBLIC_URL in tests: the address the associate reached.
    expect(url).toMatch(/^http:\/\/localhost(:80)?\/curbside\/[A-Za-z0-9_-]{48}$/);
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now() + 86_400_000);
    const token = url.split('/').pop()!;
    const view = await t.app.inject({ url: `/api/curbside/${token}`, remoteAddress: '10.0.3.1' });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ orderNumber: order.number, state: 'waiting' });
  });

  it('has none for an order not waiting for pickup, nor for another store, nor without sign-in', async () => {
    const placed = await t.placeOrder([{ sku: products[nextProduct++ % products.length]!.sku, qty: 1 }]);
    const early = await linkOf(placed.id);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'curbside.notReady', details: { status: 'new' } });

    const order = await readyOrder();
    const elsewhere = await t.signIn({ storeId: 'MI02', employeeId: '2001' });
    expect((await linkOf(order.id, elsewhere)).statusCode).toBe(404);
    expect((await linkOf(order.id, null)).statusCode).toBe(401);
  });
});
