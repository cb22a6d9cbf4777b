import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { PullResponse, PushResponse } from '../../contract/sync';
import { auditLog, customerNotifications, orders, stock } from '../db/schema';
import type { StockedProduct } from '../testing/fixtures';
import { intakeBody, stockedProducts } from '../testing/fixtures';
import type { TestApp } from '../testing/test-app';
import { bearer, createTestApp, TEST_API_KEY } from '../testing/test-app';

let t: TestApp;
let session: Session;
let product: StockedProduct;

const SSCC = '00380123450000000013';

beforeAll(async () => {
  t = await createTestApp();
  session = await t.signIn();
  [product] = (await stockedProducts(t.database.db, 'MI01', 1)) as [StockedProduct];
});
afterAll(() => t?.close());

const intake = (overrides: Parameters<typeof intakeBody>[1]) =>
  t.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { 'x-api-key': TEST_API_KEY },
    payload: intakeBody([{ sku: product.sku, qty: 1 }], { fulfillmentType: 'ship_to_store', ...overrides }),
  });

const push = (mutations: unknown[]) =>
  t.app.inject({
    method: 'POST',
    url: '/api/sync/push',
    headers: bearer(session),
    payload: { clientId: randomUUID(), mutations },
  });

const receive = (orderId: string, code: string, locationCode = 'MI01-A03') =>
  push([{ id: randomUUID(), seq: 1, name: 'order.receive', v: 1, args: { orderId, code, locationCode } }]);

async function reserved(): Promise<number> {
  const [row] = await t.database.db
    .select({ reserved: stock.reserved })
    .from(stock)
    .where(and(eq(stock.storeId, 'MI01'), eq(stock.productId, product.id)));
  return row?.reserved ?? 0;
}

describe('ship-to-store intake', () => {
  it('stores the parcel number normalised and reserves nothing at the store', async () => {
    const before = await reserved();
    const response = await intake({ inbound: { trackingNumber: '(00)380123450000000013' } });
    expect(response.statusCode).toBe(201);
    const [row] = await t.database.db.select().from(orders).where(eq(orders.id, response.json().id));
    expect(row?.inboundTracking).toBe(SSCC);
    expect(await reserved()).toBe(before);
  });

  it.each([
    ['no inbound parcel', {}],
    ['a wrong check digit', { inbound: { trackingNumber: '00380123450000000014' } }],
    ['a product barcode', { inbound: { trackingNumber: '4006381333931' } }],
  ])('refuses a ship-to-store order with %s', async (_case, overrides) => {
    const response = await intake(overrides);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'request.invalid' });
  });

  it('refuses a parcel on an order of another type', async () => {
    const response = await intake({ fulfillmentType: 'pickup', inbound: { trackingNumber: SSCC } });
    expect(response.statusCode).toBe(400);
  });
});

describe('order.receive', () => {
  it('makes the order ready at the shelf and queues the customer notification, in one go', async () => {
    const order = (await intake({ inbound: { trackingNumber: '1Z4V8E64Y6E9000120' } })).json();
    const response = await receive(order.id, '1z4v8e64y6e9000120', 'mi01-a03');
    expect(response.json<PushResponse>().results[0]).toMatchObject({ status: 'applied' });
    const [row] = await t.database.db.select().from(orders).where(eq(orders.id, order.id));
    expect(row).toMatchObject({ status: 'ready', stagingLocation: 'MI01-A03' });
    expect(row?.readyAt).not.toBeNull();
    const notes = await t.database.db
      .select()
      .from(customerNotifications)
      .where(eq(customerNotifications.orderId, order.id))
      .orderBy(customerNotifications.id);
    expect(notes).toEqual([
      expect.objectContaining({ kind: 'ready_for_pickup', storeId: 'MI01', sentAt: null }),
      // The customer gave a phone too: the curbside link goes by text as well.
      expect.objectContaining({ kind: 'curbside_link', storeId: 'MI01', sentAt: null }),
    ]);

    const pulled = (
      await t.app.inject({ url: '/api/sync/pull', headers: bearer(session) })
    ).json<PullResponse>();
    expect(pulled.orders.find((o) => o.id === order.id)).toMatchObject({
      status: 'ready',
      inboundTracking: '1Z4V8E64Y6E9000120',
    });
  });

  it('refuses the wrong parcel, an unknown shelf and a second receipt, writing nothing', async () => {
    const order = (await intake({ inbound: { trackingNumber: SSCC } })).json();
    const wrong = await receive(order.id, '00380123450000000020');
    expect(wrong.json<PushResponse>().results[0]).toMatchObject({
      status: 'rejected',
      error: { code: 'receive.wrongParcel' },
    });
    const shelf = await receive(order.id, SSCC, 'MI01-Z99');
    expect(shelf.json<PushResponse>().results[0]?.error?.code).toBe('staging.unknownLocation');
    const [row] = await t.database.db.select().from(orders).where(eq(orders.id, order.id));
    expect(row).toMatchObject({ status: 'new', stagingLocation: null });
    const notes = await t.database.db
      .select()
      .from(customerNotifications)
      .where(eq(customerNotifications.orderId, order.id));
    expect(notes).toEqual([]);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, order.id), eq(auditLog.action, 'order.receive')));
    expect(audits).toEqual([]);

    expect((await receive(order.id, `]C1${SSCC}`)).json<PushResponse>().results[0]?.status).toBe('applied');
    const again = await receive(order.id, SSCC);
    expect(again.json<PushResponse>().results[0]?.error?.code).toBe('order.illegalTransition');
  });
});
