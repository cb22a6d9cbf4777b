import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { PullResponse, PushResponse } from '../../contract/sync';
import { auditLog, mutationLog } from '../db/schema';
import type { StockedProduct } from '../testing/fixtures';
import { stockedProducts } from '../testing/fixtures';
import type { TestApp } from '../testing/test-app';
import { bearer, createTestApp } from '../testing/test-app';

/**
 * Issue 12, point 3: one bad command must never stall a device. Each poison kind sits between
 * valid commands of one batch; the batch answers 200, the poison is refused alone with a stable
 * code, the valid commands apply exactly once (a resend answers duplicates), and nothing of the
 * poison is stored.
 */
let t: TestApp;
let session: Session;
let products: StockedProduct[];

beforeAll(async () => {
  t = await createTestApp();
  session = await t.signIn({ deviceId: 'poison-device' });
  products = await stockedProducts(t.database.db, 'MI01', 8);
});
afterAll(() => t?.close());

/** A nested value, sent as text: serialising it in the test would overflow the test's own stack. */
const DEEP = Symbol('deep');
const nested = (depth: number) => ({ [DEEP]: depth });

function bodyText(clientId: string, mutations: unknown[]): string {
  const json = JSON.stringify({ clientId, mutations }, (_key, value: unknown) =>
    value && typeof value === 'object' && DEEP in value
      ? `@@DEEP${(value as Record<symbol, number>)[DEEP]}@@`
      : value,
  );
  return json.replace(
    /"@@DEEP(\d+)@@"/g,
    (_m, n: string) => '{"a":'.repeat(Number(n)) + '"bottom"' + '}'.repeat(Number(n)),
  );
}

const push = (clientId: string, mutations: unknown[], who: Session = session) =>
  t.app.inject({
    method: 'POST',
    url: '/api/sync/push',
    headers: { ...bearer(who), 'content-type': 'application/json' },
    payload: bodyText(clientId, mutations),
  });

const poisons: { kind: string; make: (orderId: string, id: string) => object; code: string }[] = [
  {
    kind: 'a NUL byte in a scanned code',
    make: (orderId, id) => ({
      id,
      name: 'pick.confirm',
      v: 1,
      args: { orderId, code: '4006381\u0000333931', qty: 1 },
    }),
    code: 'sync.unsafeText',
  },
  {
    kind: 'a lone surrogate in a scanned code',
    make: (orderId, id) => ({ id, name: 'pick.confirm', v: 1, args: { orderId, code: 'abc\ud800', qty: 1 } }),
    code: 'sync.unsafeText',
  },
  {
    kind: 'a NUL byte in the command name',
    make: (orderId, id) => ({ id, name: 'order.\u0000claim', v: 1, args: { orderId } }),
    code: 'sync.unsafeText',
  },
  {
    kind: 'arguments nested 5,000 levels deep',
    make: (orderId, id) => ({ id, name: 'order.claim', v: 1, args: { orderId, extra: nested(5000) } }),
    code: 'sync.argsTooLarge',
  },
  {
    kind: 'a version this server does not know',
    make: (orderId, id) => ({ id, name: 'order.claim', v: 99, args: { orderId } }),
    code: 'sync.unknownCommand',
  },
];

describe('a bad mutation is refused alone', () => {
  for (const [index, poison] of poisons.entries()) {
    it(`refuses ${poison.kind}, and applies the commands around it exactly once`, async () => {
      const product = products[index]!;
      const order = await t.placeOrder([{ sku: product.sku, qty: 2 }]);
      const clientId = randomUUID();
      const batch = [
        { id: randomUUID(), seq: 1, name: 'order.claim', v: 1, args: { orderId: order.id } },
        { seq: 2, ...poison.make(order.id, randomUUID()) },
        {
          id: randomUUID(),
          seq: 3,
          name: 'pick.confirm',
          v: 1,
          args: { orderId: order.id, code: product.barcode, qty: 1 },
        },
        {
          id: randomUUID(),
          seq: 4,
          name: 'pick.confirm',
          v: 1,
          args: { orderId: order.id, code: product.barcode, qty: 1 },
        },
      ];
      const first = await push(clientId, batch);
      expect(first.statusCode).toBe(200);
      const body = first.json<PushResponse>();
      expect(body.lastProcessedSeq).toBe(4);
      expect(body.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied', 'applied']);
      expect(body.results[1]?.error?.code).toBe(poison.code);

      const again = await push(clientId, batch);
      expect(again.statusCode).toBe(200);
      expect(again.json<PushResponse>().results.map((r) => [r.status, r.originalStatus])).toEqual([
        ['duplicate', 'applied'],
        ['duplicate', 'rejected'],
        ['duplicate', 'applied'],
        ['duplicate', 'applied'],
      ]);
      const detail = (
        await t.app.inject({ url: `/api/orders/${order.id}`, headers: bearer(session) })
      ).json();
      expect(detail).toMatchObject({ status: 'picked', pickedUnits: 2 });
      const picks = await t.database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(auditLog)
        .where(and(eq(auditLog.entityId, order.id), eq(auditLog.action, 'order.pick')));
      expect(picks[0]?.n).toBe(2);
    });
  }

  it('refuses the second of two mutations with the same id, and never stores it twice', async () => {
    const product = products[6]!;
    const order = await t.placeOrder([{ sku: product.sku, qty: 2 }]);
    const clientId = randomUUID();
    const twin = randomUUID();
    const pick = { name: 'pick.confirm', v: 1, args: { orderId: order.id, code: product.barcode, qty: 1 } };
    const batch = [
      { id: randomUUID(), seq: 1, name: 'order.claim', v: 1, args: { orderId: order.id } },
      { id: twin, seq: 2, ...pick },
      { id: twin, seq: 3, ...pick },
      { id: randomUUID(), seq: 4, ...pick },
    ];
    const body = (await push(clientId, batch)).json<PushResponse>();
    expect(body.results.map((r) => r.error?.code ?? r.status)).toEqual([
      'applied',
      'applied',
      'sync.duplicateMutationId',
      'applied',
    ]);
    expect(body.lastProcessedSeq).toBe(4);
    const logged = await t.database.db.select().from(mutationLog).where(eq(mutationLog.mutationId, twin));
    expect(logged).toHaveLength(1);
    // The resend of the whole batch is answered the same, and applies nothing more.
    const again = (await push(clientId, batch)).json<PushResponse>();
    expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'rejected', 'duplicate']);
    const detail = (await t.app.inject({ url: `/api/orders/${order.id}`, headers: bearer(session) })).json();
    expect(detail).toMatchObject({ status: 'picked', pickedUnits: 2 });
  });

  it('never answers 5xx, whatever the mutations hold', async () => {
    const clientId = randomUUID();
    const strange = [
      { id: randomUUID(), seq: 1, name: '\ud83d', v: 1, args: null },
      { id: randomUUID(), seq: 2, name: 'pick.confirm', v: 1, args: ['\u0000'] },
      { id: randomUUID(), seq: 3, name: 'order.claim', v: 1, args: { orderId: '\u0000' } },
      { id: randomUUID(), seq: 4, name: 'order.claim', v: 1, args: nested(20_000) },
      { id: randomUUID(), seq: 5, name: 'return.submit', v: 1, args: { ['\u0000']: 1 } },
    ];
    const response = await push(clientId, strange);
    expect(response.statusCode).toBe(200);
    expect(response.json<PushResponse>().results.every((r) => r.status === 'rejected')).toBe(true);
  });
});

describe('a client id belongs to its device', () => {
  it("refuses another device's token on a stream, and tells it nothing", async () => {
    const clientId = randomUUID();
    const product = products[7]!;
    const order = await t.placeOrder([{ sku: product.sku, qty: 1 }]);
    const mine = await push(clientId, [
      { id: randomUUID(), seq: 1, name: 'order.claim', v: 1, args: { orderId: order.id } },
    ]);
    expect(mine.statusCode).toBe(200);

    const intruder = await t.signIn({ employeeId: '1002', deviceId: 'someone-elses-device' });
    const stolen = await push(
      clientId,
      [{ id: randomUUID(), seq: 5, name: 'order.claim', v: 1, args: { orderId: order.id } }],
      intruder,
    );
    expect(stolen.statusCode).toBe(403);
    expect(stolen.json()).toEqual({ code: 'sync.foreignClient', message: expect.any(String) });

    const peek = await t.app.inject({
      url: `/api/sync/pull?clientId=${clientId}`,
      headers: bearer(intruder),
    });
    expect(peek.statusCode).toBe(403);
    expect(JSON.stringify(peek.json())).not.toContain('lastProcessedSeq');

    const otherStore = await t.signIn({ storeId: 'MI02', employeeId: '2001', deviceId: 'poison-device' });
    const elsewhere = await push(
      clientId,
      [{ id: randomUUID(), seq: 2, name: 'order.claim', v: 1, args: { orderId: order.id } }],
      otherStore,
    );
    expect(elsewhere.statusCode).toBe(403);
    const pulled = await t.app.inject({
      url: `/api/sync/pull?clientId=${clientId}`,
      headers: bearer(otherStore),
    });
    expect(pulled.statusCode).toBe(403);

    // The same device, another associate signed in on it (a shared handheld): its stream goes on.
    const colleague = await t.signIn({ employeeId: '1003', deviceId: 'poison-device' });
    const pulledOwn = await t.app.inject({
      url: `/api/sync/pull?clientId=${clientId}`,
      headers: bearer(colleague),
    });
    expect(pulledOwn.json<PullResponse>().lastProcessedSeq).toBe(1);
  });
});
