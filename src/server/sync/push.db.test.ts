import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { PullResponse, PushResponse } from '../../contract/sync';
import type { StockedProduct } from '../testing/fixtures';
import { stockedProducts } from '../testing/fixtures';
import { commandStream } from '../testing/sync-scenario';
import type { TestApp } from '../testing/test-app';
import { bearer, createTestApp, TEST_API_KEY } from '../testing/test-app';

let t: TestApp;
let session: Session;
let products: StockedProduct[];

beforeAll(async () => {
  t = await createTestApp();
  session = await t.signIn();
  products = await stockedProducts(t.database.db, 'MI01', 4);
});
afterAll(() => t?.close());

const stream = () => commandStream();

const push = (clientId: string, mutations: unknown[], who: Session = session) =>
  t.app.inject({
    method: 'POST',
    url: '/api/sync/push',
    headers: bearer(who),
    payload: { clientId, mutations },
  });

const pull = async (query = '') =>
  (await t.app.inject({ url: `/api/sync/pull${query}`, headers: bearer(session) })).json<PullResponse>();

describe('POST /api/sync/push', () => {
  it('applies commands in order, each with its own result, and answers a resend with the stored results', async () => {
    const [p] = products as [StockedProduct];
    const order = await t.placeOrder([{ sku: p.sku, qty: 2 }]);
    const s = stream();
    const batch = [
      s.next('order.claim', { orderId: order.id }),
      s.next('pick.confirm', { orderId: order.id, code: p.barcode, qty: 1 }),
      s.next('pick.confirm', { orderId: order.id, code: '4006381333931', qty: 1 }),
      s.next('pick.confirm', { orderId: order.id, code: p.barcode, qty: 1 }),
    ];
    const first = await push(s.clientId, batch);
    expect(first.statusCode).toBe(200);
    const body = first.json<PushResponse>();
    expect(body.lastProcessedSeq).toBe(4);
    expect(body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'rejected', 'applied']);
    expect(body.results[2]?.error?.code).toBe('scan.unknownCode');

    // The acknowledgement was lost: the device sends the same batch again.
    const resend = await push(s.clientId, batch);
    expect(resend.json<PushResponse>().results.map((r) => r.status)).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
    ]);
    expect(resend.json<PushResponse>().results[1]?.result).toEqual(body.results[1]?.result);
    const detail = (await t.app.inject({ url: `/api/orders/${order.id}`, headers: bearer(session) })).json();
    expect(detail.status).toBe('picked');
    expect(detail.lines[0].qtyPicked).toBe(2);
  });

  it('refuses a gap with the expected sequence, and answers a reused id with other content alone', async () => {
    const s = stream();
    const gap = await push(s.clientId, [
      { id: randomUUID(), seq: 3, name: 'order.claim', v: 1, args: { orderId: randomUUID() } },
    ]);
    expect(gap.statusCode).toBe(409);
    expect(gap.json()).toMatchObject({ code: 'sync.outOfOrder', details: { expectedSeq: 1 } });

    const m = s.next('order.claim', { orderId: randomUUID() });
    expect((await push(s.clientId, [m])).json<PushResponse>().results[0]?.error?.code).toBe('order.notFound');
    // Issue 12: a bad mutation is refused alone, with its own 4xx-class code, never its batch.
    const tampered = await push(s.clientId, [{ ...m, args: { orderId: randomUUID() } }]);
    expect(tampered.statusCode).toBe(200);
    expect(tampered.json<PushResponse>()).toMatchObject({
      lastProcessedSeq: 1,
      results: [{ id: m.id, status: 'rejected', error: { code: 'sync.mutationMismatch' } }],
    });
  });

  it('rejects unknown commands and bad arguments per command, without blocking the stream', async () => {
    const s = stream();
    const response = await push(s.clientId, [
      s.next('order.teleport', { orderId: randomUUID() }),
      s.next('pick.confirm', { orderId: 'nope', qty: 0 }),
      s.next('order.claim', { orderId: randomUUID() }, 9),
    ]);
    const results = response.json<PushResponse>().results;
    expect(results.map((r) => r.error?.code)).toEqual([
      'sync.unknownCommand',
      'sync.invalidArgs',
      'sync.unknownCommand',
    ]);
    expect(response.json<PushResponse>().lastProcessedSeq).toBe(3);
  });
});

describe('GET /api/sync/pull', () => {
  it("gives a full snapshot, then only what changed, with the device's last processed seq", async () => {
    const snapshot = await pull();
    expect(snapshot.reset).toBe(true);
    expect(snapshot.products.length).toBe(300);
    expect(snapshot.stock.length).toBe(300);
    expect(snapshot.locations.length).toBeGreaterThan(10);
    expect(snapshot.orders.length).toBeGreaterThan(3);

    const quiet = await pull(`?cursor=${snapshot.cursor}`);
    expect(quiet).toMatchObject({ reset: false, orders: [], stock: [], cursor: snapshot.cursor });

    const [, p] = products as [StockedProduct, StockedProduct];
    const order = await t.placeOrder([{ sku: p.sku, qty: 1 }]);
    const s = stream();
    await push(s.clientId, [s.next('order.claim', { orderId: order.id })]);
    const changes = await pull(`?cursor=${snapshot.cursor}&clientId=${s.clientId}`);
    expect(changes.reset).toBe(false);
    expect(changes.orders.map((o) => o.id)).toEqual([order.id]);
    expect(changes.orders[0]?.status).toBe('picking');
    expect(changes.stock.map((r) => r.productId)).toEqual([p.id]);
    expect(changes.products.map((r) => r.sku)).toEqual([p.sku]);
    expect(changes.lastProcessedSeq).toBe(1);
  });

  it('refuses a cursor it did not issue', async () => {
    const response = await t.app.inject({ url: '/api/sync/pull?cursor=abc', headers: bearer(session) });
    expect(response.statusCode).toBe(400);
  });
});

describe('a cancel from the platform', () => {
  it('turns picked units into a put-back task that an associate confirms', async () => {
    const [, , p] = products as StockedProduct[];
    const order = await t.placeOrder([{ sku: p!.sku, qty: 2 }]);
    const s = stream();
    await push(s.clientId, [
      s.next('order.claim', { orderId: order.id }),
      s.next('pick.confirm', { orderId: order.id, code: p!.barcode, qty: 1 }),
    ]);
    const cancel = await t.app.inject({
      method: 'POST',
      url: `/api/orders/external/${order.externalId}/cancel`,
      headers: { 'x-api-key': TEST_API_KEY },
      payload: { reason: 'customer cancelled online' },
    });
    expect(cancel.statusCode).toBe(200);
    expect(cancel.json().status).toBe('cancelled');
    const late = await push(s.clientId, [
      s.next('pick.confirm', { orderId: order.id, code: p!.barcode, qty: 1 }),
    ]);
    expect(late.json<PushResponse>().results[0]?.error?.code).toBe('order.illegalTransition');
    const queue = (await t.app.inject({ url: '/api/queue', headers: bearer(session) })).json();
    expect(queue.orders.some((o: { id: string }) => o.id === order.id)).toBe(true);
    const putBack = await push(s.clientId, [s.next('order.putBack', { orderId: order.id })]);
    expect(putBack.json<PushResponse>().results[0]?.status).toBe('applied');
    const twice = await push(s.clientId, [s.next('order.putBack', { orderId: order.id })]);
    expect(twice.json<PushResponse>().results[0]?.status).toBe('rejected');
  });
});
