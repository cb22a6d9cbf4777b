import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { IntakeOrderBody } from '../../contract/orders';
import type { PullResponse, PushResponse } from '../../contract/sync';
import type { DatabaseHandle } from '../db/client';
import { openDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { rowsOf } from '../db/rows';
import type { ChildServer } from '../testing/child-server';
import { startChildServer } from '../testing/child-server';
import type { StockedProduct } from '../testing/fixtures';
import { intakeBody, stockedProducts } from '../testing/fixtures';
import type { CommandTemplate, Http, Outcome, PlacedOrder, WireMutation } from '../testing/sync-scenario';
import {
  authorization,
  captureState,
  fetchHttp,
  injectHttp,
  materialize,
  placeOrders,
  push,
  signInOver,
  stockBySku,
} from '../testing/sync-scenario';
import { openTestDatabase, testDatabaseKind, testDatabaseUrl } from '../testing/test-database';
import type { TestApp } from '../testing/test-app';
import { createTestApp, seedTestData, TEST_API_KEY, TEST_JWT_SECRET } from '../testing/test-app';

/**
 * Issue test (d): the server process is killed (SIGKILL, no shutdown) while a push of 50
 * commands is in flight, then started again on the same data; the device resends the batch.
 * Every command must be processed exactly once and the state must equal a fault-free run.
 *
 * Round 0 measures an undisturbed batch. Round 1 kills at 30% of that time (on PostgreSQL it
 * parks the batch on a row lock first, so that kill is certainly inside the transaction),
 * round 2 at 80%, and round 3 right after the answer arrived: acknowledged work must survive.
 */
const STORE = 'MI01';
const PICKUP_CODE = '482913';
const ORDERS_PER_ROUND = 6;

let server: ChildServer | undefined;
let dataDir: string | undefined;
let pgHandle: DatabaseHandle | undefined;
let oracle: TestApp | undefined;

afterAll(async () => {
  await server?.stop('SIGKILL');
  await oracle?.close();
  await pgHandle?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

interface Round {
  bodies: IntakeOrderBody[];
  templates: (placedOffset: number) => CommandTemplate[];
}

/** Claim, one pick per unit, a wrong code, stage and hand over, for each order; 50 in all. */
function roundOf(products: StockedProduct[]): Round {
  const plans = Array.from({ length: ORDERS_PER_ROUND }, (_, i) => {
    const lines = [
      { product: products[i * 2] as StockedProduct, qty: 2 },
      { product: products[i * 2 + 1] as StockedProduct, qty: 3 },
    ];
    return { lines, body: intakeBody(lines.map((l) => ({ sku: l.product.sku, qty: l.qty }))) };
  });
  return {
    bodies: plans.map((p) => p.body),
    templates: (offset) =>
      plans
        .flatMap((plan, i): CommandTemplate[] => {
          const order = offset + i;
          return [
            { kind: 'claim', order },
            ...plan.lines.flatMap((l) =>
              Array.from({ length: l.qty }, (): CommandTemplate => ({
                kind: 'pick',
                order,
                code: l.product.barcode,
                qty: 1,
              })),
            ),
            { kind: 'pick', order, code: '4006381333931', qty: 1 },
            { kind: 'stage', order, location: `${STORE}-A0${(i % 9) + 1}` },
            { kind: 'handover', order, code: PICKUP_CODE },
          ];
        })
        .slice(0, 50),
  };
}

describe('a server restarted in the middle of a push', () => {
  it('processes every command exactly once after the restart, as a fault-free run does', async () => {
    const kind = testDatabaseKind();
    const env: Record<string, string | undefined> = {
      NODE_ENV: 'production',
      SEED: 'demo',
      DEMO_ORDERS: 'off',
      LOG_LEVEL: 'info', // the "incoming request" line tells the test when the push arrived
      JWT_SECRET: TEST_JWT_SECRET,
      INTAKE_API_KEY: TEST_API_KEY,
      DATABASE_URL: undefined,
      TEST_DB: undefined,
    };

    // The data the child server will serve, seeded small, plus a fault-free twin in process.
    let prepared: DatabaseHandle;
    if (kind === 'postgres') {
      pgHandle = await openTestDatabase();
      prepared = pgHandle;
      env.DATABASE_URL = testDatabaseUrl(pgHandle);
    } else {
      dataDir = mkdtempSync(join(tmpdir(), 'aisle-restart-'));
      env.DATA_DIR = dataDir;
      prepared = await openDatabase({ dataDir });
      await runMigrations(prepared);
    }
    const [, oracleApp] = await Promise.all([seedTestData(prepared), createTestApp()]);
    oracle = oracleApp;
    const candidates = await stockedProducts(oracle.database.db, STORE, 120, 4);
    const skus = candidates.map((p) => p.sku);
    const [here, there] = await Promise.all([
      stockBySku(prepared.db, STORE, skus),
      stockBySku(oracle.database.db, STORE, skus),
    ]);
    const products = candidates.filter((p) => JSON.stringify(here[p.sku]) === JSON.stringify(there[p.sku]));
    const rounds = [0, 1, 2, 3].map((r) =>
      roundOf(products.slice(r * ORDERS_PER_ROUND * 2, (r + 1) * ORDERS_PER_ROUND * 2)),
    );
    expect(products.length).toBeGreaterThanOrEqual(rounds.length * ORDERS_PER_ROUND * 2);
    if (kind === 'pglite') await prepared.close();

    server = await startChildServer(env);
    let http: Http = fetchHttp(server.baseUrl);
    const session: Session = await signInOver(http, { employeeId: '1001', deviceId: 'restart-device' });
    const oracleHttp = injectHttp(oracle.app);
    const oracleSession = await signInOver(oracleHttp, { employeeId: '1001', deviceId: 'restart-device' });
    const clientId = '6f1d2c3b-4a59-4e68-8b7c-9d0e1f2a3b4c';

    const placed: PlacedOrder[] = [];
    const placedOracle: PlacedOrder[] = [];
    const first = new Map<string, Outcome>();
    let lastSeq = 0;
    let batchMs = 0;
    const report: string[] = [];
    let killedInside = 0;

    for (const [r, round] of rounds.entries()) {
      placed.push(...(await placeOrders(http, TEST_API_KEY, round.bodies, session)));
      placedOracle.push(...(await placeOrders(oracleHttp, TEST_API_KEY, round.bodies, oracleSession)));
      const templates = round.templates(r * ORDERS_PER_ROUND);
      const ids = templates.map(() => randomUUID());
      const batch = (onto: PlacedOrder[]): WireMutation[] =>
        templates.map((t, i) => ({ id: ids[i] as string, seq: lastSeq + i + 1, ...materialize(t, onto) }));
      const wire = batch(placed);
      expect(wire).toHaveLength(50);

      // The fault-free twin gets the batch once.
      const twin = await push(oracleHttp, oracleSession, clientId, batch(placedOracle));
      expect(twin.status).toBe(200);

      if (r === 0) {
        // A first, undisturbed round measures how long a batch of 50 takes on this machine.
        const started = performance.now();
        const answer = await push(http, session, clientId, wire);
        batchMs = performance.now() - started;
        expect(answer.status).toBe(200);
        for (const result of (answer.body as PushResponse).results) first.set(result.id, result);
        lastSeq += 50;
        report.push(`round 0: no fault, batch of 50 took ${batchMs.toFixed(0)} ms`);
        continue;
      }

      // On PostgreSQL, round 1 parks the batch on a row lock: the lock is taken before the
      // batch is sent (the push locks all its orders at once, as soon as it starts).
      const parkOnLock = kind === 'postgres' && r === 1;
      const releaseLock = parkOnLock ? await holdOrderLock(pgHandle!, placed.at(-1)!.id) : undefined;
      // Send the batch, and kill the server while it works on it.
      const arrivedAt = server.logs.length;
      let answered = false;
      const inFlight = fetch(`${server.baseUrl}/api/sync/push`, {
        method: 'POST',
        headers: { ...authorization(session), 'content-type': 'application/json' },
        body: JSON.stringify({ clientId, mutations: wire }),
      }).then(
        () => (answered = true),
        () => undefined,
      );
      await server.waitForLog(
        (line) =>
          server!.logs.indexOf(line) >= arrivedAt &&
          line.msg === 'incoming request' &&
          line.req?.url === '/api/sync/push',
      );
      let how: string;
      if (parkOnLock) {
        // The batch waits on the last order's row lock: kill it there.
        await waitForLockWait(pgHandle!);
        how = 'while it waited on a row lock in its transaction';
      } else if (r === 3) {
        // Acknowledged work must survive a crash: kill the moment the answer is in.
        await inFlight;
        how = 'right after it answered';
      } else if (r === 1) {
        // The moment it arrives: the batch is still being read, checked or applied. (Round 0's
        // time includes warming up, and a warm batch can commit within a third of it, so a
        // delay measured from it may land after the commit on a quiet machine.)
        how = 'the moment it arrived';
      } else {
        await new Promise((resolve) => setTimeout(resolve, batchMs * 0.5));
        how = `${(batchMs * 0.5).toFixed(0)} ms after it arrived`;
      }
      await server.stop('SIGKILL');
      await releaseLock?.();
      await inFlight;

      server = await startChildServer(env);
      http = fetchHttp(server.baseUrl);
      const pulled = await http('GET', `/api/sync/pull?clientId=${clientId}`, {
        headers: authorization(session),
      });
      expect(pulled.status).toBe(200);
      const seen = (pulled.body as PullResponse).lastProcessedSeq;
      // One transaction per batch: all of it committed, or none.
      expect([lastSeq, lastSeq + 50]).toContain(seen);
      const committed = seen === lastSeq + 50;
      if (answered) expect(committed, 'an acknowledged batch was lost in the crash').toBe(true);
      if (!committed && !answered) killedInside++;

      // The device resends; a stream still held by the killed server's session says "wait".
      let resend = await push(http, session, clientId, wire);
      for (let attempt = 0; resend.status === 409 && attempt < 50; attempt++) {
        expect(resend.body).toMatchObject({ code: 'sync.inProgress' });
        await new Promise((resolve) => setTimeout(resolve, 100));
        resend = await push(http, session, clientId, wire);
      }
      expect(resend.status, JSON.stringify(resend.body)).toBe(200);
      const body = resend.body as PushResponse;
      expect(body.lastProcessedSeq).toBe(lastSeq + 50);
      expect(new Set(body.results.map((x) => x.status))).toEqual(
        committed ? new Set(['duplicate']) : new Set(['applied', 'rejected']),
      );
      for (const result of body.results) {
        expect(first.has(result.id)).toBe(false);
        first.set(
          result.id,
          result.status === 'duplicate' ? { ...result, status: result.originalStatus! } : result,
        );
      }
      lastSeq += 50;
      report.push(
        `round ${r}: killed ${how}; ${
          committed
            ? answered
              ? 'the batch had committed and been acknowledged'
              : 'the batch had committed but its answer was lost'
            : 'nothing had committed'
        }`,
      );
    }
    console.log(`server restart (${kind}):\n  ${report.join('\n  ')}`);
    expect(killedInside).toBeGreaterThanOrEqual(1);
    expect(first.size).toBe(50 * rounds.length);

    // The state after the faults equals the fault-free twin's.
    let stateDb: DatabaseHandle;
    if (kind === 'postgres') {
      stateDb = pgHandle!;
    } else {
      await server.stop('SIGTERM');
      server = undefined;
      stateDb = await openDatabase({ dataDir: dataDir! });
    }
    try {
      const [got, want] = await Promise.all([
        captureState(stateDb.db, STORE, placed, [clientId]),
        captureState(oracle.database.db, STORE, placedOracle, [clientId]),
      ]);
      expect(got.mutationLogRows).toBe(50 * rounds.length);
      expect(got.lastSeq).toEqual({ [clientId]: 50 * rounds.length });
      expect(got.orders).toEqual(want.orders);
      expect(got.stock).toEqual(want.stock);
      expect(got.movements).toEqual(want.movements);
      expect(got.audit).toEqual(want.audit);
      expect(got.mutations).toEqual(want.mutations);
      expect(got.orders.filter((o) => o.status === 'collected').length).toBeGreaterThanOrEqual(
        rounds.length * 4,
      );
    } finally {
      if (kind === 'pglite') await stateDb.close();
    }
  }, 180_000);
});

/** Holds a row lock on an order from another connection until the returned function is called. */
async function holdOrderLock(handle: DatabaseHandle, orderId: string): Promise<() => Promise<void>> {
  let release!: () => void;
  let locked!: () => void;
  const isLocked = new Promise<void>((r) => (locked = r));
  const released = new Promise<void>((r) => (release = r));
  const holder = handle.db.transaction(async (tx) => {
    await tx.execute(sql`select id from orders where id = ${orderId} for update`);
    locked();
    await released;
  });
  await isLocked;
  return async () => {
    release();
    await holder;
  };
}

async function waitForLockWait(handle: DatabaseHandle): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const result = await handle.db.execute(
      sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
    );
    if (Number(rowsOf<{ n: number }>(result)[0]?.n) > 0) return;
    if (Date.now() > deadline) throw new Error('the push never waited on the lock');
    await new Promise((r) => setTimeout(r, 10));
  }
}
