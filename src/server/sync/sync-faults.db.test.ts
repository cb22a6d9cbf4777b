import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { PullResponse, PushResponse } from '../../contract/sync';
import { rowsOf } from '../db/rows';
import { auditLog, mutationLog, orderLines, stockMovements } from '../db/schema';
import type { StockedProduct } from '../testing/fixtures';
import { intakeBody, stockOf, stockedProducts } from '../testing/fixtures';
import type { Http, PlacedOrder, WireMutation } from '../testing/sync-scenario';
import {
  authorization,
  fetchHttp,
  placeOrders,
  push,
  signInOver,
  commandStream,
} from '../testing/sync-scenario';
import { testDatabaseKind } from '../testing/test-database';
import type { TestApp } from '../testing/test-app';
import { createTestApp, TEST_API_KEY } from '../testing/test-app';

/**
 * Issue test (b): faults around one push over real HTTP. The answer to a committed push is
 * lost (the device gave up, or the connection broke on the way back): the resend must be
 * answered from the log, with exactly one effect. Two pushes from one device at once must
 * never both apply a command.
 */

let t: TestApp;
let http: Http;
let baseUrl: string;
let session: Session;
let products: StockedProduct[];
/** While set, answers to pushes wait for it: the server has committed, the device has no answer yet. */
let holdAnswers: Promise<void> | undefined;
/** Called when a push has passed its body parsing and is about to run. */
let onPushArrived: (() => void) | undefined;

beforeAll(async () => {
  t = await createTestApp(
    {},
    {
      configure: (app) => {
        app.addHook('preHandler', async (request) => {
          if (request.url === '/api/sync/push') onPushArrived?.();
        });
        app.addHook('onSend', async (request, _reply, payload) => {
          if (request.url === '/api/sync/push' && holdAnswers) await holdAnswers;
          return payload;
        });
      },
    },
  );
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  http = fetchHttp(baseUrl);
  session = await signInOver(http, { employeeId: '1001', deviceId: 'faults-device-1' });
  products = await stockedProducts(t.database.db, 'MI01', 12, 4);
});
afterAll(() => t?.close());

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const stream = () => commandStream();

async function placeOne(lines: { sku: string; qty: number }[]): Promise<PlacedOrder> {
  const [order] = await placeOrders(http, TEST_API_KEY, [intakeBody(lines)], session);
  return order as PlacedOrder;
}

/** A push whose answer the device never reads: the request is aborted on the device's side. */
function abortablePush(clientId: string, mutations: WireMutation[]) {
  const controller = new AbortController();
  const settled = fetch(`${baseUrl}/api/sync/push`, {
    method: 'POST',
    headers: { ...authorization(session), 'content-type': 'application/json' },
    body: JSON.stringify({ clientId, mutations }),
    signal: controller.signal,
  }).then(
    async (response) => ({
      outcome: 'answered' as const,
      status: response.status,
      body: await response.text(),
    }),
    (error: unknown) => ({ outcome: 'aborted' as const, error }),
  );
  return { abort: () => controller.abort(), settled };
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const logged = async (mutationId: string) =>
  (await t.database.db.select().from(mutationLog).where(eq(mutationLog.mutationId, mutationId))).length === 1;

async function effects(order: PlacedOrder, clientId: string) {
  const db = t.database.db;
  const lines = await db
    .select({ lineNo: orderLines.lineNo, qtyPicked: orderLines.qtyPicked, qtyShort: orderLines.qtyShort })
    .from(orderLines)
    .where(eq(orderLines.orderId, order.id))
    .orderBy(orderLines.lineNo);
  const audit = await db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'order'), eq(auditLog.entityId, order.id)))
    .orderBy(auditLog.id);
  const movements = await db
    .select({ reason: stockMovements.reason, deltaReserved: stockMovements.deltaReserved })
    .from(stockMovements)
    .where(eq(stockMovements.orderId, order.id))
    .orderBy(stockMovements.id);
  const [log] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(mutationLog)
    .where(eq(mutationLog.clientId, clientId));
  return {
    lines,
    audit: audit.map((a) => a.action),
    movements: movements.map((m) => `${m.reason}:${m.deltaReserved}`),
    logRows: Number(log?.n),
  };
}

/** A claim, two picks, a wrong code and a short: the order ends picked. */
function pickingBatch(s: ReturnType<typeof stream>, order: PlacedOrder, a: StockedProduct) {
  return [
    s.next('order.claim', { orderId: order.id }),
    s.next('pick.confirm', { orderId: order.id, code: a.barcode, qty: 1 }),
    s.next('pick.confirm', { orderId: order.id, code: a.barcode, qty: 1 }),
    s.next('pick.confirm', { orderId: order.id, code: '4006381333931', qty: 1 }),
    s.next('pick.short', { orderId: order.id, lineId: order.lines[1]!.id, qty: 1, reason: 'damaged' }),
  ];
}

async function expectExactlyOnce(order: PlacedOrder, clientId: string) {
  expect(await effects(order, clientId)).toEqual({
    lines: [
      { lineNo: 1, qtyPicked: 2, qtyShort: 0 },
      { lineNo: 2, qtyPicked: 0, qtyShort: 1 },
    ],
    audit: ['order.intake', 'order.claim', 'order.pick', 'order.pick', 'order.short', 'order.finishPick'],
    movements: ['order.reserve:2', 'order.reserve:1', 'order.short:-1'],
    logRows: 5,
  });
}

async function expectResendAnsweredFromLog(clientId: string, batch: WireMutation[]) {
  const resend = await push(http, session, clientId, batch);
  expect(resend.status).toBe(200);
  const body = resend.body as PushResponse;
  expect(body.lastProcessedSeq).toBe(batch.at(-1)!.seq);
  expect(body.results.map((r) => r.status)).toEqual(batch.map(() => 'duplicate'));
  expect(body.results.map((r) => r.originalStatus)).toEqual([
    'applied',
    'applied',
    'applied',
    'rejected',
    'applied',
  ]);
  // The stored results come back: the picks name their line, the wrong code says why.
  const stored = await t.database.db.select().from(mutationLog).where(eq(mutationLog.clientId, clientId));
  for (const r of body.results) {
    const row = stored.find((s) => s.mutationId === r.id);
    expect({ result: r.result, error: r.error }).toMatchObject(row?.result as object);
  }
  expect(body.results[1]?.result).toEqual({ lineId: expect.any(String) });
  expect(body.results[3]?.error?.code).toBe('scan.unknownCode');
  return body;
}

describe('a lost acknowledgement over real HTTP', () => {
  it('answers the resend of a committed push from the log, with exactly one effect', async () => {
    const [a, b] = products as [StockedProduct, StockedProduct];
    const order = await placeOne([
      { sku: a.sku, qty: 2 },
      { sku: b.sku, qty: 1 },
    ]);
    const before = {
      a: await stockOf(t.database.db, 'MI01', a.id),
      b: await stockOf(t.database.db, 'MI01', b.id),
    };
    const s = stream();
    const batch = pickingBatch(s, order, a);

    // The server commits, then its answer is held back while the device gives up on it.
    const gate = deferred();
    holdAnswers = gate.promise;
    const request = abortablePush(s.clientId, batch);
    try {
      await waitFor('the push to commit', () => logged(batch.at(-1)!.id));
      request.abort();
      const settled = await request.settled;
      expect(settled.outcome).toBe('aborted');
    } finally {
      holdAnswers = undefined;
      gate.resolve();
    }

    // The device learns nothing from the lost answer; its resend is answered from the log.
    await expectResendAnsweredFromLog(s.clientId, batch);
    await expectResendAnsweredFromLog(s.clientId, batch);
    await expectExactlyOnce(order, s.clientId);
    expect(await stockOf(t.database.db, 'MI01', a.id)).toEqual(before.a);
    expect(await stockOf(t.database.db, 'MI01', b.id)).toEqual({
      ...before.b,
      reserved: before.b.reserved - 1,
    });

    // A pull also tells the device how far the server got.
    const pulled = await http('GET', `/api/sync/pull?clientId=${s.clientId}`, {
      headers: authorization(session),
    });
    expect((pulled.body as PullResponse).lastProcessedSeq).toBe(5);
  });

  it('commits a push whose device gave up while the server was still working, once', async () => {
    const [, , a, b] = products as [StockedProduct, StockedProduct, StockedProduct, StockedProduct];
    const order = await placeOne([
      { sku: a.sku, qty: 2 },
      { sku: b.sku, qty: 1 },
    ]);
    const s = stream();
    const batch = pickingBatch(s, order, a);

    // Another transaction holds the order, so the push waits inside its own transaction.
    const locked = deferred();
    const release = deferred();
    const holder = t.database.db.transaction(async (tx) => {
      await tx.execute(sql`select id from orders where id = ${order.id} for update`);
      locked.resolve();
      await release.promise;
    });
    await locked.promise;
    const arrived = deferred();
    onPushArrived = arrived.resolve;
    const request = abortablePush(s.clientId, batch);
    try {
      await arrived.promise;
      await new Promise((r) => setTimeout(r, 50));
      request.abort();
      expect((await request.settled).outcome).toBe('aborted');
    } finally {
      onPushArrived = undefined;
      release.resolve();
      await holder;
    }

    await waitFor('the abandoned push to commit', () => logged(batch.at(-1)!.id));
    await expectResendAnsweredFromLog(s.clientId, batch);
    await expectExactlyOnce(order, s.clientId);
  });
});

describe('two pushes from one device at once', () => {
  it.skipIf(testDatabaseKind() !== 'postgres')(
    'tells the second to wait (409 sync.inProgress) while the first holds the stream',
    async () => {
      const [, , , , a, b] = products as StockedProduct[];
      const order = await placeOne([
        { sku: a!.sku, qty: 2 },
        { sku: b!.sku, qty: 1 },
      ]);
      const s = stream();
      const warmUp = s.next('order.claim', { orderId: randomUUID() }); // the stream exists
      expect((await push(http, session, s.clientId, [warmUp])).status).toBe(200);
      const batch = pickingBatch(s, order, a!);

      const locked = deferred();
      const release = deferred();
      const holder = t.database.db.transaction(async (tx) => {
        await tx.execute(sql`select id from orders where id = ${order.id} for update`);
        locked.resolve();
        await release.promise;
      });
      await locked.promise;
      let first: Promise<Awaited<ReturnType<Http>>> | undefined;
      try {
        first = push(http, session, s.clientId, batch);
        await waitFor('the first push to wait on the order lock', async () => {
          const waiting = await t.database.db.execute(
            sql`select count(*)::int as n from pg_stat_activity
                where datname = current_database() and wait_event_type = 'Lock'`,
          );
          return Number(rowsOf<{ n: number }>(waiting)[0]?.n) > 0;
        });
        const second = await push(http, session, s.clientId, batch);
        expect(second.status).toBe(409);
        expect(second.body).toMatchObject({ code: 'sync.inProgress' });
      } finally {
        release.resolve();
        await holder;
      }
      const answer = await first;
      expect(answer.status).toBe(200);
      expect((answer.body as PushResponse).results.map((r) => r.status)).toEqual([
        'applied',
        'applied',
        'applied',
        'rejected',
        'applied',
      ]);
      const again = await push(http, session, s.clientId, batch);
      expect((again.body as PushResponse).results.every((r) => r.status === 'duplicate')).toBe(true);
      const e = await effects(order, s.clientId);
      expect(e.audit).toEqual([
        'order.intake',
        'order.claim',
        'order.pick',
        'order.pick',
        'order.short',
        'order.finishPick',
      ]);
      expect(e.logRows).toBe(6);
    },
  );

  it('never applies a command twice when the same batch races itself', async () => {
    const rounds = 10;
    const [a] = (await stockedProducts(t.database.db, 'MI01', 40, rounds)).slice(-1);
    const order = await placeOne([{ sku: a!.sku, qty: rounds }]);
    const s = stream();
    expect(
      (await push(http, session, s.clientId, [s.next('order.claim', { orderId: order.id })])).status,
    ).toBe(200);
    const seen = { applied: 0, duplicate: 0, inProgress: 0 };
    for (let round = 0; round < rounds; round++) {
      const batch = [s.next('pick.confirm', { orderId: order.id, code: a!.barcode, qty: 1 })];
      const answers = await Promise.all([
        push(http, session, s.clientId, batch),
        push(http, session, s.clientId, batch),
      ]);
      const statuses: string[] = [];
      for (const answer of answers) {
        if (answer.status === 409) {
          expect(answer.body).toMatchObject({ code: 'sync.inProgress' });
          seen.inProgress++;
          continue;
        }
        expect(answer.status).toBe(200);
        statuses.push(...(answer.body as PushResponse).results.map((r) => r.status));
      }
      // Whatever the timing, one of the two applied it; the other waited or saw a duplicate.
      expect(statuses.filter((st) => st === 'applied')).toHaveLength(1);
      seen.applied++;
      seen.duplicate += statuses.filter((st) => st === 'duplicate').length;
      if (statuses.length < 2) {
        // A device told "in progress" retries, and gets the stored result.
        const retry = await push(http, session, s.clientId, batch);
        expect((retry.body as PushResponse).results[0]?.status).toBe('duplicate');
      }
    }
    const e = await effects(order, s.clientId);
    expect(e.lines).toEqual([{ lineNo: 1, qtyPicked: rounds, qtyShort: 0 }]);
    expect(e.audit.filter((x) => x === 'order.pick')).toHaveLength(rounds);
    expect(e.logRows).toBe(rounds + 1);
    console.log(`racing pushes (${testDatabaseKind()}): ${JSON.stringify(seen)}`);
  });
});
