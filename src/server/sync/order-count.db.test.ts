// order.count (issue 17, point 2): a camera count confirmed as one command, run by the server.
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
  products = await stockedProducts(t.database.db, 'MI01', 3);
});
afterAll(() => t?.close());

const stream = () => commandStream();

const push = async (clientId: string, mutations: unknown[]) =>
  (
    await t.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: bearer(session),
      payload: { clientId, mutations },
    })
  ).json<PushResponse>();

async function cancelledWithPicks(picks: StockedProduct[]) {
  const order = await t.placeOrder(picks.map((p) => ({ sku: p.sku, qty: 2 })));
  const s = stream();
  await push(s.clientId, [
    s.next('order.claim', { orderId: order.id }),
    ...picks.map((p) => s.next('pick.confirm', { orderId: order.id, code: p.barcode, qty: 1 })),
  ]);
  const cancel = await t.app.inject({
    method: 'POST',
    url: `/api/orders/external/${order.externalId}/cancel`,
    headers: { 'x-api-key': TEST_API_KEY },
    payload: { reason: 'customer cancelled online' },
  });
  expect(cancel.statusCode).toBe(200);
  return { order, s };
}

describe('order.count', () => {
  it('ends a put-back with the count: found, missing and unexpected in one answer', async () => {
    const [a, b, c] = products as [StockedProduct, StockedProduct, StockedProduct];
    const { order, s } = await cancelledWithPicks([a, b]);
    const answer = await push(s.clientId, [
      s.next('order.count', {
        orderId: order.id,
        purpose: 'putBack',
        counted: [
          { gtin14: a.gtin14, qty: 1 },
          { gtin14: c.gtin14, qty: 1 },
        ],
      }),
    ]);
    expect(answer.results[0]?.status).toBe('applied');
    expect(answer.results[0]?.result).toEqual({
      found: [{ gtin14: a.gtin14, expected: 1, counted: 1 }],
      missing: [{ gtin14: b.gtin14, qty: 1 }],
      unexpected: [{ gtin14: c.gtin14, qty: 1 }],
      exact: false,
    });
    const pulled = (
      await t.app.inject({ url: '/api/sync/pull', headers: bearer(session) })
    ).json<PullResponse>();
    expect(pulled.orders.find((o) => o.id === order.id)?.putBackAt).toEqual(expect.any(String));

    // The task is over: a second count is refused, as a second put-back is.
    const twice = await push(s.clientId, [
      s.next('order.count', { orderId: order.id, purpose: 'putBack', counted: [] }),
    ]);
    expect(twice.results[0]?.error?.code).toBe('order.illegalTransition');
  });

  it('refuses a count of a parcel for an order that awaits none, and bad arguments, changing nothing', async () => {
    const [a] = products as [StockedProduct];
    const { order, s } = await cancelledWithPicks([a]);
    const answer = await push(s.clientId, [
      s.next('order.count', { orderId: order.id, purpose: 'arrival', counted: [] }),
      s.next('order.count', { orderId: order.id, purpose: 'putBack', counted: [{ gtin14: 'abc', qty: 1 }] }),
      s.next('order.count', {
        orderId: order.id,
        purpose: 'putBack',
        counted: [{ gtin14: a.gtin14, qty: 0 }],
      }),
    ]);
    expect(answer.results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    // A click-and-collect order never awaits a parcel.
    expect(answer.results[0]?.error?.code).toBe('order.notForFulfillmentType');
    expect(answer.results[1]?.error?.code).toBe('sync.invalidArgs');
    const pulled = (
      await t.app.inject({ url: '/api/sync/pull', headers: bearer(session) })
    ).json<PullResponse>();
    expect(pulled.orders.find((o) => o.id === order.id)?.putBackAt).toBeNull();
  });
});
