import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandActor } from '../../commands/order-tx';
import type { Session } from '../../contract/auth';
import type { IntakeOrderBody, OrderDetail } from '../../contract/orders';
import type { PullResponse, PushResponse } from '../../contract/sync';
import { runCommands } from '../core/run-commands';
import { customerNotifications, orders, paymentLedger, refunds, webhookDeliveries } from '../db/schema';
import type { StockedProduct } from '../testing/fixtures';
import { intakeBody, stockedProducts } from '../testing/fixtures';
import type { TestApp } from '../testing/test-app';
import { bearer, createTestApp, TEST_API_KEY, TEST_JWT_SECRET } from '../testing/test-app';
import { curbsideKey, signCurbsideToken } from '../curbside/curbside-token';
import type { CurbsideView } from '../../contract/curbside';

/**
 * Issue 15, point 3: money follows the substitutes. Once every answer is in (at staging) the
 * difference of a cheaper substitute, the price of a declined one and the price of a removed item
 * go back through the payment adapter, once, and never more than the customer paid.
 */
let t: TestApp;
let associate: Session;
let products: StockedProduct[];

beforeAll(async () => {
  t = await createTestApp();
  associate = await t.signIn({ employeeId: '1001', deviceId: 'subst-money' });
  products = await stockedProducts(t.database.db, 'MI01', 4, 4);
});
afterAll(() => t?.close());

const act = async (orderId: string, action: string, payload: object = {}) => {
  const answer = await t.app.inject({
    method: 'POST',
    url: `/api/orders/${orderId}/${action}`,
    headers: bearer(associate),
    payload,
  });
  expect(answer.statusCode, `${action}: ${answer.body}`).toBe(200);
  return answer.json<OrderDetail>();
};

async function place(overrides: Partial<IntakeOrderBody>): Promise<OrderDetail> {
  const answer = await t.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { 'x-api-key': TEST_API_KEY },
    payload: intakeBody([], { payment: { method: 'card', reference: 'PAY-SUB' }, ...overrides }),
  });
  expect(answer.statusCode, answer.body).toBe(201);
  return act(answer.json<{ id: string }>().id, 'claim');
}

const decline = (order: OrderDetail, lineId: string) =>
  t.database.db.transaction((tx) =>
    runCommands(
      tx,
      {
        type: 'customer',
        id: 'c',
        name: 'c',
        storeId: 'MI01',
        role: 'customer',
        deviceId: null,
      } as CommandActor,
      [{ name: 'substitution.decide', args: { orderId: order.id, lineId, accept: false } }],
    ),
  );

/** What the platform was told of the order's refunds (`order.refunded`), as the data of each event. */
async function refundEvents(orderId: string): Promise<unknown[]> {
  const rows = await t.database.db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.orderId, orderId), eq(webhookDeliveries.eventType, 'order.refunded')));
  return rows.map((w) => (w.payload as { data: unknown }).data);
}

async function refunded(orderId: string) {
  const rows = await t.database.db.select().from(refunds).where(eq(refunds.orderId, orderId));
  const ledger = await t.database.db.select().from(paymentLedger).where(eq(paymentLedger.orderId, orderId));
  const [order] = await t.database.db.select().from(orders).where(eq(orders.id, orderId));
  return { rows, ledger, paid: order!.totalCents };
}

describe('refunds of substitutes', () => {
  it('pays the differences and the declined units once, at staging, within what was paid', async () => {
    const [a, b, c, s] = products as [StockedProduct, StockedProduct, StockedProduct, StockedProduct];
    const order = await place({
      substitution: { mode: 'similar' },
      discounts: [{ code: 'WELCOME', cents: 300 }],
      lines: [
        { sku: a.sku, qty: 2, unitPriceCents: s.priceCents + 200 },
        { sku: b.sku, qty: 1, unitPriceCents: 2000, substitution: { mode: 'ask' } },
        { sku: c.sku, qty: 1, unitPriceCents: 1000 },
      ],
    });
    const line = (sku: string) => order.lines.find((l) => l.sku === sku)!;
    await act(order.id, 'substitute', { lineId: line(a.sku).id, code: s.barcode, qty: 2 });
    await act(order.id, 'substitute', { lineId: line(b.sku).id, code: s.barcode, qty: 1 });
    await decline(order, line(b.sku).id);
    await act(order.id, 'pick', { code: c.barcode, qty: 1 });
    expect((await refunded(order.id)).rows).toEqual([]);

    // Staged from a device's push, then the same push again (a retry): one refund.
    await stagePushedTwice(order.id);

    const { rows, ledger, paid } = await refunded(order.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      refundKey: `substitution:${order.id}`,
      returnId: null,
      totalCents: 2 * 200 + 2000,
      shippingCents: 0,
      payment: { method: 'card', reference: 'PAY-SUB' },
    });
    expect(ledger.map((e) => e.amountCents)).toEqual([2400]);
    // The associate's screens read it from the order, through the API and the devices' pull.
    const shown = { totalCents: 2400, currency: 'EUR', refundedAt: expect.any(String) };
    const detail = await t.app.inject({ url: `/api/orders/${order.id}`, headers: bearer(associate) });
    expect(detail.json<OrderDetail>().substitutionRefund).toEqual(shown);
    const pulled = await t.app.inject({ url: '/api/sync/pull', headers: bearer(associate) });
    expect(pulled.json<PullResponse>().orders.find((o) => o.id === order.id)?.substitutionRefund).toEqual(
      shown,
    );
    expect(rows.reduce((sum, r) => sum + r.totalCents, 0)).toBeLessThanOrEqual(paid);
    // The platform is told once what Aisle paid back, line by line, so it does not pay it again.
    const told = await refundEvents(order.id);
    expect(told).toHaveLength(1);
    expect(told[0]).toEqual({
      refundKey: `substitution:${order.id}`,
      refundCents: 2400,
      lines: [
        { lineId: line(a.sku).id, status: 'picked', qty: 2, refundCents: 400 },
        { lineId: line(b.sku).id, status: 'declined', qty: 1, refundCents: 2000 },
      ],
    });

    // The ready e-mail lists both substitutes: the one kept, and the one removed and refunded.
    const [ready] = await t.database.db
      .select()
      .from(customerNotifications)
      .where(
        and(eq(customerNotifications.orderId, order.id), eq(customerNotifications.kind, 'ready_for_pickup')),
      );
    expect((ready?.payload as { substitutions?: unknown[] }).substitutions).toEqual([
      expect.objectContaining({ orderedSku: a.sku, qty: 2, status: 'picked' }),
      expect.objectContaining({ orderedSku: b.sku, qty: 1, status: 'declined' }),
    ]);
    // So does the curbside page.
    const token = signCurbsideToken(curbsideKey(TEST_JWT_SECRET), order.id, new Date(Date.now() + 3_600_000));
    const curbside = await t.app.inject({ method: 'GET', url: `/api/curbside/${token}` });
    expect(curbside.json<CurbsideView>().substitutions).toEqual([
      expect.objectContaining({ qty: 2, status: 'picked' }),
      expect.objectContaining({ qty: 1, status: 'declined' }),
    ]);
  });

  it('refunds nothing for a dearer substitute within the rule, and never more than a discounted order cost', async () => {
    const [a, b, , s] = products as [StockedProduct, StockedProduct, StockedProduct, StockedProduct];
    const dearer = await place({
      substitution: { mode: 'similar' },
      lines: [{ sku: a.sku, qty: 1, unitPriceCents: s.priceCents - 50 }],
    });
    await act(dearer.id, 'substitute', { lineId: dearer.lines[0]!.id, code: s.barcode, qty: 1 });
    await act(dearer.id, 'stage', { locationCode: 'MI01-A03', shareShelf: true });
    expect((await refunded(dearer.id)).rows).toEqual([]);

    // A big coupon: the declined item cost the customer 1.00, not 10.00.
    const discounted = await place({
      substitution: { mode: 'ask' },
      discounts: [{ code: 'BIG', cents: 900 }],
      lines: [
        { sku: a.sku, qty: 1, unitPriceCents: 1000 },
        { sku: b.sku, qty: 1, unitPriceCents: 0 },
      ],
    });
    const first = discounted.lines.find((l) => l.sku === a.sku)!;
    await act(discounted.id, 'substitute', { lineId: first.id, code: s.barcode, qty: 1 });
    await act(discounted.id, 'pick', { code: b.barcode, qty: 1 });
    await act(discounted.id, 'stage', { locationCode: 'MI01-A03', shareShelf: true, withoutPending: true });
    const { rows, paid } = await refunded(discounted.id);
    expect(paid).toBe(100);
    expect(rows.map((r) => r.totalCents)).toEqual([100]);
  });

  it('pays back a removed item once at staging, and then keeps its units from moving', async () => {
    const [a, b] = products as [StockedProduct, StockedProduct];
    const order = await place({
      substitution: { mode: 'none' },
      lines: [
        { sku: a.sku, qty: 2, unitPriceCents: 450 },
        { sku: b.sku, qty: 1, unitPriceCents: 1200 },
      ],
    });
    const short = order.lines.find((l) => l.sku === a.sku)!;
    await act(order.id, 'short', { lineId: short.id, qty: 2, reason: 'not_found' });
    await act(order.id, 'pick', { code: b.barcode, qty: 1 });

    const clientId = await stagePushedTwice(order.id);
    // Staged again by another device's command: refused, and nothing more paid.
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${order.id}/stage`,
      headers: bearer(associate),
      payload: { locationCode: 'MI01-A02', shareShelf: true },
    });
    expect(again.statusCode).toBe(409);

    const { rows, ledger, paid } = await refunded(order.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      refundKey: `substitution:${order.id}`,
      returnId: null,
      totalCents: 900,
      shippingCents: 0,
      lines: [],
      payment: { method: 'card', reference: 'PAY-SUB' },
    });
    expect(ledger.map((e) => e.amountCents)).toEqual([900]);
    expect(paid).toBe(900 + 1200);
    const told = await refundEvents(order.id);
    expect(told).toEqual([
      {
        refundKey: `substitution:${order.id}`,
        refundCents: 900,
        lines: [{ lineId: short.id, status: 'removed', qty: 2, refundCents: 900 }],
      },
    ]);
    const detail = await t.app.inject({ url: `/api/orders/${order.id}`, headers: bearer(associate) });
    expect(detail.json<OrderDetail>().substitutionRefund).toEqual({
      totalCents: 900,
      currency: 'EUR',
      refundedAt: expect.any(String),
    });

    // Refunded, the units cannot also go to the customer from another store.
    const moved = await t.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: bearer(associate),
      payload: {
        clientId,
        mutations: [
          {
            id: randomUUID(),
            seq: 2,
            name: 'order.reroute',
            v: 1,
            args: { rerouteId: randomUUID(), orderId: order.id, lineId: short.id, toStoreId: 'MI02' },
          },
        ],
      },
    });
    expect(moved.json<PushResponse>().results[0]?.error?.code).toBe('reroute.refundedAtStaging');
    expect((await refunded(order.id)).rows).toHaveLength(1);
  });

  it('pays a ship-from-store order its substitutes and removed units once, at its first packing', async () => {
    const [a, b, c, s] = products as [StockedProduct, StockedProduct, StockedProduct, StockedProduct];
    const order = await place({
      fulfillmentType: 'ship_from_store',
      shippingAddress: {
        name: 'Niccolò Bianchi',
        line1: 'Piazza della Città 3',
        postcode: '50122',
        city: 'Firenze',
        province: 'FI',
        country: 'IT',
      },
      substitution: { mode: 'similar' },
      lines: [
        { sku: a.sku, qty: 1, unitPriceCents: s.priceCents + 150 },
        { sku: b.sku, qty: 2, unitPriceCents: 700, substitution: { mode: 'none' } },
        { sku: c.sku, qty: 1, unitPriceCents: 1000 },
      ],
    });
    const line = (sku: string) => order.lines.find((l) => l.sku === sku)!;
    await act(order.id, 'substitute', { lineId: line(a.sku).id, code: s.barcode, qty: 1 });
    await act(order.id, 'short', { lineId: line(b.sku).id, qty: 2, reason: 'not_found' });
    await act(order.id, 'pick', { code: c.barcode, qty: 1 });
    const box = { packages: [{ type: 'box-m', weightGrams: 900 }] };
    await act(order.id, 'pack', box);
    // Packed again before the label: the money is not paid twice.
    await act(order.id, 'pack', box);

    const { rows, ledger, paid } = await refunded(order.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      refundKey: `substitution:${order.id}`,
      returnId: null,
      totalCents: 150 + 2 * 700,
      lines: [],
    });
    expect(ledger.map((e) => e.amountCents)).toEqual([1550]);
    expect(rows[0]!.totalCents).toBeLessThanOrEqual(paid);
  });

  it('refuses to pack while a substitute waits for the answer, with the staging code', async () => {
    const [a, , c, s] = products as [StockedProduct, StockedProduct, StockedProduct, StockedProduct];
    const order = await place({
      fulfillmentType: 'ship_from_store',
      shippingAddress: {
        name: 'Niccolò Bianchi',
        line1: 'Piazza della Città 3',
        postcode: '50122',
        city: 'Firenze',
        province: 'FI',
        country: 'IT',
      },
      substitution: { mode: 'ask' },
      lines: [
        { sku: a.sku, qty: 1, unitPriceCents: 1000 },
        { sku: c.sku, qty: 1, unitPriceCents: 1000 },
      ],
    });
    await act(order.id, 'substitute', {
      lineId: order.lines.find((l) => l.sku === a.sku)!.id,
      code: s.barcode,
      qty: 1,
    });
    await act(order.id, 'pick', { code: c.barcode, qty: 1 });
    const answer = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${order.id}/pack`,
      headers: bearer(associate),
      payload: { packages: [{ type: 'box-m', weightGrams: 900 }] },
    });
    expect(answer.statusCode).toBe(409);
    expect(answer.json<{ code: string }>().code).toBe('substitution.answerPending');
    expect((await refunded(order.id)).rows).toEqual([]);
  });

  it("show in the manager's KPIs: the substitution and acceptance rates", async () => {
    const manager = await t.signIn({ employeeId: '1000', pin: '9999', deviceId: 'subst-money-manager' });
    const answer = await t.app.inject({
      method: 'GET',
      url: '/api/manager/kpis?range=day',
      headers: bearer(manager),
    });
    expect(answer.statusCode).toBe(200);
    const report = answer.json<{
      substitution: { unitsShort: number; unitsSubstituted: number; percent: number | null };
      acceptance: { answered: number; accepted: number; percent: number | null };
    }>();
    // The orders above: 2 + 1 + 1 + 1 units substituted; two answered (declined), none taken.
    expect(report.substitution.unitsSubstituted).toBeGreaterThanOrEqual(5);
    expect(report.substitution.percent).toBe(
      Math.round((report.substitution.unitsSubstituted / report.substitution.unitsShort) * 1000) / 10,
    );
    expect(report.acceptance).toMatchObject({ accepted: 0 });
    expect(report.acceptance.answered).toBeGreaterThanOrEqual(2);
    expect(report.acceptance.percent).toBe(0);
  });
});

/**
 * Stages from a device's push, then sends the same push again (a retry): applied, then a
 * duplicate. Returns the device's stream, for its next push.
 */
async function stagePushedTwice(orderId: string): Promise<string> {
  const mutation = {
    id: randomUUID(),
    seq: 1,
    name: 'order.stage',
    v: 2,
    args: { orderId, locationCode: 'MI01-A02', shareShelf: true },
  };
  const clientId = randomUUID();
  for (let i = 0; i < 2; i++) {
    const pushed = await t.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: bearer(associate),
      payload: { clientId, mutations: [mutation] },
    });
    expect(pushed.json<PushResponse>().results[0]!.status).toBe(i === 0 ? 'applied' : 'duplicate');
  }
  return clientId;
}
