import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { ReturnSubmitResult } from '../../contract/returns';
import type { ProductAvailability } from '../../contract/stock';
import { refundKey } from '../../domain/refund';
import {
  orderReturns,
  paymentLedger,
  products,
  refunds,
  returnUnits,
  stock,
  stockMovements,
} from '../db/schema';
import type { TestApp } from '../testing/test-app';
import { bearer, createTestApp } from '../testing/test-app';
import type { ReturnProduct } from './testing/return-scenario';
import {
  device,
  notificationsOf,
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
 * Issue 6: `return.submit` through POST /api/sync/push, as the counter's outbox sends it. Each
 * test asserts what a client and the back office see: the command's result, the refund and its
 * ledger entry, the stock of the returning store, the audit trail and the customer's message.
 */
let t: TestApp;
let counter: Session;
const used = new Set<string>();
const db = () => t.database.db;

beforeAll(async () => {
  t = await createTestApp();
  counter = await signInAs(t, 'MI01', 'associate', 'returns-counter-1');
});
afterAll(() => t?.close());

async function available(who: Session, productId: string): Promise<number | null> {
  const response = await t.app.inject({ url: `/api/stock/products/${productId}`, headers: bearer(who) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ProductAvailability>().here?.available ?? null;
}

const numberOf = (returnId: string, storeId = 'MI01') =>
  `R-${storeId}-${returnId.replaceAll('-', '').slice(0, 6).toUpperCase()}`;

describe('return.submit: an accepted return', () => {
  it('refunds through the ledger, restocks only restocked units at this store, audits and tells the customer', async () => {
    const [a, b] = (await returnableProducts(db(), 'MI01', 2, used)) as [ReturnProduct, ReturnProduct];
    const order = await placeReturnOrder(
      t,
      'MI01',
      [
        { product: a, qty: 2, unitPriceCents: 2500 },
        { product: b, qty: 1, unitPriceCents: 1500 },
      ],
      { shippingCents: 490, payment: { method: 'card', brand: 'visa', last4: '4242', reference: 'ch_123' } },
    );
    const [lineA, lineB] = order.lines as [(typeof order.lines)[0], (typeof order.lines)[0]];
    const before = {
      a: await onHand(db(), 'MI01', a.id),
      b: await onHand(db(), 'MI01', b.id),
      availableA: await available(counter, a.id),
    };
    const args = returnArgs(order.id, [
      unit(lineA.id, { code: a.barcode }),
      unit(lineA.id, { condition: 'opened', disposition: 'damaged' }),
      unit(lineB.id, { disposition: 'return_to_vendor' }),
    ]);

    const outcome = await device(t, counter).submit(args);

    expect(outcome).toMatchObject({ status: 'applied' });
    expect(outcome.result).toEqual({
      returnId: args.returnId,
      number: numberOf(args.returnId),
      status: 'refunded',
      // Everything delivered came back: the shipping charge too.
      refundCents: 2 * 2500 + 1500 + 490,
      shippingRefundCents: 490,
      violations: [],
    } satisfies ReturnSubmitResult);

    const trail = await returnTrail(db(), args.returnId);
    expect(trail.row).toMatchObject({
      status: 'refunded',
      storeId: 'MI01',
      orderStoreId: 'MI01',
      takenBy: counter.associate.id,
      deviceId: 'returns-counter-1',
      receiptEmail: 'chiara@example.it',
      language: 'it',
      refundCents: 6990,
      shippingRefundCents: 490,
    });
    expect(trail.refunds).toMatchObject([
      {
        refundKey: refundKey(args.returnId),
        orderId: order.id,
        storeId: 'MI01',
        currency: 'EUR',
        totalCents: 6990,
        shippingCents: 490,
        adapter: 'ledger',
        providerRef: `ledger:${trail.ledger[0]?.id}`,
        payment: { method: 'card', last4: '4242', reference: 'ch_123' },
      },
    ]);
    expect(trail.refunds[0]!.lines).toEqual([
      { lineId: lineA.id, qty: 2, grossCents: 5000, discountShareCents: 0, refundCents: 5000 },
      { lineId: lineB.id, qty: 1, grossCents: 1500, discountShareCents: 0, refundCents: 1500 },
    ]);
    expect(trail.ledger).toMatchObject([
      { idempotencyKey: refundKey(args.returnId), kind: 'refund', amountCents: 6990, storeId: 'MI01' },
    ]);

    const units = await db().select().from(returnUnits).where(eq(returnUnits.returnId, args.returnId));
    expect(units.map((u) => [u.unitNo, u.disposition, u.scannedCode])).toEqual([
      [1, 'restock', a.barcode],
      [2, 'damaged', null],
      [3, 'return_to_vendor', null],
    ]);

    // One restocked unit of a: on hand and availability rise at once; damaged and vendor units do not.
    expect(await onHand(db(), 'MI01', a.id)).toBe(before.a! + 1);
    expect(await onHand(db(), 'MI01', b.id)).toBe(before.b);
    expect(await available(counter, a.id)).toBe(before.availableA! + 1);
    const moves = await db()
      .select()
      .from(stockMovements)
      .where(and(eq(stockMovements.orderId, order.id), eq(stockMovements.reason, 'return.restock')));
    expect(moves).toMatchObject([{ storeId: 'MI01', productId: a.id, deltaOnHand: 1, deltaReserved: 0 }]);

    expect(trail.audits).toMatchObject([
      {
        action: 'return.refund',
        storeId: 'MI01',
        actorId: counter.associate.id,
        details: {
          orderId: order.id,
          refundKey: refundKey(args.returnId),
          totalCents: 6990,
          restocked: { [a.id]: 1 },
          adapter: 'ledger',
        },
      },
    ]);
    expect(await notificationsOf(db(), order.id)).toEqual([
      {
        kind: 'refundIssued',
        payload: {
          returnId: args.returnId,
          number: numberOf(args.returnId),
          refundCents: 6990,
          currency: 'EUR',
          email: 'chiara@example.it',
          language: 'it',
        },
      },
    ]);
  });
});

describe('return.submit: the same items twice', () => {
  it('puts the second return in review as already returned, with one refund only', async () => {
    const [a] = (await returnableProducts(db(), 'MI01', 1, used)) as [ReturnProduct];
    const order = await placeReturnOrder(t, 'MI01', [{ product: a, qty: 1, unitPriceCents: 3000 }]);
    const line = order.lines[0]!;
    const counterDevice = device(t, counter);
    const first = await counterDevice.submit(returnArgs(order.id, [unit(line.id)]));
    expect(first.result).toMatchObject({ status: 'refunded', refundCents: 3000 });
    const stockAfterFirst = await onHand(db(), 'MI01', a.id);

    const secondArgs = returnArgs(order.id, [unit(line.id)]);
    const second = await counterDevice.submit(secondArgs);

    expect(second.status).toBe('applied');
    expect(second.result).toMatchObject({
      status: 'review',
      refundCents: 0,
      violations: [
        {
          lineId: line.id,
          code: 'return.alreadyReturned',
          overridable: false,
          details: expect.objectContaining({ delivered: 1, alreadyReturned: 1, returnable: 0 }),
        },
      ],
    });
    expect(await refundsOfOrder(db(), order.id)).toHaveLength(1);
    expect(await onHand(db(), 'MI01', a.id)).toBe(stockAfterFirst);
    const trail = await returnTrail(db(), secondArgs.returnId);
    expect(trail.row?.status).toBe('review');
    expect(trail.audits.map((x) => x.action)).toEqual(['return.review']);
    expect(await notificationsOf(db(), order.id)).toHaveLength(1);
  });

  it('sees the returns earlier in the same push: a resend answers the first, another return waits', async () => {
    const [a] = (await returnableProducts(db(), 'MI01', 1, used)) as [ReturnProduct];
    const order = await placeReturnOrder(t, 'MI01', [{ product: a, qty: 1, unitPriceCents: 2700 }]);
    const line = order.lines[0]!;
    const first = returnArgs(order.id, [unit(line.id)]);
    const other = returnArgs(order.id, [unit(line.id)]);
    const mutations = [first, first, other].map((args, i) => ({
      id: randomUUID(),
      seq: i + 1,
      name: 'return.submit',
      v: 1,
      args,
    }));
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: bearer(counter),
      payload: { clientId: randomUUID(), mutations },
    });
    expect(response.statusCode, response.body).toBe(200);
    const results = response.json<{ results: { status: string; result?: ReturnSubmitResult }[] }>().results;

    expect(results.map((r) => [r.status, r.result?.status])).toEqual([
      ['applied', 'refunded'],
      ['applied', 'refunded'],
      ['applied', 'review'],
    ]);
    expect(results[1]?.result).toEqual(results[0]?.result);
    expect(results[2]?.result?.violations.map((v) => v.code)).toEqual(['return.alreadyReturned']);
    expect(results[2]?.result?.number).not.toBe(results[0]?.result?.number);
    expect(await refundsOfOrder(db(), order.id)).toHaveLength(1);
  });
});

describe('return.submit: resends', () => {
  it('answers a resent mutation and a new mutation with the same return id alike, refunding once', async () => {
    const [a] = (await returnableProducts(db(), 'MI01', 1, used)) as [ReturnProduct];
    const order = await placeReturnOrder(t, 'MI01', [{ product: a, qty: 2, unitPriceCents: 1200 }]);
    const line = order.lines[0]!;
    const stockBefore = await onHand(db(), 'MI01', a.id);
    const phone = device(t, counter);
    const args = returnArgs(order.id, [unit(line.id)]);

    const first = await phone.submit(args);
    expect(first.result).toMatchObject({ status: 'refunded', refundCents: 1200 });

    // The answer was lost: the outbox sends the same mutation again.
    const again = await phone.resend();
    expect(again).toMatchObject({ status: 'duplicate', originalStatus: 'applied', result: first.result });

    // The app was reinstalled and the associate sent the return again: same return id, new mutation.
    const other = device(t, counter);
    const anew = await other.submit(args);
    expect(anew).toMatchObject({ status: 'applied', result: first.result });

    expect(await refundsOfOrder(db(), order.id)).toHaveLength(1);
    expect(
      await db()
        .select()
        .from(paymentLedger)
        .where(eq(paymentLedger.idempotencyKey, refundKey(args.returnId))),
    ).toHaveLength(1);
    expect(await onHand(db(), 'MI01', a.id)).toBe(stockBefore! + 1);

    // The same id for other units is refused, and changes nothing.
    const mismatch = await other.submit({ ...args, units: [unit(line.id), unit(line.id)] });
    expect(mismatch).toMatchObject({ status: 'rejected', error: { code: 'return.idMismatch' } });
    expect(await onHand(db(), 'MI01', a.id)).toBe(stockBefore! + 1);
  });
});

describe('return.submit: two devices at the same moment', () => {
  it('refunds the units once; the other return waits for a manager', async () => {
    const tablet = await signInAs(t, 'MI01', 'associate', 'returns-counter-2');
    // Three orders, each returned by two devices at once: six pushes in flight together.
    const cases = await Promise.all(
      (await returnableProducts(db(), 'MI01', 3, used)).map(async (product) => {
        const order = await placeReturnOrder(t, 'MI01', [{ product, qty: 2, unitPriceCents: 4100 }], {
          shippingCents: 300,
        });
        return { product, order, stockBefore: (await onHand(db(), 'MI01', product.id))! };
      }),
    );

    const outcomes = await Promise.all(
      cases.map(({ order }) => {
        const line = order.lines[0]!;
        return Promise.all([
          device(t, counter).submit(returnArgs(order.id, [unit(line.id), unit(line.id)])),
          device(t, tablet).submit(returnArgs(order.id, [unit(line.id), unit(line.id)])),
        ]);
      }),
    );

    for (const [i, { product, order, stockBefore }] of cases.entries()) {
      const pair = outcomes[i]!;
      expect(pair.map((r) => r.status)).toEqual(['applied', 'applied']);
      const results = pair.map((r) => r.result as ReturnSubmitResult);
      expect(results.map((r) => r.status).sort()).toEqual(['refunded', 'review']);
      const review = results.find((r) => r.status === 'review')!;
      expect(review.violations.map((v) => v.code)).toEqual(['return.alreadyReturned']);
      const paid = await refundsOfOrder(db(), order.id);
      expect(paid).toHaveLength(1);
      expect(paid[0]!.totalCents).toBe(2 * 4100 + 300);
      expect(paid.reduce((sum, r) => sum + r.totalCents, 0)).toBeLessThanOrEqual(order.totalCents);
      expect(await onHand(db(), 'MI01', product.id)).toBe(stockBefore + 2);
    }
  });
});

describe('return.submit: an order of another store', () => {
  it('refunds an order collected in Rome and returned in Milan, raising stock in Milan only', async () => {
    // A product Milan does not carry: the return makes its stock row.
    const [product] = await db()
      .select({
        id: products.id,
        sku: products.sku,
        barcode: products.barcode,
        priceCents: products.priceCents,
      })
      .from(stock)
      .innerJoin(products, eq(products.id, stock.productId))
      .where(
        and(
          eq(stock.storeId, 'RM01'),
          eq(products.returnable, true),
          sql`${products.category} not in ('electronics', 'beauty')`,
          sql`${stock.onHand} - ${stock.reserved} - ${stock.safetyStock} >= 3`,
          sql`not exists (select 1 from stock m where m.store_id = 'MI01' and m.product_id = ${products.id} and m.reserved > 0)`,
        ),
      )
      .orderBy(products.sku)
      .limit(1);
    if (!product) throw new Error('no product to return in Rome');
    used.add(product.id);
    await db()
      .delete(stock)
      .where(and(eq(stock.storeId, 'MI01'), eq(stock.productId, product.id)));
    const order = await placeReturnOrder(t, 'RM01', [{ product, qty: 2, unitPriceCents: 5900 }]);
    const line = order.lines[0]!;
    const rome = await onHand(db(), 'RM01', product.id);
    expect(await onHand(db(), 'MI01', product.id)).toBeNull();
    const args = returnArgs(order.id, [unit(line.id), unit(line.id, { disposition: 'damaged' })]);

    const outcome = await device(t, counter).submit(args);

    expect(outcome.result).toMatchObject({
      status: 'refunded',
      refundCents: 11800,
      number: numberOf(args.returnId),
    });
    expect(await onHand(db(), 'MI01', product.id)).toBe(1);
    expect(await onHand(db(), 'RM01', product.id)).toBe(rome);
    expect(await available(counter, product.id)).toBe(1);
    const trail = await returnTrail(db(), args.returnId);
    expect(trail.row).toMatchObject({ storeId: 'MI01', orderStoreId: 'RM01', status: 'refunded' });
    expect(trail.refunds).toMatchObject([{ storeId: 'MI01', orderId: order.id, totalCents: 11800 }]);
    expect(trail.audits).toMatchObject([{ action: 'return.refund', storeId: 'MI01' }]);
  });
});

describe('return.submit: after a handover in the same push', () => {
  it('sees the order as collected by the unit of work, and refunds it', async () => {
    const [a] = (await returnableProducts(db(), 'MI01', 1, used)) as [ReturnProduct];
    const order = await placeReturnOrder(t, 'MI01', [{ product: a, qty: 1, unitPriceCents: 2200 }], {
      collect: false,
    });
    for (const [url, payload] of [
      ['claim', {}],
      ['pick', { code: a.barcode }],
      ['stage', { locationCode: 'MI01-A03', shareShelf: true }],
    ] as const) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/orders/${order.id}/${url}`,
        headers: bearer(counter),
        payload,
      });
      expect(response.statusCode, response.body).toBe(200);
    }
    const args = returnArgs(order.id, [unit(order.lines[0]!.id)]);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: bearer(counter),
      payload: {
        clientId: randomUUID(),
        mutations: [
          {
            id: randomUUID(),
            seq: 1,
            name: 'order.handover',
            v: 1,
            args: { orderId: order.id, code: '482913' },
          },
          { id: randomUUID(), seq: 2, name: 'return.submit', v: 1, args },
        ],
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const [handover, submitted] = response.json<{ results: { status: string; result?: unknown }[] }>()
      .results;
    expect(handover?.status).toBe('applied');
    expect(submitted).toMatchObject({ status: 'applied', result: { status: 'refunded', refundCents: 2200 } });
  });
});

describe('return.submit: refusals', () => {
  it('rejects bad arguments, an unknown order and units of another order, writing nothing', async () => {
    const [a] = (await returnableProducts(db(), 'MI01', 1, used)) as [ReturnProduct];
    const order = await placeReturnOrder(t, 'MI01', [{ product: a, qty: 1 }]);
    const countReturns = async () =>
      Number(
        (
          await db()
            .select({ n: sql<number>`count(*)::int` })
            .from(orderReturns)
        )[0]?.n,
      );
    const countRefunds = async () =>
      Number(
        (
          await db()
            .select({ n: sql<number>`count(*)::int` })
            .from(refunds)
        )[0]?.n,
      );
    const before = {
      returns: await countReturns(),
      refunds: await countRefunds(),
      stock: await onHand(db(), 'MI01', a.id),
    };
    const phone = device(t, counter);

    const badTypes = await phone.submit({
      returnId: 'nope',
      orderId: 42,
      takenAt: 'yesterday',
      units: 'all',
    });
    expect(badTypes).toMatchObject({ status: 'rejected', error: { code: 'sync.invalidArgs' } });

    const noUnits = await phone.submit({ ...returnArgs(order.id, []), units: [] });
    expect(noUnits).toMatchObject({ status: 'rejected', error: { code: 'sync.invalidArgs' } });

    const unknownOrder = await phone.submit(returnArgs(randomUUID(), [unit(order.lines[0]!.id)]));
    expect(unknownOrder).toMatchObject({ status: 'rejected', error: { code: 'order.notFound' } });

    const foreignLine = randomUUID();
    const otherLine = await phone.submit(returnArgs(order.id, [unit(order.lines[0]!.id), unit(foreignLine)]));
    expect(otherLine).toMatchObject({
      status: 'rejected',
      error: { code: 'return.unknownLine', details: { lineIds: [foreignLine] } },
    });

    expect(await countReturns()).toBe(before.returns);
    expect(await countRefunds()).toBe(before.refunds);
    expect(await onHand(db(), 'MI01', a.id)).toBe(before.stock);
  });
});
