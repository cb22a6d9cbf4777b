import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { ReturnableOrder, ReturnDetail, ReturnSubmitResult } from '../../contract/returns';
import type { RefundLine } from '../../domain/refund';
import { returnUnits, stockMovements, webhookDeliveries } from '../db/schema';
import { CODE, counterScenario } from '../orders/testing/counter-scenario';
import { bearer, createTestApp, type TestApp } from '../testing/test-app';
import type { ReturnProduct } from './testing/return-scenario';
import {
  device,
  onHand,
  placeReturnOrder,
  refundsOfOrder,
  returnableProducts,
  returnArgs,
  returnTrail,
  signInAs,
  unit,
} from './testing/return-scenario';

/**
 * A kept substitute comes back (ADR 0046, "Consequences"): listed at the counter as an item of its
 * own, by its name and code, refunded at what the customer paid for it (the ordered price less
 * the staging refund's difference, with its share of the coupons), and restocked under its own
 * product; refused at the handover counter the same way.
 */
let t: TestApp;
let counter: Session;
const used = new Set<string>();
const db = () => t.database.db;

beforeAll(async () => {
  t = await createTestApp();
  counter = await signInAs(t, 'MI01', 'associate', 'substitute-return-counter');
});
afterAll(() => t?.close());

const returnable = async (orderId: string) => {
  const response = await t.app.inject({ url: `/api/returns/orders/${orderId}`, headers: bearer(counter) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ReturnableOrder>();
};

describe('a kept substitute at the returns counter', () => {
  it('is an item of its own, refunded at the price paid and restocked under its own product', async () => {
    const [a, b, s] = (await returnableProducts(db(), 'MI01', 3, used)) as [
      ReturnProduct,
      ReturnProduct,
      ReturnProduct,
    ];
    // One of two shirts was not found; a cheaper one (the catalogue's price) was kept instead.
    const ordered = s.priceCents + 500;
    const order = await placeReturnOrder(
      t,
      'MI01',
      [
        { product: a, qty: 2, unitPriceCents: ordered, short: 1, substitute: s },
        { product: b, qty: 1, unitPriceCents: 2000 },
      ],
      { discounts: [{ code: 'WELCOME', cents: 300 }] },
    );
    const [la] = order.lines as [(typeof order.lines)[0]];
    const staging = await refundsOfOrder(db(), order.id);
    expect(staging.map((r) => r.totalCents)).toEqual([500]);

    // The counter lists it: its own code and name, what it stood in for, the price paid.
    const view = await returnable(order.id);
    const item = view.lines.find((l) => l.substituteOf === la.id)!;
    expect(item).toMatchObject({
      lineId: `${la.id}/${s.id}`,
      productId: s.id,
      sku: s.sku,
      barcode: s.barcode,
      unitPriceCents: s.priceCents,
      qtyDelivered: 1,
      qtyReturned: 0,
    });
    expect(view.refundHistory.settledCents).toBe(500);

    const before = (await onHand(db(), 'MI01', s.id))!;
    const beforeOrdered = (await onHand(db(), 'MI01', a.id))!;
    const phone = device(t, counter);
    const args = returnArgs(order.id, [unit(la.id, { productId: s.id, code: s.barcode })]);
    const outcome = await phone.submit(args);
    expect(outcome.status, JSON.stringify(outcome.error)).toBe('applied');
    const result = outcome.result as ReturnSubmitResult;
    expect(result.status).toBe('refunded');
    // Its share of the coupon, as any delivered unit's: 300 over ordered + substitute + 2000.
    const goods = ordered + s.priceCents + 2000;
    const share = Math.round((300 * s.priceCents) / goods);
    expect(Math.abs(result.refundCents - (s.priceCents - share))).toBeLessThanOrEqual(1);

    const trail = await returnTrail(db(), args.returnId);
    const lines = trail.refunds[0]!.lines as RefundLine[];
    expect(lines).toEqual([expect.objectContaining({ lineId: `${la.id}/${s.id}`, qty: 1 })]);
    const [stored] = await db().select().from(returnUnits).where(eq(returnUnits.returnId, args.returnId));
    expect(stored).toMatchObject({ orderLineId: la.id, productId: s.id });
    expect(await onHand(db(), 'MI01', s.id)).toBe(before + 1);
    expect(await onHand(db(), 'MI01', a.id)).toBe(beforeOrdered);
    const moves = await db()
      .select()
      .from(stockMovements)
      .where(and(eq(stockMovements.orderId, order.id), eq(stockMovements.reason, 'return.restock')));
    expect(moves.map((m) => [m.productId, m.deltaOnHand])).toEqual([[s.id, 1]]);
    // The platform hears of its line, and which product came back.
    const hooks = await db()
      .select({ type: webhookDeliveries.eventType, payload: webhookDeliveries.payload })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.orderId, order.id));
    const refunded = hooks.find((h) => h.type === 'return.refunded')!.payload as {
      data: { lines: unknown[] };
    };
    expect(refunded.data.lines).toEqual([
      { lineId: la.id, productId: s.id, qty: 1, refundCents: result.refundCents },
    ]);

    // The receipt names it, its refund line under its own name.
    const detail = await t.app.inject({ url: `/api/returns/${args.returnId}`, headers: bearer(counter) });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json<ReturnDetail>().units).toEqual([
      expect.objectContaining({ lineId: `${la.id}/${s.id}`, sku: s.sku }),
    ]);
    expect(detail.json<ReturnDetail>().refund?.lines).toEqual([
      expect.objectContaining({ lineId: `${la.id}/${s.id}`, refundCents: result.refundCents }),
    ]);

    // Sent again (a lost answer): the same return, nothing more paid.
    expect((await phone.resend()).status).toBe('duplicate');
    // The substitute is back: another unit of it waits for a manager. An older app's unit of the
    // same line (no product) is the ordered shirt, picked and still returnable.
    const again = await phone.submit(returnArgs(order.id, [unit(la.id, { productId: s.id })]));
    expect(again.result).toMatchObject({
      status: 'review',
      violations: [{ code: 'return.alreadyReturned' }],
    });
    const old = await phone.submit(returnArgs(order.id, [unit(la.id)]), 'return.submit', 1);
    expect(old.result).toMatchObject({ status: 'refunded' });
    expect((await returnable(order.id)).lines.find((l) => l.substituteOf === la.id)).toMatchObject({
      qtyReturned: 1,
      qtyInReview: 1,
    });
  });

  it('refuses a product that is no kept substitute of the line', async () => {
    const [a, s, other] = (await returnableProducts(db(), 'MI01', 3, used)) as [
      ReturnProduct,
      ReturnProduct,
      ReturnProduct,
    ];
    const order = await placeReturnOrder(t, 'MI01', [
      { product: a, qty: 1, unitPriceCents: s.priceCents, short: 1, substitute: s },
    ]);
    const phone = device(t, counter);
    const wrong = await phone.submit(
      returnArgs(order.id, [unit(order.lines[0]!.id, { productId: other.id })]),
    );
    expect(wrong).toMatchObject({ status: 'rejected', error: { code: 'return.unknownLine' } });
  });
});

describe('a kept substitute refused at the counter', () => {
  const scene = counterScenario(
    () => t,
    () => counter,
  );

  it('goes back to stock under its own product, refunded at the price paid; the rest is handed over', async () => {
    const [a, b, s] = (await returnableProducts(db(), 'MI01', 3, used)) as [
      ReturnProduct,
      ReturnProduct,
      ReturnProduct,
    ];
    // A dearer substitute within the rule: the customer paid the ordered price for it, no more.
    const ordered = s.priceCents - 100;
    const order = await placeReturnOrder(
      t,
      'MI01',
      [
        { product: a, qty: 1, unitPriceCents: ordered, short: 1, substitute: s },
        { product: b, qty: 1, unitPriceCents: 1500 },
      ],
      { collect: false },
    );
    const picker = await signInAs(t, 'MI01', 'associate');
    const ok = async (path: string, body: unknown) => {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/orders/${order.id}/${path}`,
        headers: bearer(picker),
        payload: body as object,
      });
      expect(response.statusCode, response.body).toBe(200);
    };
    const [la] = order.lines as [(typeof order.lines)[0]];
    await ok('claim', {});
    await ok('substitute', { lineId: la.id, code: s.barcode, qty: 1 });
    await ok('pick', { code: b.barcode, qty: 1 });
    await ok('stage', { locationCode: 'MI01-A02', shareShelf: true });
    const kept = (await onHand(db(), 'MI01', s.id))!;

    const refusalId = randomUUID();
    const refused = await scene.push(
      'order.refuseItems',
      {
        orderId: order.id,
        refusalId,
        units: [{ lineId: la.id, productId: s.id, reason: 'changedMind', disposition: 'restock' }],
      },
      2,
    );
    expect(refused.status, JSON.stringify(refused.error)).toBe('applied');
    expect(refused.result).toMatchObject({ refusalId, refundCents: ordered });
    expect(await onHand(db(), 'MI01', s.id)).toBe(kept + 1);
    const trail = await returnTrail(db(), refusalId);
    expect(trail.row).toMatchObject({ kind: 'refusal', status: 'refunded', refundCents: ordered });
    const [stored] = await db().select().from(returnUnits).where(eq(returnUnits.returnId, refusalId));
    expect(stored).toMatchObject({ orderLineId: la.id, productId: s.id });
    const seen = await scene.detail(order.id);
    expect(seen.status).toBe('ready');
    expect(seen.lines.find((l) => l.id === la.id)?.substitute).toMatchObject({ qtyRefused: 1 });

    // Once refused, it cannot be refused again; another product is no substitute of the line.
    const twice = await scene.push(
      'order.refuseItems',
      {
        orderId: order.id,
        refusalId: randomUUID(),
        units: [{ lineId: la.id, productId: s.id, reason: 'changedMind', disposition: 'restock' }],
      },
      2,
    );
    expect(twice).toMatchObject({ status: 'rejected', error: { code: 'refusal.notASubstitute' } });

    const rest = await scene.push('order.handover', { orderId: order.id, code: CODE }, 2);
    expect(rest.status, JSON.stringify(rest.error)).toBe('applied');
    expect((await scene.detail(order.id)).status).toBe('collected');
    // Returned later, the refused substitute is not offered again.
    const view = await returnable(order.id);
    expect(view.lines.find((l) => l.substituteOf === la.id)).toMatchObject({
      qtyDelivered: 1,
      qtyReturned: 1,
    });
  });

  it('keeps the order on its shelf while a substitute waits, even when every ordered unit is refused', async () => {
    const [a, b, s] = (await returnableProducts(db(), 'MI01', 3, used)) as [
      ReturnProduct,
      ReturnProduct,
      ReturnProduct,
    ];
    const order = await placeReturnOrder(
      t,
      'MI01',
      [
        { product: a, qty: 1, unitPriceCents: s.priceCents, short: 1, substitute: s },
        { product: b, qty: 1, unitPriceCents: 1500 },
      ],
      { collect: false },
    );
    const picker = await signInAs(t, 'MI01', 'associate');
    for (const [path, body] of [
      ['claim', {}],
      ['substitute', { lineId: order.lines[0]!.id, code: s.barcode, qty: 1 }],
      ['pick', { code: b.barcode, qty: 1 }],
      ['stage', { locationCode: 'MI01-A02', shareShelf: true }],
    ] as const) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/orders/${order.id}/${path}`,
        headers: bearer(picker),
        payload: body,
      });
      expect(response.statusCode, response.body).toBe(200);
    }
    const refused = await scene.push(
      'order.refuseItems',
      {
        orderId: order.id,
        refusalId: randomUUID(),
        units: [{ lineId: order.lines[1]!.id, reason: 'changedMind', disposition: 'restock' }],
      },
      2,
    );
    expect(refused.status, JSON.stringify(refused.error)).toBe('applied');
    expect((await scene.detail(order.id)).status).toBe('ready');
    const rest = await scene.push('order.handover', { orderId: order.id, code: CODE }, 2);
    expect(rest.status, JSON.stringify(rest.error)).toBe('applied');
    expect((await scene.detail(order.id)).status).toBe('collected');
  });
});
