import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { PullResponse, PushResponse } from '../../contract/sync';
import type { DatabaseHandle } from '../db/client';
import {
  auditLog,
  customerNotifications,
  orders,
  stockMovements,
  stores,
  storeSync,
  webhookDeliveries,
} from '../db/schema';
import type { StockedProduct } from '../testing/fixtures';
import { stockedProducts, stockOf } from '../testing/fixtures';
import type { TestApp } from '../testing/test-app';
import { bearer, createTestApp } from '../testing/test-app';
import { openSecondHandle, testDatabaseKind } from '../testing/test-database';
import { expireOverdueOrders } from './expire-orders';

const DAY = 86_400_000;

let t: TestApp;
let session: Session;
let products: StockedProduct[];
let nextProduct = 0;

beforeAll(async () => {
  t = await createTestApp();
  session = await t.signIn();
  products = await stockedProducts(t.database.db, 'MI01', 20, 4);
});
afterAll(() => t?.close());

function post(url: string, payload: unknown = {}) {
  return t.app.inject({ method: 'POST', url, headers: bearer(session), payload: payload as object });
}

/** A pickup order of 2 units, both picked and staged, made ready `daysAgo` days ago. */
async function readySince(daysAgo: number) {
  const product = products[nextProduct++]!;
  const before = await stockOf(t.database.db, 'MI01', product.id);
  const order = await t.placeOrder([{ sku: product.sku, qty: 2 }]);
  await post(`/api/orders/${order.id}/claim`);
  await post(`/api/orders/${order.id}/pick`, { code: product.barcode, qty: 2 });
  expect(
    (await post(`/api/orders/${order.id}/stage`, { locationCode: 'MI01-A05', shareShelf: true })).statusCode,
  ).toBe(200);
  await t.database.db
    .update(orders)
    .set({ readyAt: new Date(Date.now() - daysAgo * DAY).toISOString() })
    .where(eq(orders.id, order.id));
  return { order, product, before };
}

async function orderRow(id: string) {
  const [row] = await t.database.db.select().from(orders).where(eq(orders.id, id));
  return row!;
}

// The fixture's customer gave an e-mail and a phone: a ready order also texts the curbside link.
const kindsFor = async (orderId: string) =>
  (
    await t.database.db
      .select({ kind: customerNotifications.kind })
      .from(customerNotifications)
      .where(eq(customerNotifications.orderId, orderId))
      .orderBy(customerNotifications.id)
  ).map((row) => row.kind);

const storeVersion = async () =>
  (await t.database.db.select().from(storeSync).where(eq(storeSync.storeId, 'MI01')))[0]?.version ?? 0;

describe('expireOverdueOrders', () => {
  it('expires an order ready past the hold: stock released, customer and platform told, audited', async () => {
    const overdue = await readySince(8);
    const recent = await readySince(3);
    const version = await storeVersion();
    const now = new Date();

    const run = await expireOverdueOrders(t.database.db, now);
    expect(run.expired).toContain(overdue.order.id);
    expect(run.expired).not.toContain(recent.order.id);
    expect(run.failures).toEqual([]);

    const expired = await orderRow(overdue.order.id);
    expect(expired.status).toBe('expired');
    expect(new Date(expired.expiredAt!.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')).getTime()).toBe(
      now.getTime(),
    );
    // The store's change number advanced with it, so its devices pull the change.
    expect(expired.syncVersion).toBeGreaterThan(version);
    expect(await storeVersion()).toBeGreaterThan(version);
    const pulled = (
      await t.app.inject({ url: '/api/sync/pull', headers: bearer(session) })
    ).json<PullResponse>();
    expect(pulled.orders.find((o) => o.id === overdue.order.id)?.status).toBe('expired');

    // The reservation is gone; the picked units, still on the staging shelf, count on hand.
    expect(await stockOf(t.database.db, 'MI01', overdue.product.id)).toEqual(overdue.before);
    const moves = await t.database.db
      .select()
      .from(stockMovements)
      .where(and(eq(stockMovements.orderId, overdue.order.id), eq(stockMovements.reason, 'order.expire')));
    expect(moves).toEqual([expect.objectContaining({ deltaOnHand: 0, deltaReserved: -2 })]);
    // …and they are a put-back task, which the associate confirms as for a cancel.
    const putBack = await post('/api/sync/push', {
      clientId: randomUUID(),
      mutations: [
        { id: randomUUID(), seq: 1, name: 'order.putBack', v: 1, args: { orderId: overdue.order.id } },
      ],
    });
    expect(putBack.json<PushResponse>().results[0]?.status).toBe('applied');

    expect(await kindsFor(overdue.order.id)).toEqual(['ready_for_pickup', 'curbside_link', 'order_expired']);
    const [hook] = await t.database.db
      .select()
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.orderId, overdue.order.id),
          eq(webhookDeliveries.eventType, 'order.expired'),
        ),
      );
    expect(hook?.payload).toMatchObject({
      type: 'order.expired',
      order: { id: overdue.order.id, status: 'expired' },
      data: { expiredAt: now.toISOString() },
    });
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, overdue.order.id), eq(auditLog.action, 'order.expire')));
    expect(audit).toMatchObject({ actorType: 'system', actorId: 'expiry', storeId: 'MI01' });
    expect(audit?.details).toMatchObject({ from: 'ready', to: 'expired' });

    // One ready for less than the hold waits, untouched.
    expect((await orderRow(recent.order.id)).status).toBe('ready');
    expect((await stockOf(t.database.db, 'MI01', recent.product.id)).reserved).toBe(
      recent.before.reserved + 2,
    );
    expect(await kindsFor(recent.order.id)).toEqual(['ready_for_pickup', 'curbside_link']);

    // A second run finds nothing more to do for it.
    expect((await expireOverdueOrders(t.database.db, new Date())).expired).not.toContain(overdue.order.id);
    expect(await kindsFor(overdue.order.id)).toEqual(['ready_for_pickup', 'curbside_link', 'order_expired']);
  });

  it('reminds once, a day before the hold ends', async () => {
    const lastDay = await readySince(6.5);
    const early = await readySince(5);
    const first = await expireOverdueOrders(t.database.db, new Date());
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    await expireOverdueOrders(t.database.db, new Date());
    expect(await kindsFor(lastDay.order.id)).toEqual([
      'ready_for_pickup',
      'curbside_link',
      'pickup_reminder',
    ]);
    expect(await kindsFor(early.order.id)).toEqual(['ready_for_pickup', 'curbside_link']);
    const [reminder] = await t.database.db
      .select()
      .from(customerNotifications)
      .where(
        and(
          eq(customerNotifications.orderId, lastDay.order.id),
          eq(customerNotifications.kind, 'pickup_reminder'),
        ),
      );
    expect(reminder?.payload).toMatchObject({ number: lastDay.order.number, language: 'it' });
    expect((await orderRow(lastDay.order.id)).status).toBe('ready');
  });

  it('follows the store setting', async () => {
    const order = await readySince(2.5);
    expect((await expireOverdueOrders(t.database.db, new Date())).expired).not.toContain(order.order.id);
    await t.database.db.update(stores).set({ pickupHoldDays: 2 }).where(eq(stores.id, 'MI01'));
    try {
      expect((await expireOverdueOrders(t.database.db, new Date())).expired).toContain(order.order.id);
    } finally {
      await t.database.db.update(stores).set({ pickupHoldDays: 7 }).where(eq(stores.id, 'MI01'));
    }
    const [seeded] = await t.database.db
      .select({ days: stores.pickupHoldDays })
      .from(stores)
      .where(eq(stores.id, 'MI02'));
    expect(seeded?.days).toBe(7);
  });

  it('expires an order once when two instances run the job together', async () => {
    const overdue = await readySince(9);
    let second: DatabaseHandle | undefined;
    try {
      second = testDatabaseKind() === 'postgres' ? await openSecondHandle(t.database) : undefined;
      const runs = await Promise.all([
        expireOverdueOrders(t.database.db, new Date()),
        expireOverdueOrders((second ?? t.database).db, new Date()),
      ]);
      expect(runs.flatMap((run) => run.failures)).toEqual([]);
      expect(runs.flatMap((run) => run.expired).filter((id) => id === overdue.order.id)).toHaveLength(1);
    } finally {
      await second?.close();
    }
    const [{ n } = { n: 0 }] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(stockMovements)
      .where(and(eq(stockMovements.orderId, overdue.order.id), eq(stockMovements.reason, 'order.expire')));
    expect(n).toBe(1);
    expect(await kindsFor(overdue.order.id)).toEqual(['ready_for_pickup', 'curbside_link', 'order_expired']);
    expect(await stockOf(t.database.db, 'MI01', overdue.product.id)).toEqual(overdue.before);
  });
});
