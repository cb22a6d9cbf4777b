import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { OrderDetail, PickResult } from '../../contract/orders';
import { pickupPassContent } from '../../domain/pickup-pass';
import { auditLog } from '../db/schema';
import type { StockedProduct } from '../testing/fixtures';
import { stockedProducts, stockOf } from '../testing/fixtures';
import type { TestApp } from '../testing/test-app';
import { bearer, createTestApp } from '../testing/test-app';

let t: TestApp;
let session: Session;
let products: StockedProduct[];

beforeAll(async () => {
  t = await createTestApp();
  session = await t.signIn();
  products = await stockedProducts(t.database.db, 'MI01', 6);
});
afterAll(() => t?.close());

function post(url: string, payload: unknown, who: Session = session) {
  return t.app.inject({
    method: 'POST',
    url,
    headers: bearer(who),
    payload: payload as Record<string, unknown>,
  });
}

/** UPC-A labels are 12 digits; the catalogue keeps 13 or 14. Scanning either must match. */
function alternateForm(p: StockedProduct): string {
  return p.gtin14.replace(/^0+/, '').padStart(13, '0');
}

describe('the BOPIS journey through the API', () => {
  it('claims, picks with GTIN equivalence, refuses bad scans, stages, and hands over', async () => {
    const [a, b, other] = products as [StockedProduct, StockedProduct, StockedProduct];
    const before = {
      a: await stockOf(t.database.db, 'MI01', a.id),
      b: await stockOf(t.database.db, 'MI01', b.id),
    };
    const order = await t.placeOrder([
      { sku: a.sku, qty: 2 },
      { sku: b.sku, qty: 1 },
    ]);
    expect((await stockOf(t.database.db, 'MI01', a.id)).reserved).toBe(before.a.reserved + 2);

    // Picking before claiming is an illegal transition, not a silent no-op.
    const early = await post(`/api/orders/${order.id}/pick`, { code: a.barcode });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('order.illegalTransition');

    const claimed = await post(`/api/orders/${order.id}/claim`, {});
    expect(claimed.statusCode).toBe(200);
    expect(claimed.json<OrderDetail>().status).toBe('picking');
    expect(claimed.json<OrderDetail>().claimedBy?.id).toBe(session.associate.id);

    const first = await post(`/api/orders/${order.id}/pick`, { code: alternateForm(a) });
    expect(first.statusCode).toBe(200);
    const firstLine = first.json<PickResult>().order.lines.find((l) => l.sku === a.sku);
    expect(firstLine?.qtyPicked).toBe(1);

    const wrong = await post(`/api/orders/${order.id}/pick`, { code: other.barcode });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe('scan.wrongItem');

    const unknown = await post(`/api/orders/${order.id}/pick`, { code: '4006381333931' });
    expect(unknown.json().code).toBe('scan.unknownCode');
    const badCheck = await post(`/api/orders/${order.id}/pick`, {
      code: a.barcode.slice(0, -1) + ((Number(a.barcode.at(-1)) + 1) % 10),
    });
    expect(badCheck.json().code).toBe('scan.unknownCode');

    const overPick = await post(`/api/orders/${order.id}/pick`, { code: a.barcode, qty: 2 });
    expect(overPick.statusCode).toBe(422);
    expect(overPick.json().code).toBe('pick.overPick');

    await post(`/api/orders/${order.id}/pick`, { code: a.barcode });
    const complete = await post(`/api/orders/${order.id}/pick`, { code: a.barcode });
    expect(complete.json().code).toBe('pick.lineComplete');

    const lineB = (await t.app.inject({ url: `/api/orders/${order.id}`, headers: bearer(session) }))
      .json<OrderDetail>()
      .lines.find((l) => l.sku === b.sku);
    const short = await post(`/api/orders/${order.id}/short`, {
      lineId: lineB?.id,
      qty: 1,
      reason: 'damaged',
    });
    expect(short.statusCode).toBe(200);
    const picked = short.json<OrderDetail>();
    expect(picked.status).toBe('picked');
    expect(picked.lines.find((l) => l.sku === b.sku)).toMatchObject({ qtyShort: 1, shortReason: 'damaged' });
    // The short unit's reservation is released at once.
    expect((await stockOf(t.database.db, 'MI01', b.id)).reserved).toBe(before.b.reserved);

    const nowhere = await post(`/api/orders/${order.id}/stage`, { locationCode: 'MI01-Z99' });
    expect(nowhere.statusCode).toBe(422);
    expect(nowhere.json().code).toBe('staging.unknownLocation');
    const otherStoreShelf = await post(`/api/orders/${order.id}/stage`, { locationCode: 'MZ01-A01' });
    expect(otherStoreShelf.json().code).toBe('staging.unknownLocation');

    const staged = await post(`/api/orders/${order.id}/stage`, { locationCode: ' mi01-a03 ' });
    expect(staged.statusCode).toBe(200);
    expect(staged.json<OrderDetail>()).toMatchObject({ status: 'ready', stagingLocation: 'MI01-A03' });

    const badCode = await post(`/api/orders/${order.id}/handover`, { code: '000000' });
    expect(badCode.statusCode).toBe(422);
    expect(badCode.json().code).toBe('handover.codeMismatch');
    const otherPass = await post(`/api/orders/${order.id}/handover`, {
      code: pickupPassContent('W999999', order.pickupCode),
    });
    expect(otherPass.json().code).toBe('handover.wrongOrder');

    const handed = await post(`/api/orders/${order.id}/handover`, {
      code: pickupPassContent(order.number, order.pickupCode),
    });
    expect(handed.statusCode).toBe(200);
    expect(handed.json<OrderDetail>().status).toBe('collected');

    // Picked units leave the shelf count at handover; every reservation is gone.
    const after = {
      a: await stockOf(t.database.db, 'MI01', a.id),
      b: await stockOf(t.database.db, 'MI01', b.id),
    };
    expect(after.a).toMatchObject({ onHand: before.a.onHand - 2, reserved: before.a.reserved });
    expect(after.b).toMatchObject({ onHand: before.b.onHand, reserved: before.b.reserved });

    const again = await post(`/api/orders/${order.id}/handover`, { code: order.pickupCode });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('order.illegalTransition');

    const trail = await t.database.db
      .select({ action: auditLog.action, actorId: auditLog.actorId, deviceId: auditLog.deviceId })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'order'), eq(auditLog.entityId, order.id)))
      .orderBy(auditLog.id);
    expect(trail.map((r) => r.action)).toEqual([
      'order.intake',
      'order.claim',
      'order.pick',
      'order.pick',
      'order.short',
      'order.finishPick',
      'order.stage',
      // The short unit was removed (no substitutes wanted): refunded at staging (ADR 0046).
      'order.substitutionRefund',
      // The wrong code and the other order's pass, audited without the code (issue 13 point 7).
      'order.handoverCodeRefused',
      'order.handoverCodeRefused',
      'order.handover',
    ]);
    expect(
      trail.slice(1).every((r) => r.actorId === session.associate.id && r.deviceId === 'test-device-0001'),
    ).toBe(true);
  });

  it('keeps an order to the associate who claimed it', async () => {
    const [, , , d] = products as StockedProduct[];
    const order = await t.placeOrder([{ sku: d!.sku, qty: 1 }]);
    await post(`/api/orders/${order.id}/claim`, {});
    const colleague = await t.signIn({ employeeId: '1002', deviceId: 'test-device-0002' });
    const steal = await post(`/api/orders/${order.id}/claim`, {}, colleague);
    expect(steal.statusCode).toBe(409);
    expect(steal.json().code).toBe('order.claimedByOther');
    const pick = await post(`/api/orders/${order.id}/pick`, { code: d!.barcode }, colleague);
    expect(pick.statusCode).toBe(409);
    expect(pick.json().code).toBe('order.notClaimedByYou');
  });

  it('cancels an order in which nothing could be found, and releases its stock', async () => {
    const [, , , , e] = products as StockedProduct[];
    const before = await stockOf(t.database.db, 'MI01', e!.id);
    const order = await t.placeOrder([{ sku: e!.sku, qty: 2 }]);
    const claimed = await post(`/api/orders/${order.id}/claim`, {});
    const lineId = claimed.json<OrderDetail>().lines[0]?.id;
    const tooMany = await post(`/api/orders/${order.id}/short`, { lineId, qty: 3, reason: 'not_found' });
    expect(tooMany.json().code).toBe('pick.shortExceedsRemaining');
    const short = await post(`/api/orders/${order.id}/short`, { lineId, qty: 2, reason: 'not_found' });
    expect(short.json<OrderDetail>().status).toBe('cancelled');
    expect(await stockOf(t.database.db, 'MI01', e!.id)).toMatchObject({
      onHand: before.onHand,
      reserved: before.reserved,
    });
  });

  it('shows the queue sorted by promise time, scoped to the signed-in store', async () => {
    const queue = await t.app.inject({ url: '/api/queue', headers: bearer(session) });
    expect(queue.statusCode).toBe(200);
    const orders = queue.json<{ orders: { promisedAt: string; id: string }[] }>().orders;
    expect(orders.length).toBeGreaterThan(5);
    const times = orders.map((o) => o.promisedAt);
    expect([...times].sort()).toEqual(times);

    const monza = await t.signIn({ storeId: 'MZ01', employeeId: '3001' });
    const theirs = await t.app.inject({ url: '/api/queue', headers: bearer(monza) });
    const theirIds = new Set(theirs.json<{ orders: { id: string }[] }>().orders.map((o) => o.id));
    expect(orders.some((o) => theirIds.has(o.id))).toBe(false);
    const peek = await t.app.inject({ url: `/api/orders/${orders[0]?.id}`, headers: bearer(monza) });
    expect(peek.statusCode).toBe(404);
    expect(peek.json().code).toBe('order.notFound');
  });
});
