import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { OrderDetail } from '../../contract/orders';
import type { PickupPassResponse } from '../../contract/passes';
import type { PullResponse, PushResponse } from '../../contract/sync';
import { parseSignedPass } from '../../domain/signed-pickup-pass';
import { buildApp } from '../app';
import { auditLog } from '../db/schema';
import type { StockedProduct } from '../testing/fixtures';
import { stockedProducts } from '../testing/fixtures';
import type { TestApp } from '../testing/test-app';
import { bearer, createTestApp, TEST_API_KEY, TEST_JWT_SECRET } from '../testing/test-app';

let t: TestApp;
let session: Session;
let products: StockedProduct[];
let nextProduct = 0;

beforeAll(async () => {
  t = await createTestApp();
  session = await t.signIn();
  products = await stockedProducts(t.database.db, 'MI01', 8);
});
afterAll(() => t?.close());

const post = (url: string, payload: object, who: Session = session) =>
  t.app.inject({ method: 'POST', url, headers: bearer(who), payload });

const getPass = (orderId: string, who: Session = session) =>
  t.app.inject({ url: `/api/orders/${orderId}/pickup-pass`, headers: bearer(who) });

/** A pickup order of one unit, claimed, picked and staged: ready to hand over. */
async function readyOrder() {
  const product = products[nextProduct++ % products.length] as StockedProduct;
  const order = await t.placeOrder([{ sku: product.sku, qty: 1 }]);
  await post(`/api/orders/${order.id}/claim`, {});
  await post(`/api/orders/${order.id}/pick`, { code: product.barcode });
  const staged = await post(`/api/orders/${order.id}/stage`, { locationCode: 'MI01-A03', shareShelf: true });
  expect(staged.json<OrderDetail>().status).toBe('ready');
  return order;
}

/** A pass for the order drawn by someone who does not hold the server's key, naming its key id. */
function forge(genuine: string): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  const input = genuine.slice(0, genuine.lastIndexOf(':'));
  return `${input}:${sign(null, Buffer.from(input), privateKey).toString('base64url')}`;
}

async function issuedText(orderId: string): Promise<string> {
  const response = await getPass(orderId);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<PickupPassResponse>().text;
}

describe('GET /api/orders/:orderId/pickup-pass', () => {
  it('signs a v2 pass that the public key from the pull verifies, and audits it', async () => {
    const order = await t.placeOrder([{ sku: products[0]!.sku, qty: 1 }]);
    const response = await getPass(order.id);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json<PickupPassResponse>();
    expect(body).toMatchObject({
      orderNumber: order.number,
      customerName: 'Chiara Test',
      store: { id: 'MI01', name: expect.stringContaining('Milano') },
    });
    // The associate who opens the pass sees the QR, not the code spelled out (issue 13 point 7).
    expect(body).not.toHaveProperty('pickupCode');
    const pass = parseSignedPass(body.text);
    expect(pass).toMatchObject({
      storeCode: 'MI01',
      orderNumber: order.number,
      pickupCode: order.pickupCode,
      keyId: body.keyId,
    });
    expect(new Date(pass.issuedAt * 1000).toISOString()).toBe(body.issuedAt);

    // What a device does offline: WebCrypto, the raw public key from the pull, no secret.
    const pull = (
      await t.app.inject({ url: '/api/sync/pull', headers: bearer(session) })
    ).json<PullResponse>();
    const held = pull.passKeys?.find((key) => key.keyId === body.keyId);
    expect(held).toBeDefined();
    const key = await crypto.subtle.importKey(
      'raw',
      Buffer.from(held!.publicKey, 'base64url'),
      { name: 'Ed25519' },
      false,
      ['verify'],
    );
    const valid = await crypto.subtle.verify(
      { name: 'Ed25519' },
      key,
      Buffer.from(pass.signature, 'base64url'),
      new TextEncoder().encode(pass.signingInput),
    );
    expect(valid).toBe(true);

    const audit = await t.database.db
      .select({ action: auditLog.action, actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, order.id), eq(auditLog.action, 'order.issuePickupPass')));
    expect(audit).toEqual([{ action: 'order.issuePickupPass', actorId: session.associate.id }]);
  });

  it('is for the signed-in store only, signed-in associates only, and in-store orders only', async () => {
    const order = await t.placeOrder([{ sku: products[1]!.sku, qty: 1 }]);
    const monza = await t.signIn({ storeId: 'MZ01', employeeId: '3001' });
    const elsewhere = await getPass(order.id, monza);
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json().code).toBe('order.notFound');
    const anonymous = await t.app.inject({ url: `/api/orders/${order.id}/pickup-pass` });
    expect(anonymous.statusCode).toBe(401);
    expect((await getPass(randomUUID())).statusCode).toBe(404);

    const shipped = await t.placeOrder([{ sku: products[2]!.sku, qty: 1 }], {
      fulfillmentType: 'ship_from_store',
      shippingAddress: {
        name: 'Chiara Test',
        line1: 'Via Roma 1',
        city: 'Milano',
        postcode: '20121',
        country: 'IT',
      },
    });
    const notInStore = await getPass(shipped.id);
    expect(notInStore.statusCode).toBe(409);
    expect(notInStore.json().code).toBe('order.notForFulfillmentType');
  });
});

describe('handing over with a signed pass', () => {
  it('REST: accepts the genuine pass, refuses a forged or altered one', async () => {
    const order = await readyOrder();
    const genuine = await issuedText(order.id);

    const forged = await post(`/api/orders/${order.id}/handover`, { code: forge(genuine) });
    expect(forged.statusCode).toBe(422);
    expect(forged.json().code).toBe('pickupPass.badSignature');
    const altered = genuine.replace(`:${order.pickupCode}:`, ':000000:');
    const alteredAnswer = await post(`/api/orders/${order.id}/handover`, { code: altered });
    expect(alteredAnswer.json().code).toBe('pickupPass.badSignature');

    const other = await readyOrder();
    const wrongOrder = await post(`/api/orders/${order.id}/handover`, { code: await issuedText(other.id) });
    expect(wrongOrder.json().code).toBe('handover.wrongOrder');

    const handed = await post(`/api/orders/${order.id}/handover`, { code: genuine });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(handed.json<OrderDetail>().status).toBe('collected');
  });

  it('sync push: order.handover applies with the genuine pass and is rejected with a forged one', async () => {
    const [forgedOrder, genuineOrder] = [await readyOrder(), await readyOrder()];
    const clientId = randomUUID();
    const handover = (seq: number, orderId: string, code: string) => ({
      id: randomUUID(),
      seq,
      name: 'order.handover',
      v: 1,
      args: { orderId, code },
    });
    const pushed = await post('/api/sync/push', {
      clientId,
      mutations: [
        handover(1, forgedOrder.id, forge(await issuedText(forgedOrder.id))),
        handover(2, genuineOrder.id, await issuedText(genuineOrder.id)),
      ],
    });
    expect(pushed.statusCode, pushed.body).toBe(200);
    const { results } = pushed.json<PushResponse>();
    expect(results.map((r) => r.status)).toEqual(['rejected', 'applied']);
    expect(results[0]?.error?.code).toBe('pickupPass.badSignature');

    const detail = async (id: string) =>
      (await t.app.inject({ url: `/api/orders/${id}`, headers: bearer(session) })).json<OrderDetail>();
    expect((await detail(forgedOrder.id)).status).toBe('ready');
    expect((await detail(genuineOrder.id)).status).toBe('collected');
  });

  it('keeps the key across restarts, and a configured key takes over while the stored one still verifies', async () => {
    const order = await readyOrder();
    const before = await issuedText(order.id);
    const settings = {
      LOG_LEVEL: 'silent' as const,
      INTAKE_API_KEY: TEST_API_KEY,
      JWT_SECRET: TEST_JWT_SECRET,
      ACCESS_TOKEN_TTL_SECONDS: 900,
      REFRESH_TOKEN_TTL_DAYS: 30,
    };

    const restarted = await buildApp({ database: t.database, logger: false, settings });
    try {
      const pull = (
        await restarted.inject({ url: '/api/sync/pull', headers: bearer(session) })
      ).json<PullResponse>();
      expect(pull.passKeys?.map((key) => key.keyId)).toEqual([parseSignedPass(before).keyId]);
    } finally {
      await restarted.close();
    }

    const configured = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' });
    const rotated = await buildApp({
      database: t.database,
      logger: false,
      settings: { ...settings, PASS_SIGNING_KEY: configured.toString() },
    });
    try {
      const fresh = await rotated.inject({
        url: `/api/orders/${order.id}/pickup-pass`,
        headers: bearer(session),
      });
      const newKeyId = fresh.json<PickupPassResponse>().keyId;
      expect(newKeyId).not.toBe(parseSignedPass(before).keyId);
      const pull = (
        await rotated.inject({ url: '/api/sync/pull', headers: bearer(session) })
      ).json<PullResponse>();
      expect(pull.passKeys?.map((key) => key.keyId).sort()).toEqual(
        [newKeyId, parseSignedPass(before).keyId].sort(),
      );
      const handed = await rotated.inject({
        method: 'POST',
        url: `/api/orders/${order.id}/handover`,
        headers: bearer(session),
        payload: { code: before },
      });
      expect(handed.statusCode, handed.body).toBe(200);
    } finally {
      await rotated.close();
    }
  });
});
