import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { CheckInResult, EnrolledKiosk, KioskList } from '../../contract/kiosk';
import type { OrderDetail } from '../../contract/orders';
import type { PickupPassResponse } from '../../contract/passes';
import { auditLog, orders, pickupArrivals, storeSync } from '../db/schema';
import type { StockedProduct } from '../testing/fixtures';
import { stockedProducts } from '../testing/fixtures';
import type { TestApp } from '../testing/test-app';
import { bearer, createTestApp } from '../testing/test-app';
import { checkIn, CHECK_IN_LIMITS } from './check-in';
import type { KioskPrincipal } from './kiosk-auth';

let t: TestApp;
let manager: Session;
let associate: Session;
let kiosk: EnrolledKiosk;
let products: StockedProduct[];
let nextProduct = 0;

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signIn({ employeeId: '1000', pin: '9999' });
  associate = await t.signIn();
  products = await stockedProducts(t.database.db, 'MI01', 12);
  kiosk = await enroll(manager);
});
afterAll(() => t?.close());

async function enroll(who: Session, name = 'Counter 1'): Promise<EnrolledKiosk> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/kiosks',
    headers: bearer(who),
    payload: { name },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<EnrolledKiosk>();
}

const asKiosk = (secret: string = kiosk.secret) => ({ authorization: `Kiosk ${secret}` });

const post = (url: string, payload: object, who: Session = associate) =>
  t.app.inject({ method: 'POST', url, headers: bearer(who), payload });

const checkInRequest = (payload: object, secret?: string) =>
  t.app.inject({ method: 'POST', url: '/api/kiosk/check-in', headers: asKiosk(secret), payload });

async function placed() {
  const product = products[nextProduct++ % products.length]!;
  return { order: await t.placeOrder([{ sku: product.sku, qty: 1 }]), product };
}

async function readyOrder() {
  const { order, product } = await placed();
  await post(`/api/orders/${order.id}/claim`, {});
  await post(`/api/orders/${order.id}/pick`, { code: product.barcode });
  const staged = await post(`/api/orders/${order.id}/stage`, { locationCode: 'MI01-A03', shareShelf: true });
  expect(staged.json<OrderDetail>().status, staged.body).toBe('ready');
  return order;
}

describe('enrollment', () => {
  it('lets only managers enroll, list and revoke, and audits it', async () => {
    expect(manager.associate.role).toBe('manager');
    const denied = await t.app.inject({
      method: 'POST',
      url: '/api/kiosks',
      headers: bearer(associate),
      payload: { name: 'Nope' },
    });
    expect(denied.statusCode).toBe(403);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/kiosks', payload: { name: 'x' } })).statusCode,
    ).toBe(401);

    const second = await enroll(manager, 'Board');
    expect(second.secret.length).toBeGreaterThan(40);
    const list = await t.app.inject({ url: '/api/kiosks', headers: bearer(manager) });
    const kiosks = list.json<KioskList>().kiosks;
    expect(kiosks.map((k) => k.name)).toEqual(expect.arrayContaining(['Counter 1', 'Board']));
    expect(JSON.stringify(kiosks)).not.toContain(second.secret);

    const me = await t.app.inject({ url: '/api/kiosk/me', headers: asKiosk(second.secret) });
    expect(me.json()).toMatchObject({ name: 'Board', store: { id: 'MI01' } });

    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/kiosks/${second.kiosk.id}`,
      headers: bearer(manager),
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ revokedAt: expect.any(String) });
    const after = await t.app.inject({ url: '/api/kiosk/board', headers: asKiosk(second.secret) });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ code: 'kiosk.revoked' });

    const unknown = await t.app.inject({
      url: '/api/kiosk/board',
      headers: asKiosk('kiosk_not-a-real-secret'),
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toMatchObject({ code: 'kiosk.notEnrolled' });
    expect((await t.app.inject({ url: '/api/kiosk/board' })).json()).toMatchObject({
      code: 'kiosk.notEnrolled',
    });
    // An associate's bearer token is no kiosk secret.
    expect((await t.app.inject({ url: '/api/kiosk/board', headers: bearer(associate) })).statusCode).toBe(
      401,
    );

    const audits = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, second.kiosk.id));
    expect(audits.map((a) => a.action).sort()).toEqual(['kiosk.enroll', 'kiosk.revoke']);

    const missing = await t.app.inject({
      method: 'DELETE',
      url: `/api/kiosks/00000000-0000-4000-8000-000000000000`,
      headers: bearer(manager),
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe('check-in', () => {
  it('checks in a ready order by number and code: arrival, arrived_at, store change number', async () => {
    const order = await readyOrder();
    const [before] = await t.database.db.select().from(storeSync).where(eq(storeSync.storeId, 'MI01'));
    const response = await checkInRequest({ orderNumber: order.number, pickupCode: order.pickupCode });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<CheckInResult>();
    expect(body).toEqual({
      outcome: 'arrived',
      order: {
        orderId: order.id,
        maskedNumber: `•••${order.number.slice(-3)}`,
        customer: 'Chiara T.',
        status: 'ready',
        rated: false,
      },
    });
    expect(response.body).not.toContain('MI01-A03');
    expect(response.body).not.toContain(order.number);

    const [row] = await t.database.db.select().from(orders).where(eq(orders.id, order.id));
    expect(row!.arrivedAt).not.toBeNull();
    const arrivals = await t.database.db
      .select()
      .from(pickupArrivals)
      .where(eq(pickupArrivals.orderId, order.id));
    expect(arrivals).toHaveLength(1);
    expect(arrivals[0]).toMatchObject({ kind: 'counter', kioskId: kiosk.kiosk.id, storeId: 'MI01' });
    const [after] = await t.database.db.select().from(storeSync).where(eq(storeSync.storeId, 'MI01'));
    expect(arrivals[0]!.syncVersion).toBe(Number(after!.version));
    expect(Number(after!.version)).toBeGreaterThan(Number(before!.version));
    expect(row!.syncVersion).toBeGreaterThan(Number(before!.version));

    // Checking in again does not alert twice.
    const again = await checkInRequest({
      orderNumber: order.number.toLowerCase(),
      pickupCode: order.pickupCode,
    });
    expect(again.json<CheckInResult>().outcome).toBe('arrived');
    expect(
      await t.database.db.select().from(pickupArrivals).where(eq(pickupArrivals.orderId, order.id)),
    ).toHaveLength(1);

    const queue = await t.app.inject({ url: '/api/queue', headers: bearer(associate) });
    const item = queue
      .json<{ orders: { id: string; arrivedAt?: string | null }[] }>()
      .orders.find((o) => o.id === order.id);
    expect(item?.arrivedAt).toEqual(expect.any(String));
  });

  it('checks in by the signed pickup pass, and refuses a forged or foreign one', async () => {
    const order = await readyOrder();
    const pass = (
      await t.app.inject({ url: `/api/orders/${order.id}/pickup-pass`, headers: bearer(associate) })
    ).json<PickupPassResponse>().text;
    const forged = `${pass.slice(0, pass.lastIndexOf(':'))}:${'A'.repeat(86)}`;
    const bad = await checkInRequest({ pass: forged });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'kiosk.checkInFailed' });

    const good = await checkInRequest({ pass });
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json<CheckInResult>()).toMatchObject({ outcome: 'arrived', order: { orderId: order.id } });

    const garbage = await checkInRequest({ pass: '4006381333931' });
    expect(garbage.json()).toMatchObject({ code: 'kiosk.checkInFailed' });
  });

  it('answers a wrong code exactly like an unknown order, and an order of another store as unknown', async () => {
    const order = await readyOrder();
    const wrong = await checkInRequest({ orderNumber: order.number, pickupCode: '000001' });
    const unknown = await checkInRequest({ orderNumber: 'NO-SUCH-ORDER', pickupCode: '000001' });
    expect(wrong.statusCode).toBe(422);
    expect(unknown.statusCode).toBe(422);
    expect(wrong.body).toBe(unknown.body);

    const elsewhere = await t
      .placeOrder([{ sku: products[0]!.sku, qty: 1 }], { storeId: 'RM01' })
      .catch(() => null);
    if (elsewhere) {
      const foreign = await checkInRequest({
        orderNumber: elsewhere.number,
        pickupCode: elsewhere.pickupCode,
      });
      expect(foreign.statusCode).toBe(422);
      expect(foreign.body).toBe(unknown.body);
    }
  });

  it('says "not ready yet" with the status, and that a collected order was collected', async () => {
    const { order } = await placed();
    const early = await checkInRequest({ orderNumber: order.number, pickupCode: order.pickupCode });
    expect(early.statusCode).toBe(200);
    expect(early.json<CheckInResult>()).toMatchObject({ outcome: 'notReady', order: { status: 'new' } });
    expect(
      await t.database.db.select().from(pickupArrivals).where(eq(pickupArrivals.orderId, order.id)),
    ).toHaveLength(0);

    const ready = await readyOrder();
    await post(`/api/orders/${ready.id}/handover`, { code: ready.pickupCode });
    const late = await checkInRequest({ orderNumber: ready.number, pickupCode: ready.pickupCode });
    expect(late.json<CheckInResult>()).toMatchObject({
      outcome: 'collected',
      order: { status: 'collected' },
    });
  });

  it('refuses bad input with 400, never 500', async () => {
    for (const payload of [{}, { orderNumber: 'X' }, { orderNumber: 'X', pickupCode: '12' }, { pass: '' }]) {
      const response = await checkInRequest(payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const notJson = await t.app.inject({
      method: 'POST',
      url: '/api/kiosk/check-in',
      headers: { ...asKiosk(), 'content-type': 'application/json' },
      payload: '{nope',
    });
    expect(notJson.statusCode).toBe(400);
  });
});

describe('rate limit', () => {
  it('blocks an order number after 5 wrong codes, with retryAfterSeconds, over HTTP', async () => {
    const order = await readyOrder();
    for (let i = 0; i < CHECK_IN_LIMITS.perOrder; i++) {
      expect((await checkInRequest({ orderNumber: order.number, pickupCode: '111111' })).statusCode).toBe(
        422,
      );
    }
    const blocked = await checkInRequest({ orderNumber: order.number, pickupCode: order.pickupCode });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toEqual(expect.any(String));
    expect(blocked.json()).toMatchObject({
      code: 'kiosk.tooManyTries',
      details: { retryAfterSeconds: expect.any(Number) },
    });
  });

  it("an outsider's five wrong codes do not lock the customer out: the QR pass still checks in", async () => {
    const order = await readyOrder();
    const outsider = await enroll(manager, 'Counter 3');
    for (let i = 0; i < CHECK_IN_LIMITS.perOrder; i++) {
      const wrong = await checkInRequest(
        { orderNumber: order.number, pickupCode: '444444' },
        outsider.secret,
      );
      expect(wrong.statusCode).toBe(422);
    }
    // Typed codes for this order now wait, at any kiosk, and the answer asks for the QR pass.
    const typed = await checkInRequest({ orderNumber: order.number, pickupCode: order.pickupCode });
    expect(typed.statusCode).toBe(429);
    expect(typed.json()).toMatchObject({ code: 'kiosk.tooManyTries', details: { useQrPass: true } });
    const pass = (
      await t.app.inject({ url: `/api/orders/${order.id}/pickup-pass`, headers: bearer(associate) })
    ).json<PickupPassResponse>().text;
    const scanned = await checkInRequest({ pass });
    expect(scanned.statusCode, scanned.body).toBe(200);
    expect(scanned.json<CheckInResult>()).toMatchObject({ outcome: 'arrived', order: { orderId: order.id } });
  });

  it('counts per kiosk and per order, and resets when the window ends', async () => {
    const fresh = await enroll(manager, 'Counter 2');
    const principal: KioskPrincipal = { kioskId: fresh.kiosk.id, storeId: 'MI01', name: 'Counter 2' };
    const verifyPass = () => false;
    const start = new Date('2030-01-01T10:00:00Z');
    const order = await readyOrder();
    const wrong = { orderNumber: order.number, pickupCode: '222222' };
    for (let i = 0; i < CHECK_IN_LIMITS.perOrder; i++) {
      await expect(
        checkIn(t.database.db, principal, wrong, { verifyPass, limits: t.app.limits, now: start }),
      ).rejects.toMatchObject({
        statusCode: 422,
      });
    }
    const minuteLater = new Date(start.getTime() + 60_000);
    await expect(
      checkIn(
        t.database.db,
        principal,
        { ...wrong, pickupCode: order.pickupCode },
        { verifyPass, limits: t.app.limits, now: minuteLater },
      ),
    ).rejects.toMatchObject({ statusCode: 429, details: { retryAfterSeconds: 14 * 60 } });

    // Other orders still check in at this kiosk until its own budget is spent.
    for (let i = CHECK_IN_LIMITS.perOrder; i < CHECK_IN_LIMITS.perKiosk; i++) {
      await expect(
        checkIn(
          t.database.db,
          principal,
          { orderNumber: `GUESS-${i}`, pickupCode: '333333' },
          {
            verifyPass,
            limits: t.app.limits,
            now: minuteLater,
          },
        ),
      ).rejects.toMatchObject({ statusCode: 422 });
    }
    const other = await readyOrder();
    await expect(
      checkIn(
        t.database.db,
        principal,
        { orderNumber: other.number, pickupCode: other.pickupCode },
        {
          verifyPass,
          limits: t.app.limits,
          now: minuteLater,
        },
      ),
    ).rejects.toMatchObject({ statusCode: 429 });

    const nextWindow = new Date(start.getTime() + CHECK_IN_LIMITS.windowSeconds * 1000);
    const result = await checkIn(
      t.database.db,
      principal,
      { orderNumber: order.number, pickupCode: order.pickupCode },
      { verifyPass, limits: t.app.limits, now: nextWindow },
    );
    expect(result.outcome).toBe('arrived');
  });
});

describe('rating', () => {
  it('takes one rating per collected order of the store', async () => {
    const order = await readyOrder();
    const rate = (payload: object) =>
      t.app.inject({ method: 'POST', url: '/api/kiosk/rating', headers: asKiosk(), payload });
    const early = await rate({ orderId: order.id, rating: 5 });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'kiosk.notCollected' });

    await post(`/api/orders/${order.id}/handover`, { code: order.pickupCode });
    expect((await rate({ orderId: order.id, rating: 0 })).statusCode).toBe(400);
    expect((await rate({ orderId: order.id, rating: 6 })).statusCode).toBe(400);
    expect((await rate({ orderId: 'nope', rating: 3 })).statusCode).toBe(400);
    expect((await rate({ orderId: '00000000-0000-4000-8000-000000000000', rating: 3 })).statusCode).toBe(404);

    const first = await rate({ orderId: order.id, rating: 4, comment: 'Quick!' });
    expect(first.statusCode, first.body).toBe(204);
    const second = await rate({ orderId: order.id, rating: 1 });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'kiosk.alreadyRated' });

    const view = await t.app.inject({ url: `/api/kiosk/orders/${order.id}`, headers: asKiosk() });
    expect(view.json()).toMatchObject({ status: 'collected', rated: true });
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, order.id), eq(auditLog.action, 'order.rated')));
    expect(audits).toHaveLength(1);
  });
});

describe('OpenAPI', () => {
  it('documents the kiosk routes', async () => {
    const response = await t.app.inject({ url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/api/kiosks', '/api/kiosk/check-in', '/api/kiosk/rating', '/api/kiosk/board']),
    );
  });
});

describe('board', () => {
  it('lists preparing and ready orders with labels that keep customers private', async () => {
    const ready = await readyOrder();
    const { order: preparing } = await placed();
    const response = await t.app.inject({ url: '/api/kiosk/board', headers: asKiosk() });
    expect(response.statusCode).toBe(200);
    const board = response.json<{ preparing: { label: string }[]; ready: { label: string }[] }>();
    expect(board.ready.map((e) => e.label)).toContain(`${ready.number.slice(-3)} · C.`);
    expect(board.preparing.map((e) => e.label)).toContain(`${preparing.number.slice(-3)} · C.`);
    expect(response.body).not.toContain('Chiara');
    expect(response.body).not.toContain(ready.number);
    expect(response.body).not.toContain(ready.id);
  });
});
