import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { OrderDetail } from '../../contract/orders';
import type { PickupPassResponse } from '../../contract/passes';
import type { PullResponse, PushResponse } from '../../contract/sync';
import { auditLog } from '../db/schema';
import { HANDOVER_CODE_LIMIT } from '../rate-limit/limits';
import type { StockedProduct } from '../testing/fixtures';
import { stockedProducts } from '../testing/fixtures';
import type { TestApp } from '../testing/test-app';
import { bearer, createTestApp } from '../testing/test-app';

// Issue 13 point 7: handover code tries are limited and audited; the replica's digest is keyed.

let t: TestApp;
let associate: Session;
let products: StockedProduct[];
let nextProduct = 0;

beforeAll(async () => {
  t = await createTestApp();
  associate = await t.signIn();
  products = await stockedProducts(t.database.db, 'MI01', 8);
});
afterAll(() => t?.close());

const post = (url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: bearer(associate), payload });

async function readyOrder() {
  const product = products[nextProduct++ % products.length]!;
  const order = await t.placeOrder([{ sku: product.sku, qty: 1 }]);
  await post(`/api/orders/${order.id}/claim`, {});
  await post(`/api/orders/${order.id}/pick`, { code: product.barcode });
  const staged = await post(`/api/orders/${order.id}/stage`, { locationCode: 'MI01-A03', shareShelf: true });
  expect(staged.json<OrderDetail>().status, staged.body).toBe('ready');
  return order;
}

const refusals = async (orderId: string) =>
  (await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, orderId))).filter(
    (row) => row.action === 'order.handoverCodeRefused',
  );

describe('handover code tries', () => {
  it('are limited per order and audited without the code; the QR pass still hands over', async () => {
    const order = await readyOrder();
    for (let i = 0; i < HANDOVER_CODE_LIMIT.perOrder; i++) {
      const wrong = await post(`/api/orders/${order.id}/handover`, { code: String(100000 + i) });
      expect(wrong.statusCode).toBe(422);
      expect(wrong.json().code).toBe('handover.codeMismatch');
    }
    const typed = await post(`/api/orders/${order.id}/handover`, { code: order.pickupCode });
    expect(typed.statusCode).toBe(429);
    expect(typed.json()).toMatchObject({ code: 'handover.tooManyTries', details: { useQrPass: true } });
    const trail = await refusals(order.id);
    expect(trail).toHaveLength(HANDOVER_CODE_LIMIT.perOrder + 1);
    expect(JSON.stringify(trail)).not.toContain(order.pickupCode);
    expect(trail[0]).toMatchObject({
      actorId: associate.associate.id,
      details: { reason: 'handover.codeMismatch' },
    });

    const pass = (
      await t.app.inject({ url: `/api/orders/${order.id}/pickup-pass`, headers: bearer(associate) })
    ).json<PickupPassResponse>().text;
    const scanned = await post(`/api/orders/${order.id}/handover`, { code: pass });
    expect(scanned.statusCode, scanned.body).toBe(200);
    expect(scanned.json<OrderDetail>().status).toBe('collected');
  });

  it('count through the outbox too', async () => {
    const order = await readyOrder();
    const push = await t.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: bearer(associate),
      payload: {
        clientId: randomUUID(),
        mutations: [
          {
            id: randomUUID(),
            seq: 1,
            name: 'order.handover',
            v: 1,
            args: { orderId: order.id, code: '000001' },
          },
        ],
      },
    });
    expect(push.json<PushResponse>().results[0]).toMatchObject({
      status: 'rejected',
      error: { code: 'handover.codeMismatch' },
    });
    expect(await refusals(order.id)).toHaveLength(1);
  });
});

describe('the replica', () => {
  it('carries a keyed digest of the code and the keys to check it, never a bare SHA-256', async () => {
    const order = await readyOrder();
    const pull = await t.app.inject({ url: '/api/sync/pull', headers: bearer(associate) });
    const body = pull.json<PullResponse>();
    expect(body.cursor).toMatch(/^v2:\d+$/);
    const synced = body.orders.find((o) => o.id === order.id)!;
    const [, keyId, mac] = synced.pickupCodeDigest.split(':');
    expect(synced.pickupCodeDigest).toMatch(/^hmac1:\d{4}-\d{2}:[0-9a-f]{64}$/);
    expect(body.pickupCodeKeys?.map((k) => k.keyId)).toContain(keyId);
    // Without the key, the 10^6 codes all hash to something else.
    const { createHash, createHmac } = await import('node:crypto');
    const bare = createHash('sha256')
      .update(`aisle-pickup:${order.number}:${order.pickupCode}`)
      .digest('hex');
    expect(mac).not.toBe(bare);
    const key = Buffer.from(body.pickupCodeKeys!.find((k) => k.keyId === keyId)!.key, 'base64url');
    expect(
      createHmac('sha256', key).update(`aisle-pickup:${order.number}:${order.pickupCode}`).digest('hex'),
    ).toBe(mac);
    // A device that last pulled from the older server is given a full snapshot.
    const old = await t.app.inject({ url: '/api/sync/pull?cursor=v1:1', headers: bearer(associate) });
    expect(old.json<PullResponse>().reset).toBe(true);
  });
});
