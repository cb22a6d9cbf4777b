import { randomUUID } from 'node:crypto';
import { and, eq, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { StoreAssociatesResponse } from '../../contract/manager';
import type { OrderDetail } from '../../contract/orders';
import { auditLog, associates, orders, storeSync } from '../db/schema';
import type { StockedProduct } from '../testing/fixtures';
import { stockedProducts } from '../testing/fixtures';
import type { TestApp } from '../testing/test-app';
import { bearer, createTestApp } from '../testing/test-app';
import { loadKpiReport } from './kpi-repository';

let t: TestApp;
let manager: Session;
let associate: Session;
let products: StockedProduct[];
let nextProduct = 0;

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signIn({ employeeId: '1000', pin: '9999' });
  associate = await t.signIn({ employeeId: '1002', pin: '1234', deviceId: 'test-device-0002' });
  products = await stockedProducts(t.database.db, 'MI01', 20, 4);
});
afterAll(() => t?.close());

const product = () => products[nextProduct++ % products.length]!;

function assign(session: Session, orderId: string, associateId: string | null) {
  return t.app.inject({
    method: 'POST',
    url: `/api/manager/orders/${orderId}/assign`,
    headers: bearer(session),
    payload: { associateId },
  });
}

async function storeVersion(storeId: string): Promise<number> {
  const [row] = await t.database.db.select().from(storeSync).where(eq(storeSync.storeId, storeId));
  return Number(row?.version ?? 0);
}

describe('assigning orders', () => {
  it('lists the store’s active associates to a manager only', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/manager/associates',
      headers: bearer(manager),
    });
    expect(response.statusCode).toBe(200);
    const { associates: list } = response.json<StoreAssociatesResponse>();
    expect(list.map((a) => a.employeeId).sort()).toEqual(['1000', '1001', '1002', '1003', '1004']);
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/manager/associates',
      headers: bearer(associate),
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'auth.forbidden' });
  });

  it('assigns, reassigns and unassigns, audited, with a new store version for the devices', async () => {
    const order = await t.placeOrder([{ sku: product().sku, qty: 2 }], {
      promisedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    });
    const before = await storeVersion('MI01');

    const first = await assign(manager, order.id, associate.associate.id);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<OrderDetail>().assignedTo).toEqual({
      id: associate.associate.id,
      name: associate.associate.name,
    });
    expect(await storeVersion('MI01')).toBeGreaterThan(before);

    const [other] = await t.database.db
      .select({ id: associates.id })
      .from(associates)
      .where(and(eq(associates.storeId, 'MI01'), eq(associates.employeeId, '1003')));
    const second = await assign(manager, order.id, other!.id);
    expect(second.json<OrderDetail>().assignedTo?.id).toBe(other!.id);

    const cleared = await assign(manager, order.id, null);
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json<OrderDetail>().assignedTo).toBeNull();

    const trail = await t.database.db
      .select({ action: auditLog.action, actorId: auditLog.actorId, details: auditLog.details })
      .from(auditLog)
      .where(eq(auditLog.entityId, order.id))
      .orderBy(auditLog.id);
    expect(trail.filter((row) => row.action.includes('assign'))).toEqual([
      {
        action: 'order.assign',
        actorId: manager.associate.id,
        details: { from: null, to: associate.associate.id },
      },
      {
        action: 'order.assign',
        actorId: manager.associate.id,
        details: { from: associate.associate.id, to: other!.id },
      },
      { action: 'order.unassign', actorId: manager.associate.id, details: { from: other!.id, to: null } },
    ]);

    // The associate's queue names the assignee.
    await assign(manager, order.id, associate.associate.id);
    const queue = await t.app.inject({ method: 'GET', url: '/api/queue', headers: bearer(associate) });
    const row = queue.json<{ orders: OrderDetail[] }>().orders.find((o) => o.id === order.id);
    expect(row?.assignedTo?.id).toBe(associate.associate.id);
  });

  it('refuses an associate (403), another store’s order (404) and an unknown associate (422)', async () => {
    const order = await t.placeOrder([{ sku: product().sku, qty: 1 }]);

    const asAssociate = await assign(associate, order.id, associate.associate.id);
    expect(asAssociate.statusCode).toBe(403);
    expect(asAssociate.json()).toMatchObject({ code: 'auth.forbidden' });

    const [foreign] = await t.database.db
      .select({ id: orders.id })
      .from(orders)
      .where(ne(orders.storeId, 'MI01'))
      .limit(1);
    const otherStore = await assign(manager, foreign!.id, associate.associate.id);
    expect(otherStore.statusCode).toBe(404);
    expect(otherStore.json()).toMatchObject({ code: 'order.notFound' });

    const unknown = await assign(manager, order.id, randomUUID());
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'manager.unknownAssociate' });

    const [foreignAssociate] = await t.database.db
      .select({ id: associates.id })
      .from(associates)
      .where(ne(associates.storeId, 'MI01'))
      .limit(1);
    const wrongStore = await assign(manager, order.id, foreignAssociate!.id);
    expect(wrongStore.statusCode).toBe(422);
    expect(wrongStore.json()).toMatchObject({ code: 'manager.unknownAssociate' });

    const badBody = await t.app.inject({
      method: 'POST',
      url: `/api/manager/orders/${order.id}/assign`,
      headers: bearer(manager),
      payload: { associateId: 'nobody' },
    });
    expect(badBody.statusCode).toBe(400);
  });

  it('refuses to assign a closed order with 409', async () => {
    const order = await t.placeOrder([{ sku: product().sku, qty: 1 }]);
    await t.database.db
      .update(orders)
      .set({ status: 'cancelled', cancelledAt: sql`now()` })
      .where(eq(orders.id, order.id));
    const response = await assign(manager, order.id, associate.associate.id);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'manager.orderClosed' });
  });
});

describe('KPIs', () => {
  // A day far from the seeded history, so the figures of that day are only these orders'.
  const NOW = new Date('2030-03-12T17:00:00Z'); // 18:00 in Milan
  const at = (hhmm: string) => `2030-03-12T${hhmm}:00+01:00`;

  beforeAll(async () => {
    const db = t.database.db;
    const place = async (qty: number, promised: string, times: Partial<typeof orders.$inferInsert>) => {
      const placed = await t.placeOrder([{ sku: product().sku, qty }], {
        promisedAt: promised,
      });
      await db.update(orders).set(times).where(eq(orders.id, placed.id));
      return placed;
    };
    // Picked in 10 min, ready 20 min ahead, collected: 2 × 19.90 €.
    await place(2, at('12:00'), {
      status: 'collected',
      claimedAt: at('11:20'),
      pickedAt: at('11:30'),
      readyAt: at('11:40'),
      collectedAt: at('16:00'),
    });
    // Picked in 30 min, ready 15 min late, waiting on the shelf.
    await place(1, at('14:00'), {
      status: 'ready',
      claimedAt: at('13:45'),
      pickedAt: at('14:15'),
      readyAt: at('14:15'),
    });
    // Late and still new.
    await place(1, at('15:00'), { status: 'new' });
    await db.execute(
      sql`update order_lines set qty_picked = qty_ordered where order_id in (select id from orders where picked_at >= ${at('00:00')} and picked_at < ${at('23:59')})`,
    );
  });

  it('computes the day’s figures in the store’s time zone', async () => {
    const report = await loadKpiReport(t.database.db, 'MI01', 'day', NOW);
    expect(report.timeZone).toBe('Europe/Rome');
    expect(report.from).toBe('2030-03-11T23:00:00.000Z');
    expect(report.timeToPick).toEqual({ orders: 2, medianMinutes: 20, averageMinutes: 20 });
    expect(report.readyVsPromise).toMatchObject({ orders: 2, medianMinutesAhead: 2.5 });
    expect(report.onTime).toEqual({ due: 3, onTime: 1, late: 2, percent: 33.3 });
    expect(report.pickAccuracy).toEqual({ unitsExpected: 3, unitsPicked: 3, percent: 100 });
    expect(report.shortPick.percent).toBe(0);
    expect(report.sales).toEqual({ orders: 1, cents: 3980 });
    expect(report.buckets).toHaveLength(24);
    expect(report.buckets.find((b) => b.key === '2030-03-12T16')).toMatchObject({ salesCents: 3980 });
  });

  it('exports CSV with a byte-order mark, to managers only', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/manager/kpis.csv?range=week',
      headers: bearer(manager),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="kpis-MI01-week-/);
    expect(response.body.charCodeAt(0)).toBe(0xfeff);
    const lines = response.body.slice(1).split('\r\n');
    expect(lines[0]).toBe('range,week,Europe/Rome');
    expect(lines).toContain('kpi,value,unit');
    expect(lines.some((line) => line.startsWith('online_sales,'))).toBe(true);
    expect(lines.filter((line) => /^\d{4}-\d\d-\d\d,/.test(line))).toHaveLength(7);

    const json = await t.app.inject({
      method: 'GET',
      url: '/api/manager/kpis?range=day',
      headers: bearer(manager),
    });
    expect(json.statusCode).toBe(200);
    expect(json.json()).toMatchObject({ range: 'day' });

    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/manager/kpis.csv?range=day',
      headers: bearer(associate),
    });
    expect(refused.statusCode).toBe(403);
    const badRange = await t.app.inject({
      method: 'GET',
      url: '/api/manager/kpis.csv?range=year',
      headers: bearer(manager),
    });
    expect(badRange.statusCode).toBe(400);
  });
});
