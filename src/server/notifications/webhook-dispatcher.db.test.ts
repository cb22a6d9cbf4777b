import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import { webhookDeliveries } from '../db/schema';
import type { StockedProduct } from '../testing/fixtures';
import { stockedProducts } from '../testing/fixtures';
import type { TestApp } from '../testing/test-app';
import { bearer, createTestApp } from '../testing/test-app';
import { WebhookDispatcher, type WebhookDispatcherOptions } from './webhook-dispatcher';
import { signWebhook, verifyWebhook } from './webhook-signature';

const SECRET = 'platform-shared-secret-0123456789abcdef';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

let t: TestApp;
let session: Session;
let manager: Session;
let products: StockedProduct[];
let nextProduct = 0;
let platform: Server;
let url: string;
const received: Received[] = [];
/** How the platform answers each delivery id; 200 unless told. */
const answers = new Map<string, number[]>();
let clock = new Date();

beforeAll(async () => {
  t = await createTestApp();
  session = await t.signIn();
  manager = await t.signIn({ employeeId: '1000', pin: '9999', deviceId: 'test-device-0002' });
  products = await stockedProducts(t.database.db, 'MI01', 10);
  // Events of the seeded orders are not this file's business.
  await t.database.db
    .update(webhookDeliveries)
    .set({ deliveredAt: new Date().toISOString() })
    .where(isNull(webhookDeliveries.deliveredAt));
  platform = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const planned = answers.get(String(request.headers['x-aisle-delivery']));
      const status = planned && planned.length > 1 ? planned.shift()! : (planned?.[0] ?? 200);
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'not now');
    });
  });
  await new Promise<void>((resolve) => platform.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(platform.address() as AddressInfo).port}/hooks/aisle`;
});
afterAll(async () => {
  await new Promise((resolve) => platform?.close(resolve));
  await t?.close();
});

function dispatcher(options: Partial<WebhookDispatcherOptions> = {}) {
  return new WebhookDispatcher({ db: t.database.db, url, secret: SECRET, now: () => clock, ...options });
}

function tick(ms = 60_000): void {
  clock = new Date(Math.max(Date.now(), clock.getTime()) + ms);
}

function post(path: string, payload: unknown = {}, who: Session = session) {
  return t.app.inject({ method: 'POST', url: path, headers: bearer(who), payload: payload as object });
}

async function readyOrder() {
  const product = products[nextProduct++]!;
  const order = await t.placeOrder([{ sku: product.sku, qty: 1 }]);
  await post(`/api/orders/${order.id}/claim`);
  await post(`/api/orders/${order.id}/pick`, { code: product.barcode });
  expect(
    (await post(`/api/orders/${order.id}/stage`, { locationCode: 'MI01-A01', shareShelf: true })).statusCode,
  ).toBe(200);
  return order;
}

const deliveriesOf = (orderId: string) =>
  t.database.db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.orderId, orderId))
    .orderBy(webhookDeliveries.createdAt);

const bodiesFor = (orderId: string) =>
  received
    .map((r) => ({ ...r, json: JSON.parse(r.body) as { order: { id: string } } & Record<string, unknown> }))
    .filter((r) => r.json.order.id === orderId);

describe('status webhooks', () => {
  it('posts each event once, signed, with the delivery id the platform dedupes on', async () => {
    const collected = await readyOrder();
    expect(
      (await post(`/api/orders/${collected.id}/handover`, { code: collected.pickupCode })).statusCode,
    ).toBe(200);
    const cancelled = await t.placeOrder([{ sku: products[nextProduct++]!.sku, qty: 1 }]);
    const cancel = await post(`/api/orders/${cancelled.id}/cancel`, { reason: 'customer_request' }, manager);
    expect(cancel.statusCode, cancel.body).toBe(200);

    tick();
    await dispatcher().drain();

    const events = bodiesFor(collected.id);
    expect(events.map((e) => e.headers['x-aisle-event'])).toEqual(['order.ready', 'order.collected']);
    for (const { headers, body, json } of events) {
      expect(headers['content-type']).toBe('application/json');
      expect(json.id).toBe(headers['x-aisle-delivery']);
      expect(json.type).toBe(headers['x-aisle-event']);
      expect(Number(headers['x-aisle-timestamp'])).toBe(Math.floor(clock.getTime() / 1000));
      const signed = {
        signature: String(headers['x-aisle-signature']),
        timestamp: String(headers['x-aisle-timestamp']),
      };
      expect(signed.signature).toMatch(/^sha256=[0-9a-f]{64}$/);
      expect(verifyWebhook(SECRET, signed, body, clock)).toBe(true);
      // A changed body, another secret or a stale timestamp does not verify.
      expect(verifyWebhook(SECRET, signed, body.replace('order', 'odrer'), clock)).toBe(false);
      expect(verifyWebhook(`${SECRET}x`, signed, body, clock)).toBe(false);
      expect(verifyWebhook(SECRET, signed, body, new Date(clock.getTime() + 600_000))).toBe(false);
    }
    expect(events[1]?.json).toMatchObject({
      type: 'order.collected',
      storeId: 'MI01',
      order: {
        id: collected.id,
        externalId: collected.externalId,
        number: collected.number,
        status: 'collected',
      },
      data: { units: 1 },
    });
    expect(bodiesFor(cancelled.id).map((e) => e.json)).toEqual([
      expect.objectContaining({
        type: 'order.cancelled',
        order: expect.objectContaining({ status: 'cancelled' }),
        data: { reason: 'customer_request', cancelledBy: 'associate' },
      }),
    ]);
    const rows = await deliveriesOf(collected.id);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toMatchObject({ attempts: 1, lastStatus: 200, lastError: null, failedAt: null });
      expect(row.deliveredAt).not.toBeNull();
    }

    // Nothing is posted twice.
    const before = received.length;
    tick();
    await dispatcher().drain();
    expect(received.length).toBe(before);
  });

  it('writes no event for a refused command: the outbox row shares its transaction', async () => {
    const product = products[nextProduct++]!;
    const order = await t.placeOrder([{ sku: product.sku, qty: 1 }]);
    await post(`/api/orders/${order.id}/claim`);
    await post(`/api/orders/${order.id}/pick`, { code: product.barcode });
    expect((await post(`/api/orders/${order.id}/stage`, { locationCode: 'MI01-Z99' })).statusCode).toBe(422);
    expect(await deliveriesOf(order.id)).toEqual([]);
  });

  it('retries a 500 with back-off, then records the delivery', async () => {
    const order = await readyOrder();
    const [row] = await deliveriesOf(order.id);
    answers.set(row!.id, [500, 200]);
    tick();
    const d = dispatcher({ retry: { baseMs: 10_000, capMs: 60_000 } });
    await d.drain();
    const [failed] = await deliveriesOf(order.id);
    expect(failed).toMatchObject({ attempts: 1, lastStatus: 500, deliveredAt: null, failedAt: null });
    expect(failed?.lastError).toBe('HTTP 500: not now');

    await d.drain(); // not due yet
    expect(bodiesFor(order.id)).toHaveLength(1);
    tick(10_001);
    await d.drain();
    const posts = bodiesFor(order.id);
    expect(posts).toHaveLength(2);
    expect(new Set(posts.map((p) => p.headers['x-aisle-delivery']))).toEqual(new Set([row!.id]));
    expect(posts[0]?.body).toBe(posts[1]?.body);
    const [delivered] = await deliveriesOf(order.id);
    expect(delivered).toMatchObject({ attempts: 2, lastStatus: 200, lastError: null });
    expect(delivered?.deliveredAt).not.toBeNull();
  });

  it('stops after the last attempt when the platform keeps failing, and keeps the delivery', async () => {
    const order = await readyOrder();
    const [row] = await deliveriesOf(order.id);
    answers.set(row!.id, [503]);
    const d = dispatcher({ maxAttempts: 3, retry: { baseMs: 1000, capMs: 1000 } });
    for (let i = 0; i < 5; i++) {
      tick(1001);
      await d.drain();
    }
    expect(bodiesFor(order.id)).toHaveLength(3);
    const [failed] = await deliveriesOf(order.id);
    expect(failed).toMatchObject({
      attempts: 3,
      lastStatus: 503,
      deliveredAt: null,
      lastError: 'HTTP 503: not now',
    });
    expect(failed?.failedAt).not.toBeNull();
  });

  it('counts no answer as a failed attempt', async () => {
    const order = await readyOrder();
    tick();
    await dispatcher({ url: 'http://127.0.0.1:9/hooks' }).drain();
    const [row] = await deliveriesOf(order.id);
    expect(row).toMatchObject({ attempts: 1, lastStatus: null, deliveredAt: null, failedAt: null });
    expect(row?.lastError).toMatch(/ECONNREFUSED|fetch failed/);
  });
});

describe('the signature', () => {
  it('is the hex HMAC-SHA256 of "<timestamp>.<body>" (the vector in docs/webhooks.md)', () => {
    expect(signWebhook('secret', 1700000000, '{"a":1}')).toBe(
      'sha256=49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686',
    );
  });
});
