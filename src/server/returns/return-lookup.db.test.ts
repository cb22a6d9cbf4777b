import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { ReturnableOrder, ReturnDetail, ReturnSettings, ReturnSummary } from '../../contract/returns';
import { formatSignedPass } from '../../domain/signed-pickup-pass';
import { demoReturnOrders } from '../demo/demo-returns';
import { seedDemo } from '../demo/seed-demo';
import { associates, customerNotifications, orderReturns, refunds, returnUnits } from '../db/schema';
import { readPdf } from '../shipping/testing/pdf-content';
import type { TestApp } from '../testing/test-app';
import { bearer, createTestApp } from '../testing/test-app';
import { stockedProducts } from '../testing/fixtures';
import { openTestDatabase } from '../testing/test-database';

let t: TestApp;
let mi01: Session;
let rm01: Session;
const demo = demoReturnOrders;

beforeAll(async () => {
  // Its own seed, with the demo's returnable orders whatever the shared test seed includes.
  const database = await openTestDatabase();
  await seedDemo(database.db, {
    productCount: 300,
    firstStoreOrders: 4,
    ordersPerOtherStore: 1,
    inboundOrders: 0,
    returnOrders: true,
    pastDays: 0,
  });
  t = await createTestApp({}, { database });
  mi01 = await t.signIn();
  rm01 = await t.signIn({ storeId: 'RM01', employeeId: '9001', deviceId: 'test-device-rm01' });
});
afterAll(() => t?.close());

const get = (url: string, who: Session | null = mi01) =>
  t.app.inject({ url, headers: who ? bearer(who) : {} });

async function search(q: string, who: Session = mi01): Promise<ReturnableOrder[]> {
  const response = await get(`/api/returns/orders?q=${encodeURIComponent(q)}`, who);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ orders: ReturnableOrder[] }>().orders;
}

async function orderByNumber(number: string): Promise<ReturnableOrder> {
  const [order] = await search(number);
  if (!order) throw new Error(`no order ${number}`);
  return order;
}

/** A return as the write side stores it (written directly: that side is tested on its own). */
async function insertReturn(options: {
  order: ReturnableOrder;
  storeId: string;
  status: 'refunded' | 'review' | 'declined';
  units: { lineId: string; reason?: string }[];
  receiptEmail?: string | null;
  refund?: {
    lines: { lineId: string; qty: number; grossCents: number; discountShareCents: number }[];
    shippingCents: number;
  };
}): Promise<string> {
  const db = t.database.db;
  const [clerk] = await db
    .select({ id: associates.id })
    .from(associates)
    .where(and(eq(associates.storeId, options.storeId), eq(associates.role, 'associate')))
    .limit(1);
  const id = randomUUID();
  const refundLines = (options.refund?.lines ?? []).map((l) => ({
    ...l,
    refundCents: l.grossCents - l.discountShareCents,
  }));
  const refundCents = refundLines.reduce((sum, l) => sum + l.refundCents, 0);
  const shippingCents = options.refund?.shippingCents ?? 0;
  await db.insert(orderReturns).values({
    id,
    number: `R-${options.storeId}-${id.slice(0, 6).toUpperCase()}`,
    storeId: options.storeId,
    orderId: options.order.id,
    orderStoreId: options.order.storeId,
    status: options.status,
    takenAt: new Date().toISOString(),
    takenBy: clerk!.id,
    deviceId: 'test-device-0001',
    receiptEmail: options.receiptEmail === undefined ? options.order.customerEmail : options.receiptEmail,
    language: options.order.customerLanguage,
    violations:
      options.status === 'review'
        ? [
            {
              lineId: options.units[0]!.lineId,
              code: 'return.alreadyReturned',
              overridable: false,
              details: {},
            },
          ]
        : [],
    // As the write side stores it: the refund's total, shipping included.
    refundCents: refundCents + shippingCents,
    shippingRefundCents: shippingCents,
  });
  await db.insert(returnUnits).values(
    options.units.map((unit, i) => ({
      returnId: id,
      unitNo: i + 1,
      orderLineId: unit.lineId,
      productId: options.order.lines.find((l) => l.lineId === unit.lineId)!.productId,
      reason: unit.reason ?? 'tooSmall',
      condition: 'new',
      disposition: 'restock',
    })),
  );
  if (options.refund) {
    await db.insert(refunds).values({
      refundKey: `refund:${id}`,
      returnId: id,
      orderId: options.order.id,
      storeId: options.storeId,
      currency: 'EUR',
      totalCents: refundCents + shippingCents,
      shippingCents,
      lines: refundLines,
      adapter: 'ledger',
      providerRef: `ledger:${id}`,
      payment: { method: 'card', brand: 'visa', last4: '4242', reference: 'pi_secret_ref' },
    });
  }
  return id;
}

describe('GET /api/returns/orders: finding an order', () => {
  it('finds by number whatever its case and separators, with lines, payment and dates', async () => {
    for (const q of ['W7001001', 'w7001001', 'W-700-1001', '#w 7001001']) {
      const found = await search(q);
      expect(
        found.map((o) => o.number),
        q,
      ).toEqual([demo.fullJourney.number]);
    }
    const order = await orderByNumber(demo.fullJourney.number);
    expect(order).toMatchObject({
      storeId: 'MI01',
      storeName: 'Aisle Milano Duomo',
      status: 'collected',
      customerEmail: demo.fullJourney.email,
      payment: { method: 'card', brand: 'visa', last4: '4242' },
      returns: [],
      refundHistory: { lines: {}, shippingCents: 0, refundKeys: [] },
    });
    expect(JSON.stringify(order)).not.toContain('demo-pay-');
    expect(order.lines).toHaveLength(3);
    expect(order.lines.map((l) => l.qtyOrdered)).toEqual([2, 1, 1]);
    expect(order.lines.every((l) => l.qtyDelivered === l.qtyOrdered && l.qtyReturned === 0)).toBe(true);
    const goods = order.lines.reduce((sum, l) => sum + l.unitPriceCents * l.qtyOrdered, 0);
    expect(order.discounts).toEqual([{ code: 'BENVENUTO10', cents: Math.round(goods / 10) }]);
    expect(order.totalCents).toBe(goods - Math.round(goods / 10));
    const days = (Date.parse(order.fetchedAt) - Date.parse(order.receivedAt!)) / 86_400_000;
    expect(days).toBeCloseTo(3, 1);
    expect(Date.parse(order.placedAt)).toBeLessThan(Date.parse(order.receivedAt!));
  });

  it('finds by e-mail in any case, and by phone typed any way', async () => {
    const upper = await search(demo.sameItemsTwice.email.toUpperCase());
    expect(upper.map((o) => o.number)).toEqual([demo.sameItemsTwice.number]);
    for (const q of ['+39 347 111 2233', '3471112233', '347 111 2233', '0039 347 1112233', '+393471112233']) {
      const found = await search(q);
      expect(
        found.map((o) => o.number),
        q,
      ).toEqual([demo.fullJourney.number]);
    }
    expect(await search('+39 347 000 0000')).toEqual([]);
  });

  it('finds by the scanned pickup pass (v2 and v1), a plain QR of the number, and the order id', async () => {
    const order = await orderByNumber(demo.twoDevices.number);
    const pass = formatSignedPass(
      {
        storeCode: 'MI01',
        orderNumber: order.number,
        pickupCode: '048213',
        issuedAt: 1767225600,
        keyId: 'k1',
      },
      Buffer.alloc(64, 7).toString('base64url'),
    );
    expect((await search(pass)).map((o) => o.id)).toEqual([order.id]);
    expect((await search(`AISLE:PASS:1:${order.number}:048213`)).map((o) => o.id)).toEqual([order.id]);
    expect((await search(order.id)).map((o) => o.id)).toEqual([order.id]);
    expect((await search(order.id.toUpperCase())).map((o) => o.id)).toEqual([order.id]);
    // A v2 pass names the order's store: the same number at another store is not this order.
    const elsewhere = formatSignedPass(
      {
        storeCode: 'RM01',
        orderNumber: order.number,
        pickupCode: '048213',
        issuedAt: 1767225600,
        keyId: 'k1',
      },
      Buffer.alloc(64, 7).toString('base64url'),
    );
    expect(await search(elsewhere)).toEqual([]);
  });

  it('finds another store’s order from any store, with that store’s name', async () => {
    const fromMilan = await search(demo.boughtElsewhere.number, mi01);
    expect(fromMilan).toHaveLength(1);
    expect(fromMilan[0]).toMatchObject({ storeId: 'RM01', storeName: 'Aisle Roma Via del Corso' });
    const fromRome = await search(demo.fullJourney.email, rm01);
    expect(fromRome.map((o) => o.storeId)).toEqual(['MI01']);
  });

  it('returns orders in any status, newest first, at most 10', async () => {
    const products = await stockedProducts(t.database.db, 'MI01', 12);
    for (const [i, product] of products.entries()) {
      await t.placeOrder([{ sku: product.sku, qty: 1 }], {
        customer: { name: 'Many Orders', email: 'many.orders@example.com', language: 'en' },
        placedAt: new Date(Date.UTC(2026, 10, 1 + i)).toISOString(),
      });
    }
    const found = await search('Many.Orders@example.com');
    expect(found).toHaveLength(10);
    expect(found.every((o) => o.status === 'new' && o.receivedAt === null)).toBe(true);
    const times = found.map((o) => Date.parse(o.placedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(times[0]).toBe(Date.UTC(2026, 10, 12));
  });

  it('refuses a query that cannot name an order with 400 request.invalid, never 500', async () => {
    for (const q of [
      'ab',
      '???',
      '<script>',
      'foo@',
      'AISLE:PASS:2:MI01:broken',
      'AISLE:PASS:9:x',
      'x'.repeat(2001),
    ]) {
      const response = await get(`/api/returns/orders?q=${encodeURIComponent(q)}`);
      expect(response.statusCode, q).toBe(400);
      expect(response.json()).toMatchObject({ code: 'request.invalid' });
    }
    expect((await get('/api/returns/orders')).statusCode).toBe(400);
    expect((await get('/api/returns/orders?q=W7001001', null)).statusCode).toBe(401);
  });
});

describe('the history of an order', () => {
  let order: ReturnableOrder;
  let refundedId: string;
  let reviewId: string;

  beforeAll(async () => {
    order = await orderByNumber(demo.sameItemsTwice.number);
    const [first, second] = order.lines;
    refundedId = await insertReturn({
      order,
      storeId: 'MI01',
      status: 'refunded',
      units: [{ lineId: first!.lineId }],
      refund: {
        lines: [{ lineId: first!.lineId, qty: 1, grossCents: first!.unitPriceCents, discountShareCents: 0 }],
        shippingCents: 0,
      },
    });
    reviewId = await insertReturn({
      order,
      storeId: 'MI01',
      status: 'review',
      units: [{ lineId: second!.lineId }, { lineId: first!.lineId }],
    });
    await insertReturn({ order, storeId: 'MI01', status: 'declined', units: [{ lineId: second!.lineId }] });
  });

  it('counts refunded and in-review units per line, and sums the refunds', async () => {
    const response = await get(`/api/returns/orders/${order.id}`);
    expect(response.statusCode).toBe(200);
    const view = response.json<ReturnableOrder>();
    const [first, second] = view.lines;
    expect(first).toMatchObject({ qtyReturned: 1, qtyInReview: 1 });
    expect(second).toMatchObject({ qtyReturned: 0, qtyInReview: 1 });
    expect(view.refundHistory).toEqual({
      lines: { [first!.lineId]: { qty: 1, cents: first!.unitPriceCents } },
      shippingCents: 0,
      refundKeys: [`refund:${refundedId}`],
    });
    expect(view.returns.map((r) => [r.id, r.status, r.units])).toEqual([
      [refundedId, 'refunded', 1],
      [reviewId, 'review', 2],
      [expect.any(String), 'declined', 1],
    ]);
  });

  it('lists the store’s returns by status, newest first', async () => {
    const review = (await get('/api/returns?status=review')).json<{ returns: ReturnSummary[] }>().returns;
    expect(review.map((r) => r.id)).toEqual([reviewId]);
    expect(review[0]).toMatchObject({
      orderNumber: order.number,
      customerName: order.customerName,
      units: 2,
    });
    const all = (await get('/api/returns')).json<{ returns: ReturnSummary[] }>().returns;
    expect(all.map((r) => r.status)).toEqual(['declined', 'review', 'refunded']);
    expect((await get('/api/returns', rm01)).json<{ returns: ReturnSummary[] }>().returns).toEqual([]);
    expect((await get('/api/returns?status=lost')).statusCode).toBe(400);
  });

  it('shows one return in full, and only to the store that took it', async () => {
    const response = await get(`/api/returns/${refundedId}`);
    expect(response.statusCode, response.body).toBe(200);
    const detail = response.json<ReturnDetail>();
    expect(detail).toMatchObject({
      id: refundedId,
      status: 'refunded',
      storeName: 'Aisle Milano Duomo',
      storeAddress: expect.stringContaining('Milano'),
      orderStoreId: 'MI01',
      orderChannel: 'web',
      takenBy: { name: expect.any(String) },
      units: [{ unitNo: 1, lineId: order.lines[0]!.lineId, reason: 'tooSmall', disposition: 'restock' }],
      refund: {
        key: `refund:${refundedId}`,
        adapter: 'ledger',
        payment: { method: 'card', brand: 'visa', last4: '4242' },
      },
      override: null,
      decision: null,
    });
    expect(detail.takenBy.name).not.toBe('');
    expect(JSON.stringify(detail)).not.toContain('pi_secret_ref');
    const review = (await get(`/api/returns/${reviewId}`)).json<ReturnDetail>();
    expect(review.violations).toEqual([
      expect.objectContaining({ code: 'return.alreadyReturned', overridable: false }),
    ]);
    expect(review.refund).toBeNull();

    for (const [url, who] of [
      [`/api/returns/${refundedId}`, rm01],
      [`/api/returns/${randomUUID()}`, mi01],
    ] as const) {
      const missing = await get(url, who);
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toMatchObject({ code: 'return.notFound' });
    }
  });

  it('answers 404 order.notFound for an unknown order, 400 for a bad id', async () => {
    const missing = await get(`/api/returns/orders/${randomUUID()}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'order.notFound' });
    expect((await get('/api/returns/orders/not-a-uuid')).statusCode).toBe(400);
  });

  it('prints the receipt as a PDF in the customer’s language or the one asked', async () => {
    const response = await get(`/api/returns/${refundedId}/receipt.pdf`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const bytes = new Uint8Array(response.rawPayload);
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
    const [page] = await readPdf(bytes);
    expect(page?.texts).toEqual(expect.arrayContaining(['Ricevuta di reso', 'Aisle Milano Duomo']));
    // pdf-content decodes bytes 0x80–0x9f as C1 controls: 0x95 is WinAnsi's bullet.
    expect(page?.texts.join(' ')).toContain('Visa \u0095\u0095\u0095\u0095 4242');
    const english = await readPdf(
      new Uint8Array((await get(`/api/returns/${refundedId}/receipt.pdf?lang=en`)).rawPayload),
    );
    expect(english[0]?.texts).toContain('Return receipt');
    expect((await get(`/api/returns/${refundedId}/receipt.pdf`, rm01)).statusCode).toBe(404);
  });
});

describe('POST /api/returns/:id/receipt-email', () => {
  const post = (id: string, payload: object = {}) =>
    t.app.inject({ method: 'POST', url: `/api/returns/${id}/receipt-email`, headers: bearer(mi01), payload });

  it('queues the receipt for the notifier, to the return’s address or the one given', async () => {
    const order = await orderByNumber(demo.offlinePolicy.number);
    const id = await insertReturn({
      order,
      storeId: 'MI01',
      status: 'review',
      units: [{ lineId: order.lines[0]!.lineId }],
    });
    const queued = await post(id);
    expect(queued.statusCode, queued.body).toBe(202);
    expect(queued.json()).toEqual({ queued: true, email: demo.offlinePolicy.email });
    const other = await post(id, { email: 'someone.else@example.com', language: 'en' });
    expect(other.json()).toEqual({ queued: true, email: 'someone.else@example.com' });
    const rows = await t.database.db
      .select()
      .from(customerNotifications)
      .where(
        and(eq(customerNotifications.orderId, order.id), eq(customerNotifications.kind, 'returnReceipt')),
      );
    expect(rows).toHaveLength(2);
    const payloads = rows.map((r) => r.payload as Record<string, string>);
    expect(payloads[0]).toMatchObject({ returnId: id, email: demo.offlinePolicy.email, language: 'it' });
    expect(payloads[0]!.subject).toContain('Il tuo reso');
    expect(payloads[0]!.html).toContain('<html lang="it">');
    expect(payloads[1]).toMatchObject({ email: 'someone.else@example.com', language: 'en' });
    expect(payloads[1]!.text).toContain('Waiting for a manager');
    expect(rows[0]!.sentAt).toBeNull();
  });

  it('answers 422 return.noReceiptEmail when there is no address at all', async () => {
    const order = await orderByNumber(demo.offlinePolicy.number);
    const id = await insertReturn({
      order,
      storeId: 'MI01',
      status: 'declined',
      units: [{ lineId: order.lines[0]!.lineId }],
      receiptEmail: null,
    });
    const response = await post(id);
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'return.noReceiptEmail' });
    expect((await post(id, { email: 'not-an-address' })).statusCode).toBe(400);
    expect((await post(randomUUID())).statusCode).toBe(404);
  });
});

describe('GET /api/returns/recent-orders and settings', () => {
  it('keeps this store’s orders of the last 30 days, newest first, and others returned here', async () => {
    const numbers = async (who: Session) =>
      (await get('/api/returns/recent-orders', who))
        .json<{ orders: ReturnableOrder[] }>()
        .orders.map((o) => o.number);
    const milan = await numbers(mi01);
    const ours = [
      demo.twoDevices,
      demo.fullJourney,
      demo.finalSaleAndHygiene,
      demo.sameItemsTwice,
      demo.offlinePolicy,
      demo.shipped,
      demo.windowExpired,
    ].map((d) => d.number);
    expect(milan.filter((n) => ours.includes(n as never))).toEqual(ours);
    expect(milan).not.toContain(demo.boughtElsewhere.number);
    expect(await numbers(rm01)).toContain(demo.boughtElsewhere.number);

    // Returned here once, the Roman order travels with Milan's devices too.
    const roman = await orderByNumber(demo.boughtElsewhere.number);
    await insertReturn({
      order: roman,
      storeId: 'MI01',
      status: 'review',
      units: [{ lineId: roman.lines[0]!.lineId }],
    });
    expect(await numbers(mi01)).toContain(demo.boughtElsewhere.number);
  });

  it('gives the policy, the shipping rule and the store’s zone', async () => {
    const response = await get('/api/returns/settings');
    expect(response.statusCode).toBe(200);
    const settings = response.json<ReturnSettings>();
    expect(settings.timeZone).toBe('Europe/Rome');
    expect(settings.policy.categories.electronics?.windowDays).toBe(14);
    expect(settings.policy.defaultRule.windowDays).toBe(30);
    expect(settings.policy.reasons.map((r) => r.code)).toContain('wrongItemSent');
    expect(settings.shippingRule).toMatchObject({ onFullReturn: true, onSellerFault: true });
    expect((await get('/api/returns/settings', null)).statusCode).toBe(401);
  });
});

describe('the demo’s returnable orders', () => {
  it('are delivered, days old, out of the queue, priced from the catalogue', async () => {
    const queue = (await get('/api/queue')).json<{ orders: { number: string }[] }>().orders;
    const numbers = Object.values(demo).map((d) => d.number);
    expect(queue.filter((o) => numbers.includes(o.number as never))).toEqual([]);
    for (const [key, d] of Object.entries(demo)) {
      const order = await orderByNumber(d.number);
      expect(order.customerEmail, key).toBe(d.email);
      expect(order.status, key).toBe(key === 'shipped' ? 'shipped' : 'collected');
      const days = (Date.parse(order.fetchedAt) - Date.parse(order.receivedAt!)) / 86_400_000;
      expect(days, key).toBeCloseTo(d.receivedDaysAgo, 1);
    }
    const hygiene = await orderByNumber(demo.finalSaleAndHygiene.number);
    expect(hygiene.lines.map((l) => [l.finalSale, l.returnable])).toEqual([
      [true, true],
      [false, false],
    ]);
    const expired = await orderByNumber(demo.windowExpired.number);
    expect(expired.lines[0]?.category).toBe('electronics');
    const shipped = await orderByNumber(demo.shipped.number);
    expect(shipped).toMatchObject({
      shippingCents: 490,
      payment: { method: 'paypal' },
      customerLanguage: 'en',
    });
    expect(shipped.discounts).toEqual([{ code: 'APP5', cents: 500 }]);
    const manifests = (await get('/api/shipping/manifests')).json<{ pending: { rows: unknown[] } }>();
    expect(manifests.pending.rows).toEqual([]);
  });
});
