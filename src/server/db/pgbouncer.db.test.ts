import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { PushResponse } from '../../contract/sync';
import type { DatabaseHandle } from './client';
import { rowsOf } from './rows';
import type { ChildServer } from '../testing/child-server';
import { startChildServer } from '../testing/child-server';
import { openEventStream } from '../testing/event-stream';
import { intakeBody, stockedProducts } from '../testing/fixtures';
import type { Bouncer } from '../testing/pgbouncer';
import { startPgBouncer } from '../testing/pgbouncer';
import type { Http } from '../testing/sync-scenario';
import { authorization, fetchHttp, push, signInOver } from '../testing/sync-scenario';
import { openTestDatabase, testDatabaseKind, testDatabaseUrl } from '../testing/test-database';
import { seedTestData, TEST_API_KEY, TEST_JWT_SECRET } from '../testing/test-app';

/**
 * Issue 16 point 4, as a chain deploys it: queries through PgBouncer in transaction mode
 * (DATABASE_URL), LISTEN straight to PostgreSQL (DATABASE_LISTEN_URL). Server A is one process,
 * server B two workers (WORKERS=2). A push through A pokes a device on B, a sign-out on A ends
 * the session on B, and no session state (an advisory lock) is left behind in the pooler.
 */
const METRICS_TOKEN = 'a-metrics-token-0123456789';
let database: DatabaseHandle | undefined;
let bouncer: Bouncer | undefined;
const servers: ChildServer[] = [];

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await bouncer?.stop();
  await database?.close();
});

describe.skipIf(testDatabaseKind() !== 'postgres')(
  'two servers through PgBouncer in transaction mode',
  () => {
    let a: Http;
    let b: { url: string; http: Http };

    beforeAll(async () => {
      database = await openTestDatabase();
      await seedTestData(database);
      const direct = testDatabaseUrl(database)!;
      bouncer = await startPgBouncer(direct);
      const env = {
        NODE_ENV: 'production',
        SEED: 'demo',
        DEMO_ORDERS: 'off',
        LOG_LEVEL: 'warn',
        JWT_SECRET: TEST_JWT_SECRET,
        INTAKE_API_KEY: TEST_API_KEY,
        DATABASE_URL: bouncer.through(direct),
        DATABASE_LISTEN_URL: direct,
        DATABASE_POOL_SIZE: '3',
        METRICS_TOKEN,
        TEST_DB: undefined,
      };
      // Three node processes compiling TypeScript at once on a busy CI machine: give them time.
      const ready = { readyTimeoutMs: 240_000 };
      const [serverA, serverB] = await Promise.all([
        startChildServer(env, ready),
        startChildServer({ ...env, WORKERS: '2' }, ready),
      ]);
      servers.push(serverA!, serverB!);
      a = fetchHttp(serverA!.baseUrl);
      b = { url: serverB!.baseUrl, http: fetchHttp(serverB!.baseUrl) };
    }, 300_000);

    it('a push through A pokes a device on B, whose workers count the poke', async () => {
      const onA = await signInOver(a, { employeeId: '1001', deviceId: 'bouncer-device-a' });
      const onB = await signInOver(b.http, { employeeId: '1002', deviceId: 'bouncer-device-b' });
      const events = await openEventStream(b.url, onB);
      expect(await events.next('ready', 0, 5_000)).toBeDefined();
      const [product] = await stockedProducts(database!.db, 'MI01', 1, 2);
      const placed = await a('POST', '/api/orders', {
        headers: { 'x-api-key': TEST_API_KEY },
        body: intakeBody([{ sku: product!.sku, qty: 1 }]),
      });
      expect(placed.status).toBe(201);
      const orderId = (placed.body as { id: string }).id;

      const mark = events.events.length;
      const pushed = await push(a, onA, randomUUID(), [
        { id: randomUUID(), seq: 1, name: 'order.claim', v: 1, args: { orderId } },
      ]);
      expect((pushed.body as PushResponse).results[0]?.status).toBe('applied');
      expect(await events.next('poke', mark, 2_000), 'B did not poke after a push through A').toBeDefined();

      // Whichever worker answers, /metrics is the sum over both: the stream is open on one.
      const metrics = await fetch(`${b.url}/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect(metrics.status).toBe(200);
      const text = await metrics.text();
      expect(text).toMatch(/^aisle_sync_event_streams_open 1$/m);
      expect(Number(/^aisle_sync_pokes_sent_total (\d+)$/m.exec(text)?.[1])).toBeGreaterThanOrEqual(1);
      events.close();
    });

    it('a sign-out on A ends the session on B, its open stream included', async () => {
      const session: Session = await signInOver(b.http, {
        employeeId: '1003',
        deviceId: 'bouncer-signed-out',
      });
      const events = await openEventStream(b.url, session);
      expect(await events.next('ready', 0, 5_000)).toBeDefined();
      const mark = events.events.length;
      const out = await a('POST', '/api/auth/sign-out', {
        headers: authorization(session),
        body: { refreshToken: session.refreshToken },
      });
      expect(out.status).toBe(204);
      const ended = await events.next('ended', mark, 5_000);
      expect(ended, 'the stream on B outlived a sign-out on A').toBeDefined();
      // Both of B's workers heard it: every request with the token is refused, not just one.
      for (let i = 0; i < 4; i += 1) {
        const again = await b.http('GET', '/api/sync/pull', { headers: authorization(session) });
        expect(again.status).toBe(401);
        expect((again.body as { code: string }).code).toBe('auth.sessionEnded');
      }
    });

    it('leaves no advisory lock behind (migrations lock over the direct connection)', async () => {
      const locks = rowsOf<{ held: number }>(
        await database!.db.execute(
          // This test's database only: other test files migrate their own databases meanwhile.
          sql`select count(*)::int as held from pg_locks
              where locktype = 'advisory'
                and database = (select oid from pg_database where datname = current_database())`,
        ),
      );
      expect(locks[0]?.held).toBe(0);
    });
  },
);
