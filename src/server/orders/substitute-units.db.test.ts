import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandActor } from '../../commands/order-tx';
import type { Session } from '../../contract/auth';
import type { IntakeOrderBody, OrderDetail } from '../../contract/orders';
import type { PushResponse } from '../../contract/sync';
import { runCommands } from '../core/run-commands';
import { auditLog, orders } from '../db/schema';
import type { StockedProduct } from '../testing/fixtures';
import { intakeBody, stockedProducts, stockOf } from '../testing/fixtures';
import type { TestApp } from '../testing/test-app';
import { bearer, createTestApp, TEST_API_KEY } from '../testing/test-app';
import { expireOverdueOrders } from './expire-orders';

// Issue 15: a kept substitute's units are the order's units on the shelf, under their own
// product. They left the stock when kept, so an order that ends without its customer gives them
// back to the shelf count, and its put-back task counts them (src/domain/order-stock.ts).

let t: TestApp;
let associate: Session;
let manager: Session;
let products: StockedProduct[];
let next = 0;

beforeAll(async () => {
  t = await createTestApp();
  associate = await t.signIn({ employeeId: '1001', deviceId: 'subst-units-picker' });
  manager = await t.signIn({ employeeId: '1000', pin: '9999', deviceId: 'subst-units-manager' });
  products = await stockedProducts(t.database.db, 'MI01', 6, 6);
});
afterAll(() => t?.close());

/** A fresh pair of products per test, so one test's stock never moves another's figures. */
function pair(): [StockedProduct, StockedProduct] {
  const got = [products[next]!, products[next + 1]!] as [StockedProduct, StockedProduct];
  next += 2;
  return got;
}

const act = (orderId: string, action: string, payload: object = {}, session = associate) =>
  t.app.inject({
    method: 'POST',
    url: `/api/orders/${orderId}/${action}`,
    headers: bearer(session),
    payload,
  });

async function place(
  ordered: StockedProduct,
  mode: 'similar' | 'ask',
  qty: number,
  unitPriceCents = 5000,
): Promise<OrderDetail> {
  const body: IntakeOrderBody = intakeBody([], {
    lines: [{ sku: ordered.sku, qty, unitPriceCents }],
    substitution: { mode },
  });
  const answer = await t.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { 'x-api-key': TEST_API_KEY },
    payload: body,
  });
  expect(answer.statusCode, answer.body).toBe(201);
  const id = answer.json<{ id: string }>().id;
  expect((await act(id, 'claim')).statusCode).toBe(200);
  return (await t.app.inject({ url: `/api/orders/${id}`, headers: bearer(associate) })).json<OrderDetail>();
}

async function putBack(orderId: string) {
  const pushed = await t.app.inject({
    method: 'POST',
    url: '/api/sync/push',
    headers: bearer(associate),
    payload: {
      clientId: randomUUID(),
      mutations: [{ id: randomUUID(), seq: 1, name: 'order.putBack', v: 1, args: { orderId } }],
    },
  });
  expect(pushed.statusCode, pushed.body).toBe(200);
  return pushed.json<PushResponse>().results[0]!;
}

async function putBackUnits(orderId: string) {
  const [audit] = await t.database.db
    .select({ details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.entityId, orderId), eq(auditLog.action, 'order.putBack')));
  return (audit?.details as { units?: number } | undefined)?.units;
}

const customer: CommandActor = {
  type: 'customer',
  id: 'customer',
  name: 'Chiara Test',
  storeId: 'MI01',
  role: 'customer',
  deviceId: null,
};

describe('a kept substitute of an order that ends without its customer', () => {
  it('a cancel puts its units back on the shelf count, and the put-back counts them', async () => {
    const [ordered, sub] = pair();
    const start = {
      ordered: await stockOf(t.database.db, 'MI01', ordered.id),
      sub: await stockOf(t.database.db, 'MI01', sub.id),
    };
    // Ordered dearer than the substitute: within the price rule, picked at once.
    const order = await place(ordered, 'similar', 3, sub.priceCents + 100);
    const lineId = order.lines[0]!.id;
    expect((await act(order.id, 'pick', { code: ordered.barcode, qty: 1 })).statusCode).toBe(200);
    const substituted = await act(order.id, 'substitute', { lineId, code: sub.barcode, qty: 2 });
    expect(substituted.statusCode, substituted.body).toBe(200);
    expect(substituted.json<OrderDetail>().lines[0]!.substitute).toMatchObject({ status: 'picked', qty: 2 });
    // Kept: the substitute's two units left the stock.
    expect((await stockOf(t.database.db, 'MI01', sub.id)).onHand).toBe(start.sub.onHand - 2);

    const cancel = await act(order.id, 'cancel', { reason: 'customer_request' }, manager);
    expect(cancel.statusCode, cancel.body).toBe(200);
    // Both products are as they were: the ordered unit was only ever reserved, and the
    // substitute's units are in the tote, sellable again.
    expect(await stockOf(t.database.db, 'MI01', sub.id)).toMatchObject({
      onHand: start.sub.onHand,
      reserved: start.sub.reserved,
    });
    expect(await stockOf(t.database.db, 'MI01', ordered.id)).toMatchObject({
      onHand: start.ordered.onHand,
      reserved: start.ordered.reserved,
    });
    const task = await putBack(order.id);
    expect(task.status, JSON.stringify(task)).toBe('applied');
    expect(await putBackUnits(order.id)).toBe(3);
  });

  it('an order of substitutes only still has a put-back when cancelled', async () => {
    const [ordered, sub] = pair();
    const before = await stockOf(t.database.db, 'MI01', sub.id);
    const order = await place(ordered, 'similar', 1, sub.priceCents + 100);
    const substituted = await act(order.id, 'substitute', {
      lineId: order.lines[0]!.id,
      code: sub.barcode,
      qty: 1,
    });
    expect(substituted.json<OrderDetail>().status).toBe('picked');
    expect((await act(order.id, 'cancel', { reason: 'customer_request' }, manager)).statusCode).toBe(200);
    expect((await stockOf(t.database.db, 'MI01', sub.id)).onHand).toBe(before.onHand);
    expect((await putBack(order.id)).status).toBe('applied');
    expect(await putBackUnits(order.id)).toBe(1);
  });

  it('an expiry gives an accepted substitute back to the shelf count, for the put-back', async () => {
    const [ordered, sub] = pair();
    const before = await stockOf(t.database.db, 'MI01', sub.id);
    const order = await place(ordered, 'ask', 1);
    const lineId = order.lines[0]!.id;
    expect((await act(order.id, 'substitute', { lineId, code: sub.barcode, qty: 1 })).statusCode).toBe(200);
    await t.database.db.transaction((tx) =>
      runCommands(tx, customer, [
        { name: 'substitution.decide', args: { orderId: order.id, lineId, accept: true } },
      ]),
    );
    expect((await stockOf(t.database.db, 'MI01', sub.id)).onHand).toBe(before.onHand - 1);
    const staged = await act(order.id, 'stage', { locationCode: 'MI01-A01', shareShelf: true });
    expect(staged.statusCode, staged.body).toBe(200);
    await t.database.db
      .update(orders)
      .set({ readyAt: new Date(Date.now() - 30 * 86_400_000).toISOString() })
      .where(eq(orders.id, order.id));
    expect((await expireOverdueOrders(t.database.db, new Date())).expired).toContain(order.id);
    expect((await stockOf(t.database.db, 'MI01', sub.id)).onHand).toBe(before.onHand);
    expect((await putBack(order.id)).status).toBe('applied');
    expect(await putBackUnits(order.id)).toBe(1);
  });
});
