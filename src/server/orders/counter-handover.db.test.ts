import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { OrderDetail } from '../../contract/orders';
import { auditLog, orderReturns, orders, stockMovements } from '../db/schema';
import type { ReturnProduct } from '../returns/testing/return-scenario';
import {
  refundsOfOrder,
  returnableProducts,
  returnTrail,
  signInAs,
} from '../returns/testing/return-scenario';
import { stockOf } from '../testing/fixtures';
import type { TestApp } from '../testing/test-app';
import { bearer, createTestApp } from '../testing/test-app';
import { expireOverdueOrders } from './expire-orders';
import { CODE, counterScenario } from './testing/counter-scenario';

/**
 * Issue 15, point 4 (ADR 0047): the handover at the counter through the push, as the handheld's
 * outbox sends it, and over REST. Each test asserts what the associate, the customer, the
 * platform and the back office see: the order, the stock, the refund, the webhooks.
 */
let t: TestApp;
let associate: Session;
const used = new Set<string>();

beforeAll(async () => {
  t = await createTestApp();
  associate = await signInAs(t, 'MI01', 'associate', 'counter-handover-1');
});
afterAll(() => t?.close());

const { db, push, rest, detail, stagedOrder, lineOf, webhooksOf, notificationKinds } = counterScenario(
  () => t,
  () => associate,
);

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
