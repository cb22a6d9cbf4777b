import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { OrderDetail } from '../../contract/orders';
import type { PushResponse } from '../../contract/sync';
import { rerouteExternalId } from '../../domain/reroute';
import { auditLog, customerNotifications, orderLines, orders, refunds, stock } from '../db/schema';
import type { StockedProduct } from '../testing/fixtures';
import { stockedProducts, stockOf } from '../testing/fixtures';
import type { TestApp } from '../testing/test-app';
import { bearer, createTestApp } from '../testing/test-app';

/**
 * Issue 5, point 4: a line picked short at Milano Duomo (MI01) moves to Milano Porta Nuova
 * (MI02) as a new order of the same journey, or is cancelled with the customer told.
 */
let t: TestApp;
let mi01: Session;
let shared: StockedProduct[];
let next = 0;

beforeAll(async () => {
  t = await createTestApp();
  mi01 = await t.signIn({ deviceId: 'reroute-test-mi01' });
  const atMi02 = new Set((await stockedProducts(t.database.db, 'MI02', 200, 3)).map((p) => p.id));
  shared = (await stockedProducts(t.database.db, 'MI01', 200, 3)).filter((p) => atMi02.has(p.id));
});
afterAll(async () => {
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

async function push(clientId: string, mutations: unknown[]) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/sync/push',
    headers: bearer(mi01),
    payload: { clientId, mutations },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<PushResponse>();
}

/** An order of 2 at MI01, one picked and one short, as the device pushes it. */
async function shortOrder() {
  const product = shared[next++]!;
  const order = await t.placeOrder([{ sku: product.sku, qty: 2 }]);
  const detail = (
    await t.app.inject({ url: `/api/orders/${order.id}`, headers: bearer(mi01) })
  ).json<OrderDetail>();
  const lineId = detail.lines[0]!.id;
  const s = stream();
  const done = await push(s.clientId, [
    s.next('order.claim', { orderId: order.id }),
    s.next('pick.confirm', { orderId: order.id, code: product.barcode, qty: 1 }),
    s.next('pick.short', { orderId: order.id, lineId, qty: 1, reason: 'not_found' }),
  ]);
  expect(done.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
  return { product, orderId: order.id, lineId, s };
}

const notificationsOf = (orderId: string) =>
  db().select().from(customerNotifications).where(eq(customerNotifications.orderId, orderId));

describe('order.reroute', () => {
  it('moves the short unit to the other store as a new order of the same journey, once', async () => {
    const { product, orderId, lineId, s } = await shortOrder();
    const before = await stockOf(db(), 'MI02', product.id);
    const reroute = s.next('order.reroute', { rerouteId: randomUUID(), orderId, lineId, toStoreId: 'MI02' });
    const answer = await push(s.clientId, [reroute]);
    expect(answer.results[0]?.status, JSON.stringify(answer.results[0])).toBe('applied');
    const made = answer.results[0]!.result as { orderId: string; orderNumber: string; storeId: string };
    expect(made.storeId).toBe('MI02');

    const [moved] = await db().select().from(orders).where(eq(orders.id, made.orderId));
    const [original] = await db().select().from(orders).where(eq(orders.id, orderId));
    expect(moved).toMatchObject({
      storeId: 'MI02',
      journeyId: orderId,
      customerName: original!.customerName,
    });
    expect(original!.journeyId).toBe(orderId);
    expect((await stockOf(db(), 'MI02', product.id)).reserved).toBe(before.reserved + 1);
    const [line] = await db().select().from(orderLines).where(eq(orderLines.id, lineId));
    expect(line!.reroutedTo).toBe(made.orderId);
    const told = await notificationsOf(orderId);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ kind: 'line_rerouted', payload: { qty: 1, sku: product.sku } });
    const audits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, orderId), eq(auditLog.action, 'order.reroute')));
    expect(audits).toHaveLength(1);

    // The views carry the move and the journey.
    const detail = (
      await t.app.inject({ url: `/api/orders/${orderId}`, headers: bearer(mi01) })
    ).json<OrderDetail>();
    expect(detail.lines[0]!.reroutedTo).toMatchObject({ orderId: made.orderId, storeId: 'MI02' });
    expect(detail.journey).toEqual([expect.objectContaining({ id: made.orderId, storeId: 'MI02' })]);

    // A resend of the same command (the acknowledgement was lost) and a new try change nothing.
    const again = await push(s.clientId, [reroute]);
    expect(again.results[0]?.status).toBe('duplicate');
    const retry = await push(s.clientId, [
      s.next('order.reroute', { ...(reroute.args as object), orderId, lineId }),
      s.next('order.reroute', { rerouteId: randomUUID(), orderId, lineId, toStoreId: 'MI02' }),
    ]);
    expect(retry.results[0]?.status).toBe('applied');
    expect(retry.results[0]?.result).toEqual(made);
    expect(retry.results[1]?.error?.code).toBe('reroute.nothingToResolve');
    expect(await notificationsOf(orderId)).toHaveLength(1);
    expect((await stockOf(db(), 'MI02', product.id)).reserved).toBe(before.reserved + 1);
  });

  it('is refused when the other store no longer has the unit, and writes nothing', async () => {
    const { product, orderId, lineId, s } = await shortOrder();
    await db()
      .update(stock)
      .set({ reserved: sql`${stock.onHand}` })
      .where(and(eq(stock.storeId, 'MI02'), eq(stock.productId, product.id)));
    const before = await stockOf(db(), 'MI02', product.id);
    const rerouteId = randomUUID();
    const answer = await push(s.clientId, [
      s.next('order.reroute', { rerouteId, orderId, lineId, toStoreId: 'MI02' }),
    ]);
    expect(answer.results[0]?.status).toBe('rejected');
    expect(answer.results[0]?.error?.code).toBe('stock.notAvailable');
    expect(
      await db()
        .select()
        .from(orders)
        .where(eq(orders.externalId, rerouteExternalId(rerouteId))),
    ).toEqual([]);
    const [original] = await db().select().from(orders).where(eq(orders.id, orderId));
    expect(original!.journeyId).toBeNull();
    const [line] = await db().select().from(orderLines).where(eq(orderLines.id, lineId));
    expect(line!.reroutedTo).toBeNull();
    expect(await notificationsOf(orderId)).toEqual([]);
    expect(await stockOf(db(), 'MI02', product.id)).toEqual(before);
  });
  it('refunds at staging a unit shorted after the re-route of its line, and only it', async () => {
    const product = shared[next++]!;
    const order = await t.placeOrder([{ sku: product.sku, qty: 3 }], {
      lines: [{ sku: product.sku, qty: 3, unitPriceCents: 1250 }],
    });
    const detail = (
      await t.app.inject({ url: `/api/orders/${order.id}`, headers: bearer(mi01) })
    ).json<OrderDetail>();
    const lineId = detail.lines[0]!.id;
    const s = stream();
    const answer = await push(s.clientId, [
      s.next('order.claim', { orderId: order.id }),
      s.next('pick.confirm', { orderId: order.id, code: product.barcode, qty: 1 }),
      s.next('pick.short', { orderId: order.id, lineId, qty: 1, reason: 'not_found' }),
      s.next('order.reroute', { rerouteId: randomUUID(), orderId: order.id, lineId, toStoreId: 'MI02' }),
      // The last unit turns out damaged after the first one moved.
      s.next('pick.short', { orderId: order.id, lineId, qty: 1, reason: 'damaged' }),
      { ...s.next('order.stage', { orderId: order.id, locationCode: 'MI01-A02', shareShelf: true }), v: 2 },
    ]);
    expect(answer.results.map((r) => r.error?.code ?? r.status)).toEqual(Array(6).fill('applied'));
    const paid = await db().select().from(refunds).where(eq(refunds.orderId, order.id));
    expect(paid.map((r) => [r.refundKey, r.totalCents])).toEqual([[`substitution:${order.id}`, 1250]]);
  });
});

describe('order.cancelLine', () => {
  it('keeps the short units cancelled and tells the customer once', async () => {
    const { product, orderId, lineId, s } = await shortOrder();
    const answer = await push(s.clientId, [
      s.next('order.cancelLine', { orderId, lineId }),
      s.next('order.cancelLine', { orderId, lineId }),
    ]);
    expect(answer.results.map((r) => r.status)).toEqual(['applied', 'rejected']);
    expect(answer.results[1]?.error?.code).toBe('reroute.nothingToResolve');
    const told = await notificationsOf(orderId);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      kind: 'line_cancelled',
      payload: { lineId, sku: product.sku, qty: 1, reason: 'not_found' },
    });
    const detail = (
      await t.app.inject({ url: `/api/orders/${orderId}`, headers: bearer(mi01) })
    ).json<OrderDetail>();
    expect(detail.lines[0]).toMatchObject({ customerNotified: true, reroutedTo: null });
  });
});
