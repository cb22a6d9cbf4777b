import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { OrderDetail } from '../../contract/orders';
import type { PullResponse, PushResponse } from '../../contract/sync';
import type { StockedProduct } from '../testing/fixtures';
import { stockedProducts } from '../testing/fixtures';
import type { TestApp } from '../testing/test-app';
import { bearer, createTestApp } from '../testing/test-app';

// Issue 14, point 6: a shelf's occupancy is known, each has a capacity, and staging on a full
// one is refused with its figures unless the associate said yes.

let t: TestApp;
let session: Session;
let products: StockedProduct[];

beforeAll(async () => {
  t = await createTestApp();
  session = await t.signIn();
  // Every test here places its orders of one unit of the first product: nine in all.
  products = await stockedProducts(t.database.db, 'MI01', 2, 12);
});
afterAll(() => t?.close());

const post = (url: string, payload: Record<string, unknown> = {}) =>
  t.app.inject({ method: 'POST', url, headers: bearer(session), payload });

const codes = new Map<string, string>();

/** A placed order, claimed and picked, waiting to be staged. */
async function picked(): Promise<string> {
  const [p] = products as [StockedProduct];
  const order = await t.placeOrder([{ sku: p.sku, qty: 1 }]);
  codes.set(order.id, order.pickupCode);
  expect((await post(`/api/orders/${order.id}/claim`)).statusCode).toBe(200);
  const pick = await post(`/api/orders/${order.id}/pick`, { code: p.barcode });
  expect(pick.statusCode).toBe(200);
  return order.id;
}

describe('staging shelves with a capacity', () => {
  it('tells every device the capacity of each shelf and locker', async () => {
    const pull = await t.app.inject({ url: '/api/sync/pull', headers: bearer(session) });
    const locations = pull.json<PullResponse>().locations;
    expect(locations.find((l) => l.code === 'MI01-A01')).toMatchObject({ kind: 'shelf', capacity: 1 });
    expect(locations.find((l) => l.code === 'MI01-L01')).toMatchObject({ kind: 'locker', capacity: 3 });
    const listed = await t.app.inject({ url: '/api/staging-locations', headers: bearer(session) });
    expect(listed.json<{ locations: { code: string; capacity: number }[] }>().locations).toContainEqual(
      expect.objectContaining({ code: 'MI01-L06', capacity: 3 }),
    );
  });

  it('refuses a second order on a one-order shelf with its figures, and takes it when the associate says yes', async () => {
    const first = await picked();
    const second = await picked();
    expect((await post(`/api/orders/${first}/stage`, { locationCode: 'mi01-a05' })).statusCode).toBe(200);

    const full = await post(`/api/orders/${second}/stage`, { locationCode: 'MI01-A05' });
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({
      code: 'staging.shelfFull',
      details: { code: 'MI01-A05', capacity: 1, occupied: 1 },
    });
    const still = await t.app.inject({ url: `/api/orders/${second}`, headers: bearer(session) });
    expect(still.json<OrderDetail>().status).toBe('picked');

    const shared = await post(`/api/orders/${second}/stage`, { locationCode: 'MI01-A05', shareShelf: true });
    expect(shared.statusCode).toBe(200);
    expect(shared.json<OrderDetail>()).toMatchObject({ status: 'ready', stagingLocation: 'MI01-A05' });
  });

  it('frees the shelf when its order leaves, and fills a locker only at its third order', async () => {
    const [a, b, c, d] = [await picked(), await picked(), await picked(), await picked()];
    for (const id of [a, b, c]) {
      expect((await post(`/api/orders/${id}/stage`, { locationCode: 'MI01-L02' })).statusCode).toBe(200);
    }
    expect((await post(`/api/orders/${d}/stage`, { locationCode: 'MI01-L02' })).json().code).toBe(
      'staging.shelfFull',
    );
    // One leaves with its customer: the locker has room again.
    expect((await post(`/api/orders/${a}/handover`, { code: codes.get(a)! })).statusCode).toBe(200);
    expect((await post(`/api/orders/${d}/stage`, { locationCode: 'MI01-L02' })).statusCode).toBe(200);
  });

  it('sees, within one push, the shelf an earlier command just filled; and keeps a v1 staging from an older release', async () => {
    const [a, b, c] = [await picked(), await picked(), await picked()];
    const clientId = randomUUID();
    const push = await t.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: bearer(session),
      payload: {
        clientId,
        mutations: [
          {
            id: randomUUID(),
            seq: 1,
            name: 'order.stage',
            v: 2,
            args: { orderId: a, locationCode: 'MI01-A07' },
          },
          {
            id: randomUUID(),
            seq: 2,
            name: 'order.stage',
            v: 2,
            args: { orderId: b, locationCode: 'MI01-A07' },
          },
          // Queued before shelves had a capacity: that release never asked, the order is there.
          {
            id: randomUUID(),
            seq: 3,
            name: 'order.stage',
            v: 1,
            args: { orderId: c, locationCode: 'MI01-A07' },
          },
        ],
      },
    });
    expect(push.statusCode).toBe(200);
    expect(push.json<PushResponse>().results.map((r) => r.error?.code ?? r.status)).toEqual([
      'applied',
      'staging.shelfFull',
      'applied',
    ]);
  });
});
