import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeOrderBody, OrderDetail } from '../../contract/orders';
import type { Session } from '../../contract/auth';
import type { PushResponse } from '../../contract/sync';
import { stockedProducts } from '../testing/fixtures';
import { bearer, createTestApp, type TestApp } from '../testing/test-app';

/**
 * Issue 12, point 5 (ADR 0028): a handheld that queued commands under the previous release
 * drains them after the server moves on. The fixture is an outbox captured from that release's
 * client (commit 95a779a) after offline work in a real browser: claim, three picks, a short, the
 * short line cancelled with the customer told, stage and hand over. It is replayed here against
 * this server as that client sends it, with the ids of this database's orders put in.
 */
interface Captured {
  capturedFrom: string;
  orders: {
    id: string;
    number: string;
    pickupCode: string;
    lines: { id: string; lineNo: number; barcode: string; qtyOrdered: number }[];
  }[];
  outbox: {
    id: string;
    name: string;
    v: number;
    args: unknown;
    localOrder: number;
    status: string;
    seq: number | null;
  }[];
}

const captured = JSON.parse(
  readFileSync(new URL('./fixtures/outbox-v1.json', import.meta.url), 'utf8'),
) as Captured;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

/** Puts this database's ids and barcodes where the capture had its own. */
function translate(value: unknown, names: Map<string, string>): unknown {
  if (typeof value === 'string') return names.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => translate(item, names));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, translate(v, names)]));
  }
  return value;
}

/**
 * Sends the captured outbox as the device sends it, with this database's ids put in: every
 * command applies, and a resend of the same batch is all duplicates.
 */
async function drainsOnce(
  session: Session,
  queued: Captured['outbox'],
  names: Map<string, string>,
): Promise<void> {
  const mutations = queued.map((r, i) => ({
    id: r.id,
    seq: i + 1,
    name: r.name,
    v: r.v,
    args: translate(r.args, names),
  }));
  const clientId = randomUUID();
  const send = () =>
    t.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: bearer(session),
      payload: { clientId, mutations },
    });
  const answer = await send();
  expect(answer.statusCode).toBe(200);
  expect(
    answer.json<PushResponse>().results.map((r) => `${r.status}${r.error ? ` ${r.error.code}` : ''}`),
  ).toEqual(queued.map(() => 'applied'));
  const resend = await send();
  expect(resend.json<PushResponse>().results.every((r) => r.status === 'duplicate')).toBe(true);
}

describe(`an outbox queued by the client of ${captured.capturedFrom}`, () => {
  it('drains against this server: every command applies, once', async () => {
    const session = await t.signIn({ deviceId: 'handheld-from-the-last-release' });
    const products = await stockedProducts(t.database.db, 'MI01', 20, 4);
    const names = new Map<string, string>();
    const placed: OrderDetail[] = [];
    for (const order of captured.orders) {
      const lines = order.lines.map((line) => ({ line, product: products.shift()! }));
      const result = await t.placeOrder(
        lines.map(({ line, product }) => ({ sku: product.sku, qty: line.qtyOrdered })),
        { pickupCode: order.pickupCode },
      );
      const detail = (
        await t.app.inject({ url: `/api/orders/${result.id}`, headers: bearer(session) })
      ).json<OrderDetail>();
      placed.push(detail);
      names.set(order.id, detail.id);
      for (const { line, product } of lines) {
        names.set(line.id, detail.lines.find((l) => l.lineNo === line.lineNo)!.id);
        // The scan step sends a product code as its GTIN-14.
        names.set(line.barcode, product.barcode);
        names.set(line.barcode.padStart(14, '0'), product.gtin14);
      }
    }

    const queued = captured.outbox
      .filter((r) => r.status === 'pending')
      .sort((a, b) => a.localOrder - b.localOrder);
    expect(queued.map((r) => r.name)).toEqual([
      'order.claim',
      'pick.confirm',
      'pick.confirm',
      'pick.confirm',
      'pick.short',
      'order.cancelLine',
      'order.stage',
      'order.handover',
    ]);
    await drainsOnce(session, queued, names);

    const first = placed[0]!;
    const after = (
      await t.app.inject({ url: `/api/orders/${first.id}`, headers: bearer(session) })
    ).json<OrderDetail>();
    expect(after.status).toBe('collected');
    const byLineNo = [...after.lines].sort((a, b) => a.lineNo - b.lineNo);
    expect(byLineNo.map((l) => [l.lineNo, l.qtyPicked, l.qtyShort, Boolean(l.customerNotified)])).toEqual([
      [1, 1, 0, false],
      [2, 2, 0, false],
      [3, 0, 1, true],
    ]);
  });
});

/**
 * The release after it (c5a1370, issue 15) added substitutes, ID checks, refusals and partial
 * handovers, and `order.stage` and `order.handover` moved to v2. Its outbox, captured offline in
 * a real browser, must drain against every later server as it drains against this one: an order
 * claimed, one unit picked and one substituted with the alternative the customer ranked, staged;
 * a staged order with one unit refused and one handed over; an age-restricted order ID-checked
 * and handed over. The orders are placed and staged here as they were before the capture.
 */
interface CapturedV2 {
  capturedFrom: string;
  substitutes: { sku: string; barcode: string }[];
  orders: {
    id: string;
    number: string;
    pickupCode: string;
    preparedBeforeCapture: 'placed' | 'staged';
    lines: {
      id: string;
      lineNo: number;
      sku: string;
      barcode: string;
      qtyOrdered: number;
      minimumAge?: number;
      substitution?: { mode: 'alternatives'; skus: string[] };
    }[];
  }[];
  outbox: Captured['outbox'];
}

const capturedV2 = JSON.parse(
  readFileSync(new URL('./fixtures/outbox-v2.json', import.meta.url), 'utf8'),
) as CapturedV2;

describe(`an outbox queued by the client of ${capturedV2.capturedFrom}`, () => {
  it('drains against this server: substitute, refusal, partial handover and ID check apply once', async () => {
    const device = await t.signIn({ deviceId: 'handheld-from-release-c5a1370' });
    const colleague = await t.signIn({ deviceId: 'colleague-handheld-v2-fixture' });
    const lineCount = capturedV2.orders.reduce((n, o) => n + o.lines.length, 0);
    const pool = await stockedProducts(t.database.db, 'MI01', lineCount + capturedV2.substitutes.length, 4);
    const names = new Map<string, string>();
    const mapProduct = (captured: { sku: string; barcode: string }) => {
      const product = pool.shift()!;
      names.set(captured.sku, product.sku);
      names.set(captured.barcode, product.barcode);
      names.set(captured.barcode.padStart(14, '0'), product.gtin14);
      return product;
    };
    for (const substitute of capturedV2.substitutes) mapProduct(substitute);
    const act = async (orderId: string, action: string, payload: object) => {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/orders/${orderId}/${action}`,
        headers: bearer(colleague),
        payload,
      });
      expect(response.statusCode, response.body).toBe(200);
    };

    const placed: OrderDetail[] = [];
    for (const order of capturedV2.orders) {
      const lines = order.lines.map((line) => ({ line, product: mapProduct(line) }));
      const result = await t.placeOrder([], {
        pickupCode: order.pickupCode,
        lines: lines.map(({ line, product }) => ({
          sku: product.sku,
          qty: line.qtyOrdered,
          unitPriceCents: 2500,
          ...(line.minimumAge ? { minimumAge: line.minimumAge } : {}),
          ...(line.substitution ? { substitution: translate(line.substitution, names) } : {}),
        })) as IntakeOrderBody['lines'],
      });
      if (order.preparedBeforeCapture === 'staged') {
        await act(result.id, 'claim', {});
        for (const { line, product } of lines) {
          await act(result.id, 'pick', { code: product.barcode, qty: line.qtyOrdered });
        }
        await act(result.id, 'stage', { locationCode: 'MI01-B05', shareShelf: true });
      }
      const detail = (
        await t.app.inject({ url: `/api/orders/${result.id}`, headers: bearer(device) })
      ).json<OrderDetail>();
      placed.push(detail);
      names.set(order.id, detail.id);
      for (const { line } of lines)
        names.set(line.id, detail.lines.find((l) => l.lineNo === line.lineNo)!.id);
    }

    // Sent as the device sends its outbox: what is queued, a command the network cut off included.
    const queued = capturedV2.outbox
      .filter((r) => r.status === 'pending' || r.status === 'retrying')
      .sort((a, b) => a.localOrder - b.localOrder);
    expect(queued.map((r) => `${r.name}@${r.v}`)).toEqual([
      'order.claim@1',
      'pick.confirm@1',
      'pick.substitute@1',
      'order.stage@2',
      'order.refuseItems@1',
      'order.handover@2',
      'order.checkId@1',
      'order.handover@2',
    ]);
    await drainsOnce(device, queued, names);

    const read = async (id: string) =>
      (await t.app.inject({ url: `/api/orders/${id}`, headers: bearer(device) })).json<OrderDetail>();
    const [substituted, refused, checked] = await Promise.all(placed.map((o) => read(o.id)));
    expect(substituted!.status).toBe('ready');
    expect(substituted!.lines[0]!.substitute).toMatchObject({
      sku: names.get(capturedV2.substitutes[0]!.sku),
      qty: 1,
      status: 'picked',
    });
    expect(refused!.status).toBe('ready');
    expect(refused!.lines[0]).toMatchObject({ qtyHandedOver: 1, qtyRefused: 1 });
    expect(checked!.status).toBe('collected');
    expect(checked!.idCheck).toMatchObject({ documentType: 'identityCard', last4: 'AB12' });
  });
});
