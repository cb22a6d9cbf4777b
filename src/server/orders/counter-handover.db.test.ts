import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { IntakeOrderBody, OrderDetail } from '../../contract/orders';
import type { MutationResult, PushResponse } from '../../contract/sync';
import {
  auditLog,
  customerNotifications,
  orderLines,
  orderReturns,
  orders,
  stagingLocations,
  stockMovements,
  webhookDeliveries,
} from '../db/schema';
import type { ReturnProduct } from '../returns/testing/return-scenario';
import {
  refundsOfOrder,
  returnableProducts,
  returnTrail,
  signInAs,
} from '../returns/testing/return-scenario';
import { stockedProducts, stockOf } from '../testing/fixtures';
import type { TestApp } from '../testing/test-app';
import { bearer, createTestApp } from '../testing/test-app';
import { expireOverdueOrders } from './expire-orders';

/**
 * Issue 15, points 4 and 5 (ADR 0047): the handover at the counter through the push, as the
 * handheld's outbox sends it, and over REST. Each test asserts what the associate, the customer,
 * the platform and the back office see: the order, the stock, the refund, the webhooks.
 */
let t: TestApp;
let associate: Session;
const used = new Set<string>();
const db = () => t.database.db;
const CODE = '482913';

beforeAll(async () => {
  t = await createTestApp();
  associate = await signInAs(t, 'MI01', 'associate', 'counter-handover-1');
});
afterAll(() => t?.close());

const clientId = randomUUID();
let seq = 0;
async function push(name: string, args: unknown, v = 1): Promise<MutationResult> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/sync/push',
    headers: bearer(associate),
    payload: { clientId, mutations: [{ id: randomUUID(), seq: ++seq, name, v, args }] },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<PushResponse>().results[0]!;
}

async function rest(path: string, payload: unknown) {
  return t.app.inject({ method: 'POST', url: path, headers: bearer(associate), payload: payload as object });
}

async function detail(orderId: string): Promise<OrderDetail> {
  return (
    await t.app.inject({ url: `/api/orders/${orderId}`, headers: bearer(associate) })
  ).json<OrderDetail>();
}

/** An order picked in full and staged, waiting for its customer. */
async function stagedOrder(
  specs: { product: ReturnProduct; qty: number; unitPriceCents?: number; minimumAge?: number }[],
  overrides: Partial<IntakeOrderBody> = {},
): Promise<OrderDetail> {
  const placed = await t.placeOrder(
    specs.map((s) => ({ sku: s.product.sku, qty: s.qty })),
    {
      lines: specs.map((s) => ({
        sku: s.product.sku,
        qty: s.qty,
        unitPriceCents: s.unitPriceCents ?? 1990,
        ...(s.minimumAge ? { minimumAge: s.minimumAge } : {}),
      })),
      ...overrides,
    },
  );
  const ok = async (path: string, body: unknown) => {
    const response = await rest(`/api/orders/${placed.id}/${path}`, body);
    expect(response.statusCode, response.body).toBe(200);
  };
  await ok('claim', {});
  for (const s of specs) await ok('pick', { code: s.product.barcode, qty: s.qty });
  const [shelf] = await db()
    .select({ code: stagingLocations.code })
    .from(stagingLocations)
    .where(eq(stagingLocations.storeId, 'MI01'))
    .orderBy(asc(stagingLocations.code))
    .limit(1);
  await ok('stage', { locationCode: shelf!.code, shareShelf: true });
  return detail(placed.id);
}

const lineOf = (order: OrderDetail, product: ReturnProduct) =>
  order.lines.find((l) => l.sku === product.sku)!;

async function webhooksOf(orderId: string) {
  return db()
    .select({ type: webhookDeliveries.eventType, payload: webhookDeliveries.payload })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.orderId, orderId))
    .orderBy(asc(webhookDeliveries.createdAt));
}

async function notificationKinds(orderId: string) {
  const rows = await db()
    .select({ kind: customerNotifications.kind, payload: customerNotifications.payload })
    .from(customerNotifications)
    .where(eq(customerNotifications.orderId, orderId));
  return rows;
}

describe('a partial handover, then the rest', () => {
  it('hands over the lines chosen now, keeps the rest staged and tells the customer and platform', async () => {
    const [a, b] = (await returnableProducts(db(), 'MI01', 2, used)) as [ReturnProduct, ReturnProduct];
    const order = await stagedOrder([
      { product: a, qty: 2 },
      { product: b, qty: 1 },
    ]);
    const before = { a: await stockOf(db(), 'MI01', a.id), b: await stockOf(db(), 'MI01', b.id) };

    const part = await push(
      'order.handover',
      { orderId: order.id, code: CODE, lines: [{ lineId: lineOf(order, a).id, qty: 1 }] },
      2,
    );
    expect(part.status, JSON.stringify(part.error)).toBe('applied');
    const after = await detail(order.id);
    expect(after.status).toBe('ready');
    expect(lineOf(after, a)).toMatchObject({ qtyHandedOver: 1, qtyRefused: 0 });
    expect(lineOf(after, b)).toMatchObject({ qtyHandedOver: 0 });
    expect(await stockOf(db(), 'MI01', a.id)).toMatchObject({
      onHand: before.a.onHand - 1,
      reserved: before.a.reserved - 1,
    });
    expect(await stockOf(db(), 'MI01', b.id)).toMatchObject(before.b);
    const hooks = await webhooksOf(order.id);
    expect(hooks.map((h) => h.type)).toContain('order.partially_handed_over');
    const partial = hooks.find((h) => h.type === 'order.partially_handed_over')!.payload as {
      data: { lines: unknown; stagedUnits: number };
    };
    expect(partial.data).toMatchObject({ lines: [{ lineId: lineOf(order, a).id, qty: 1 }], stagedUnits: 2 });
    const told = (await notificationKinds(order.id)).find((n) => n.kind === 'partially_collected');
    expect(told?.payload).toMatchObject({
      lines: [{ sku: a.sku, qty: 1 }],
      staged: expect.arrayContaining([
        expect.objectContaining({ sku: a.sku, qty: 1 }),
        expect.objectContaining({ sku: b.sku, qty: 1 }),
      ]),
    });

    // More than is left on the shelf is refused, and changes nothing.
    const tooMany = await push(
      'order.handover',
      { orderId: order.id, code: CODE, lines: [{ lineId: lineOf(order, a).id, qty: 2 }] },
      2,
    );
    expect(tooMany).toMatchObject({ status: 'rejected', error: { code: 'handover.exceedsStaged' } });

    // The rest, as the older app sends it (v1: the whole order), hands over what is left.
    const rest = await push('order.handover', { orderId: order.id, code: CODE }, 1);
    expect(rest.status, JSON.stringify(rest.error)).toBe('applied');
    const done = await detail(order.id);
    expect(done.status).toBe('collected');
    expect(done.lines.map((l) => l.qtyHandedOver)).toEqual(done.lines.map((l) => l.qtyPicked));
    expect(await stockOf(db(), 'MI01', a.id)).toMatchObject({
      onHand: before.a.onHand - 2,
      reserved: before.a.reserved - 2,
    });
    expect(await stockOf(db(), 'MI01', b.id)).toMatchObject({
      onHand: before.b.onHand - 1,
      reserved: before.b.reserved - 1,
    });
    const collected = (await webhooksOf(order.id)).find((h) => h.type === 'order.collected')!.payload as {
      data: { units: number };
    };
    expect(collected.data.units).toBe(3);

    const again = await push('order.handover', { orderId: order.id, code: CODE }, 2);
    expect(again).toMatchObject({ status: 'rejected', error: { code: 'order.illegalTransition' } });
  });

  it('takes the lines over REST too, and a wrong code hands nothing over', async () => {
    const [a, b] = (await returnableProducts(db(), 'MI01', 2, used)) as [ReturnProduct, ReturnProduct];
    const order = await stagedOrder([
      { product: a, qty: 1 },
      { product: b, qty: 1 },
    ]);
    const wrong = await rest(`/api/orders/${order.id}/handover`, {
      code: '000000',
      lines: [{ lineId: lineOf(order, b).id, qty: 1 }],
    });
    expect(wrong.statusCode).toBe(422);
    const part = await rest(`/api/orders/${order.id}/handover`, {
      code: CODE,
      lines: [{ lineId: lineOf(order, b).id, qty: 1 }],
    });
    expect(part.statusCode, part.body).toBe(200);
    expect(lineOf(part.json<OrderDetail>(), b).qtyHandedOver).toBe(1);
    expect(part.json<OrderDetail>().status).toBe('ready');
  });
});

describe('items refused at the counter', () => {
  it('restocks by disposition, refunds once through the refund of returns, and the rest is handed over', async () => {
    const [a, b, c] = (await returnableProducts(db(), 'MI01', 3, used)) as ReturnProduct[] as [
      ReturnProduct,
      ReturnProduct,
      ReturnProduct,
    ];
    const order = await stagedOrder([
      { product: a, qty: 2, unitPriceCents: 2500 },
      { product: b, qty: 1, unitPriceCents: 4000 },
      { product: c, qty: 1, unitPriceCents: 1000 },
    ]);
    const before = {
      a: await stockOf(db(), 'MI01', a.id),
      b: await stockOf(db(), 'MI01', b.id),
    };
    const refusalId = randomUUID();
    const refused = await push('order.refuseItems', {
      orderId: order.id,
      refusalId,
      units: [
        { lineId: lineOf(order, a).id, reason: 'changedMind', disposition: 'restock' },
        { lineId: lineOf(order, b).id, reason: 'damagedOnArrival', disposition: 'damaged' },
      ],
    });
    expect(refused.status, JSON.stringify(refused.error)).toBe('applied');
    expect(refused.result).toMatchObject({ refusalId, refundCents: 6500 });

    // The restocked unit stays on hand and becomes sellable; the damaged one leaves sellable stock.
    expect(await stockOf(db(), 'MI01', a.id)).toMatchObject({
      onHand: before.a.onHand,
      reserved: before.a.reserved - 1,
    });
    expect(await stockOf(db(), 'MI01', b.id)).toMatchObject({
      onHand: before.b.onHand - 1,
      reserved: before.b.reserved - 1,
    });
    const trail = await returnTrail(db(), refusalId);
    expect(trail.row).toMatchObject({ kind: 'refusal', status: 'refunded', refundCents: 6500 });
    expect(trail.refunds).toHaveLength(1);
    expect(trail.ledger).toHaveLength(1);
    expect(trail.ledger[0]!.amountCents).toBe(6500);
    const hooks = await webhooksOf(order.id);
    expect(hooks.map((h) => h.type)).toEqual(
      expect.arrayContaining(['order.items_refused', 'return.refunded']),
    );
    const moves = await db()
      .select({ reason: stockMovements.reason })
      .from(stockMovements)
      .where(and(eq(stockMovements.orderId, order.id), eq(stockMovements.reason, 'order.refuse')));
    expect(moves).toHaveLength(2);

    const seen = await detail(order.id);
    expect(seen.status).toBe('ready');
    expect(lineOf(seen, a)).toMatchObject({ qtyRefused: 1 });

    // The customer is told what was refused, the refund, and what still waits: by e-mail and on
    // the curbside page.
    const told = (await notificationKinds(order.id)).find((n) => n.kind === 'items_refused');
    expect(told?.payload).toMatchObject({
      refundCents: 6500,
      refused: expect.arrayContaining([expect.objectContaining({ sku: b.sku, qty: 1 })]),
      staged: expect.arrayContaining([
        expect.objectContaining({ sku: a.sku, qty: 1 }),
        expect.objectContaining({ sku: c.sku, qty: 1 }),
      ]),
    });
    const link = await t.app.inject({
      url: `/api/orders/${order.id}/curbside-link`,
      headers: bearer(associate),
    });
    expect(link.statusCode, link.body).toBe(200);
    const token = new URL(link.json<{ url: string }>().url).pathname.split('/').pop()!;
    const page = await t.app.inject({ url: `/api/curbside/${token}` });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ refused: 1, waiting: 1, collected: 0 }),
        expect.objectContaining({ refused: 1, waiting: 0 }),
        expect.objectContaining({ refused: 0, waiting: 1 }),
      ]),
    );

    // The same refusal id again (a second tap) refunds nothing more.
    const twice = await push('order.refuseItems', {
      orderId: order.id,
      refusalId,
      units: [{ lineId: lineOf(order, c).id, reason: 'changedMind', disposition: 'restock' }],
    });
    expect(twice).toMatchObject({ status: 'rejected', error: { code: 'return.idMismatch' } });
    // A refused unit cannot be refused again, nor a reason the store does not know.
    const gone = await push('order.refuseItems', {
      orderId: order.id,
      refusalId: randomUUID(),
      units: [{ lineId: lineOf(order, b).id, reason: 'changedMind', disposition: 'restock' }],
    });
    expect(gone).toMatchObject({ status: 'rejected', error: { code: 'handover.exceedsStaged' } });
    const unknown = await push('order.refuseItems', {
      orderId: order.id,
      refusalId: randomUUID(),
      units: [{ lineId: lineOf(order, c).id, reason: 'ugly', disposition: 'restock' }],
    });
    expect(unknown).toMatchObject({ status: 'rejected', error: { code: 'refusal.unknownReason' } });
    expect(await refundsOfOrder(db(), order.id)).toHaveLength(1);

    const rest = await push('order.handover', { orderId: order.id, code: CODE }, 2);
    expect(rest.status, JSON.stringify(rest.error)).toBe('applied');
    const done = await detail(order.id);
    expect(done.status).toBe('collected');
    expect(lineOf(done, a)).toMatchObject({ qtyHandedOver: 1, qtyRefused: 1 });
    expect(lineOf(done, c)).toMatchObject({ qtyHandedOver: 1, qtyRefused: 0 });
  });

  it('cancels the order when every staged unit is refused, leaving nothing to put back', async () => {
    const [a] = (await returnableProducts(db(), 'MI01', 1, used)) as [ReturnProduct];
    const order = await stagedOrder([{ product: a, qty: 1, unitPriceCents: 3000 }], { shippingCents: 500 });
    const refused = await push('order.refuseItems', {
      orderId: order.id,
      refusalId: randomUUID(),
      units: [{ lineId: order.lines[0]!.id, reason: 'wrongItemSent', disposition: 'return_to_vendor' }],
    });
    expect(refused.status, JSON.stringify(refused.error)).toBe('applied');
    // The store's fault: shipping comes back with the goods.
    expect(refused.result).toMatchObject({ refundCents: 3500 });
    const [row] = await db().select().from(orders).where(eq(orders.id, order.id));
    expect(row).toMatchObject({ status: 'cancelled', cancelReason: 'refused_at_counter' });
    const task = await push('order.putBack', { orderId: order.id });
    expect(task).toMatchObject({ status: 'rejected', error: { code: 'order.illegalTransition' } });
    const returns = await db().select().from(orderReturns).where(eq(orderReturns.orderId, order.id));
    expect(returns).toHaveLength(1);
  });
});

describe('the ID step of a flagged order', () => {
  it('the demo has a ready order with an item for adults and one a named third party collects', async () => {
    const rows = await db()
      .select({ id: orders.id, collector: orders.collectorName, status: orders.status })
      .from(orders)
      .where(and(eq(orders.storeId, 'MI01'), eq(orders.status, 'ready')));
    const flagged = await Promise.all(rows.map((r) => detail(r.id)));
    expect(flagged.some((o) => o.idCheck?.reasons.includes('age') && o.idCheck.minimumAge === 18)).toBe(true);
    expect(flagged.some((o) => o.idCheck?.collectorName === 'Giulia Ferrari')).toBe(true);
  });

  it('refuses the handover without it, refuses an under-age holder, and keeps only type and last 4', async () => {
    const [a, b] = (await returnableProducts(db(), 'MI01', 2, used)) as [ReturnProduct, ReturnProduct];
    const order = await stagedOrder([
      { product: a, qty: 1, minimumAge: 18 },
      { product: b, qty: 1 },
    ]);
    expect(order.idCheck).toMatchObject({ reasons: ['age'], minimumAge: 18, checkedAt: null });

    const blocked = await push('order.handover', { orderId: order.id, code: CODE }, 2);
    expect(blocked).toMatchObject({ status: 'rejected', error: { code: 'idCheck.required' } });
    const blockedRest = await rest(`/api/orders/${order.id}/handover`, { code: CODE });
    expect(blockedRest.statusCode).toBe(409);
    expect(blockedRest.json().code).toBe('idCheck.required');

    const today = new Date();
    const seventeen = `${today.getUTCFullYear() - 17}-01-01`;
    const young = await push('order.checkId', {
      orderId: order.id,
      documentType: 'identityCard',
      last4: 'ab12',
      dateOfBirth: seventeen,
    });
    expect(young).toMatchObject({ status: 'rejected', error: { code: 'idCheck.underAge' } });
    const noBirth = await rest(`/api/orders/${order.id}/check-id`, {
      documentType: 'passport',
      last4: 'X123',
    });
    expect(noBirth.statusCode).toBe(422);
    expect(noBirth.json().code).toBe('idCheck.dateOfBirthRequired');

    const adult = `${today.getUTCFullYear() - 30}-06-15`;
    const checked = await push('order.checkId', {
      orderId: order.id,
      documentType: 'identityCard',
      last4: 'ab12',
      dateOfBirth: adult,
    });
    expect(checked.status, JSON.stringify(checked.error)).toBe('applied');
    const seen = await detail(order.id);
    expect(seen.idCheck).toMatchObject({ documentType: 'identityCard', last4: 'AB12' });
    expect(seen.idCheck?.checkedAt).not.toBeNull();

    // Nothing of the birth date is kept: not on the order, not in the audit.
    const [row] = await db().select().from(orders).where(eq(orders.id, order.id));
    expect(JSON.stringify(row)).not.toContain(adult);
    const audits = await db()
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, order.id), eq(auditLog.action, 'order.checkId')));
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0])).not.toContain(adult);
    expect(audits[0]!.details).toMatchObject({
      documentType: 'identityCard',
      last4: 'AB12',
      reasons: ['age'],
    });

    const handed = await push('order.handover', { orderId: order.id, code: CODE }, 2);
    expect(handed.status, JSON.stringify(handed.error)).toBe('applied');
    expect((await detail(order.id)).status).toBe('collected');
  });

  it('matches a third-party collector by the name on the document', async () => {
    const [a] = (await returnableProducts(db(), 'MI01', 1, used)) as [ReturnProduct];
    const order = await stagedOrder([{ product: a, qty: 1 }], {
      idCheck: { collector: { name: 'Niccolò De Luca' } },
    });
    const other = await rest(`/api/orders/${order.id}/check-id`, {
      documentType: 'drivingLicence',
      last4: '9Z9Z',
      nameOnDocument: 'Marco Rossi',
    });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idCheck.nameMismatch');
    const right = await rest(`/api/orders/${order.id}/check-id`, {
      documentType: 'drivingLicence',
      last4: '9Z9Z',
      nameOnDocument: 'DE LUCA NICCOLO',
    });
    expect(right.statusCode, right.body).toBe(200);
    const handed = await rest(`/api/orders/${order.id}/handover`, { code: CODE });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(handed.json<OrderDetail>().status).toBe('collected');
  });
});

describe('an ID step that follows the order to another store', () => {
  it('keeps the minimum age and the named collector on the units re-routed after a short pick', async () => {
    const atMi02 = new Set((await stockedProducts(db(), 'MI02', 200, 3)).map((p) => p.id));
    const product = (await stockedProducts(db(), 'MI01', 200, 3)).find(
      (p) => atMi02.has(p.id) && !used.has(p.id),
    )!;
    used.add(product.id);
    const placed = await t.placeOrder([{ sku: product.sku, qty: 2 }], {
      lines: [{ sku: product.sku, qty: 2, unitPriceCents: 1990, minimumAge: 18 }],
      idCheck: { collector: { name: 'Anna Bianchi' } },
    });
    const lineId = (await detail(placed.id)).lines[0]!.id;
    expect((await push('order.claim', { orderId: placed.id })).status).toBe('applied');
    await push('pick.confirm', { orderId: placed.id, code: product.barcode, qty: 1 });
    await push('pick.short', { orderId: placed.id, lineId, qty: 1, reason: 'not_found' });
    const moved = await push('order.reroute', {
      rerouteId: randomUUID(),
      orderId: placed.id,
      lineId,
      toStoreId: 'MI02',
    });
    expect(moved.status, JSON.stringify(moved.error)).toBe('applied');
    const made = moved.result as { orderId: string };
    const [row] = await db().select().from(orders).where(eq(orders.id, made.orderId));
    expect(row).toMatchObject({ storeId: 'MI02', collectorName: 'Anna Bianchi' });
    const lines = await db().select().from(orderLines).where(eq(orderLines.orderId, made.orderId));
    expect(lines.map((l) => l.minimumAge)).toEqual([18]);
  });
});

describe('a partly collected order left on the shelf', () => {
  it('expires releasing only the units still held, and leaves only those to put back', async () => {
    const [a] = (await returnableProducts(db(), 'MI01', 1, used)) as [ReturnProduct];
    const order = await stagedOrder([{ product: a, qty: 3 }]);
    const lineId = order.lines[0]!.id;
    const before = await stockOf(db(), 'MI01', a.id);
    const part = await push(
      'order.handover',
      { orderId: order.id, code: CODE, lines: [{ lineId, qty: 1 }] },
      2,
    );
    expect(part.status, JSON.stringify(part.error)).toBe('applied');
    await db()
      .update(orders)
      .set({ readyAt: new Date(Date.now() - 30 * 86_400_000).toISOString() })
      .where(eq(orders.id, order.id));
    const run = await expireOverdueOrders(db(), new Date());
    expect(run.expired).toContain(order.id);
    // One unit left with the customer; the other two are sellable again, still on the shelf count.
    expect(await stockOf(db(), 'MI01', a.id)).toMatchObject({
      onHand: before.onHand - 1,
      reserved: before.reserved - 3,
    });
    const task = await push('order.putBack', { orderId: order.id });
    expect(task.status, JSON.stringify(task.error)).toBe('applied');
    const [audit] = await db()
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, order.id), eq(auditLog.action, 'order.putBack')));
    expect(audit?.details).toMatchObject({ units: 2 });
  });
});
