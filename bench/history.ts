// `npm run bench:history` (issue 16, point 5): does a year of closed orders slow the store's
// work? Two fresh PostgreSQL databases, each the benchmark chain (200 stores × 20,000 products)
// with today's open orders on top: one with the last 7 days of closed orders ("without": the
// KPI week reads the same days in both), one with 365 days ("with"). In each, through the API
// (app.inject, in process, like the stock-lookup bench):
//
// - history-pull-p95-ms: a pull bringing one new order (cursor sent, no seq: the database is
//   read), after each intake at the store;
// - history-first-sync-p95-ms: a pull without a cursor (the snapshot a new handheld takes);
// - history-queue-p95-ms: GET /api/queue (the associates' and the manager's queue);
// - history-kpi-p95-ms: GET /api/manager/kpis, range day and week;
// - history-returns-lookup-p95-ms: GET /api/returns/orders?q= by order number, e-mail and a
//   national phone number, for orders anywhere in the history.
//
// Each row's value is the p95 with the history, beside `without`, `with` and `ratio`; issue 16
// wants every ratio ≤ 1.2. The history is the whole chain at a sample rate (ADR 0054): the
// first --full-stores stores (the ones measured) at --orders-per-day, every other store at
// --other-orders-per-day. Takes several minutes; PostgreSQL only.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:history
//   npm run bench:history -- --days=365 --full-stores=4 --orders-per-day=100 --other-orders-per-day=3
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { PullResponse } from '../src/contract/sync';
import { buildApp } from '../src/server/app';
import type { Db } from '../src/server/db/client';
import { rowsOf } from '../src/server/db/rows';
import { createRng } from '../src/server/db/seed';
import { seedChain } from '../src/server/demo/seed-chain';
import { historyTables, seedHistory, type HistoryStats } from '../src/server/demo/seed-history';
import { intakeBody, stockedProducts } from '../src/server/testing/fixtures';
import { openBenchDatabase, percentile } from './bench-db';
import { printReport, recordNote, recordResult } from './report';

function flag(name: string, fallback: string): string {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length) ?? fallback;
}
const settings = {
  days: Number(flag('days', '365')),
  baselineDays: Number(flag('baseline-days', '7')),
  fullStores: Number(flag('full-stores', '4')),
  ordersPerDay: Number(flag('orders-per-day', '100')),
  otherOrdersPerDay: Number(flag('other-orders-per-day', '3')),
  stores: Number(flag('stores', '200')),
  products: Number(flag('products', '20000')),
  /** Open orders placed today at each measured store before measuring. */
  openOrders: Number(flag('open-orders', '40')),
  calls: Number(flag('calls', '100')),
};
const RATIO_BUDGET = 1.2;
/** The chain of issue 16: 2,000 stores × ~100 orders a day. */
const CHAIN_ORDERS_PER_YEAR = 2_000 * 100 * 365;

const INTAKE_KEY = 'bench-intake-key-0000';
const load = () => loadavg()[0]!.toFixed(2);

interface Store {
  storeId: string;
  associate: Record<string, string>;
  manager: Record<string, string>;
  place: () => Promise<string>;
}

/** One database of the comparison, ready to be measured. */
interface Side {
  app: FastifyInstance;
  db: Db;
  stores: Store[];
  history: HistoryStats;
  dispose: () => Promise<void>;
}

type Kind = 'pull' | 'firstSync' | 'queue' | 'kpi' | 'number' | 'email' | 'phone';
type Figures = Record<Kind, number[]>;

async function timed<T>(times: number[], run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  times.push(performance.now() - started);
  return result;
}

async function signIn(app: FastifyInstance, db: Db, storeId: string, role: 'associate' | 'manager') {
  const [person] = rowsOf<{ employee_id: string }>(
    await db.execute(sql`select employee_id from associates
      where store_id = ${storeId} and role = ${role} and active order by employee_id limit 1`),
  );
  const answer = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: {
      storeId,
      employeeId: person!.employee_id,
      pin: role === 'manager' ? '9999' : '1234',
      deviceId: `bench-history-${storeId}-${role}`,
    },
  });
  if (answer.statusCode !== 200) throw new Error(`sign-in at ${storeId}: ${answer.body}`);
  return { authorization: `Bearer ${answer.json<{ accessToken: string }>().accessToken}` };
}

async function get(app: FastifyInstance, url: string, headers: Record<string, string>) {
  const response = await app.inject({ url, headers });
  if (response.statusCode !== 200) throw new Error(`GET ${url}: ${response.statusCode} ${response.body}`);
  return response;
}

/** A fresh database (dropped by dispose): the chain, `days` of history, and today's open orders. */
async function prepare(days: number): Promise<Side> {
  const bench = await openBenchDatabase('postgres', { prefix: 'aisle_history' });
  try {
    const chainStarted = performance.now();
    await seedChain(bench.handle, { stores: settings.stores, products: settings.products });
    console.log(
      `[history] chain in ${((performance.now() - chainStarted) / 1000).toFixed(0)} s (load ${load()})`,
    );
    const history = await seedHistory(bench.handle, {
      days,
      ordersPerDay: settings.ordersPerDay,
      fullStores: settings.fullStores,
      otherOrdersPerDay: settings.otherOrdersPerDay,
    });
    console.log(
      `[history] ${days} days: ${history.orders} orders, ${history.lines} lines, ${history.audit} audit rows, ${history.returns} returns in ${(history.ms / 1000).toFixed(0)} s (load ${load()})`,
    );
    const db = bench.handle.db;
    const app = await buildApp({
      database: bench.handle,
      logger: false,
      settings: {
        LOG_LEVEL: 'silent',
        INTAKE_API_KEY: INTAKE_KEY,
        JWT_SECRET: 'bench-secret-bench-secret-bench-secret-00',
        ACCESS_TOKEN_TTL_SECONDS: 3600,
        REFRESH_TOKEN_TTL_DAYS: 30,
      },
    });
    const rng = createRng(20_261_206);
    const stores: Store[] = [];
    for (const storeId of history.fullStores) {
      // Enough products that every order (two a time, in turn) finds its units, however many run.
      const skus = (await stockedProducts(db, storeId, 400, 5)).map((p) => p.sku);
      let next = 0;
      const associate = await signIn(app, db, storeId, 'associate');
      const manager = await signIn(app, db, storeId, 'manager');
      const place = async () => {
        const first = skus[next++ % skus.length]!;
        const second = skus[next++ % skus.length]!;
        const response = await app.inject({
          method: 'POST',
          url: '/api/orders',
          headers: { 'x-api-key': INTAKE_KEY },
          payload: intakeBody(
            [{ sku: first, qty: 1 }, ...(second === first ? [] : [{ sku: second, qty: 1 }])],
            { storeId, promisedAt: new Date(Date.now() + rng.int(1, 8) * 3_600_000).toISOString() },
          ),
        });
        if (response.statusCode !== 201) throw new Error(`intake at ${storeId}: ${response.body}`);
        return response.json<{ id: string }>().id;
      };
      // Today's work: open orders, a quarter of them being picked.
      for (let i = 0; i < settings.openOrders; i++) {
        const id = await place();
        if (i % 4 === 0) {
          await app.inject({
            method: 'POST',
            url: `/api/orders/${id}/claim`,
            headers: associate,
            payload: {},
          });
        }
      }
      stores.push({ storeId, associate, manager, place });
    }
    return {
      app,
      db,
      stores,
      history,
      async dispose() {
        await app.close();
        await bench.dispose();
      },
    };
  } catch (error) {
    await bench.dispose();
    throw error;
  }
}

/**
 * Every figure on both sides, call by call in turn (which side goes first alternates), so a
 * machine that is busier one minute than the next weighs on both alike.
 */
async function measure(sides: [Side, Side]): Promise<[Figures, Figures]> {
  const empty = (): Figures => ({
    pull: [],
    firstSync: [],
    queue: [],
    kpi: [],
    number: [],
    email: [],
    phone: [],
  });
  const figures: [Figures, Figures] = [empty(), empty()];
  const bothSides = async (i: number, step: (side: Side, figures: Figures) => Promise<void>) => {
    const order = i % 2 === 0 ? [0, 1] : [1, 0];
    for (const s of order) await step(sides[s]!, figures[s]!);
  };
  const at = (side: Side, i: number) => side.stores[i % side.stores.length]!;
  // Warm-up: the first requests compile serializers and fill the caches; they are not the figure.
  for (const side of sides) {
    for (const store of side.stores) {
      await get(side.app, '/api/queue', store.associate);
      await get(side.app, '/api/manager/kpis?range=week', store.manager);
    }
  }

  for (let i = 0; i < 12; i++) {
    await bothSides(i, async (side, f) => {
      await timed(f.firstSync, () => get(side.app, '/api/sync/pull', at(side, i).associate));
    });
  }
  const cursors = new Map<Side, Map<string, string>>();
  for (const side of sides) {
    const bySide = new Map<string, string>();
    for (const store of side.stores) {
      const first = await get(side.app, '/api/sync/pull', store.associate);
      bySide.set(store.storeId, first.json<PullResponse>().cursor);
    }
    cursors.set(side, bySide);
  }
  for (let i = 0; i < settings.calls; i++) {
    await bothSides(i, async (side, f) => {
      const store = at(side, i);
      await store.place();
      const bySide = cursors.get(side)!;
      const answer = await timed(f.pull, () =>
        get(
          side.app,
          `/api/sync/pull?cursor=${encodeURIComponent(bySide.get(store.storeId)!)}`,
          store.associate,
        ),
      );
      const body = answer.json<PullResponse>();
      if (body.orders.length !== 1) throw new Error(`a changed pull brought ${body.orders.length} orders`);
      bySide.set(store.storeId, body.cursor);
    });
  }
  for (let i = 0; i < settings.calls; i++) {
    await bothSides(i, async (side, f) => {
      await timed(f.queue, () => get(side.app, '/api/queue', at(side, i).associate));
    });
    await bothSides(i, async (side, f) => {
      const range = i % 2 === 0 ? 'day' : 'week';
      await timed(f.kpi, () => get(side.app, `/api/manager/kpis?range=${range}`, at(side, i).manager));
    });
  }

  // Orders to find on each side, drawn across its whole history and every store.
  const targets = await Promise.all(
    sides.map(async (side) =>
      rowsOf<{ number: string; customer_email: string; customer_phone: string }>(
        await side.db.execute(sql`select number, customer_email, customer_phone from orders
          where number like 'W%' and customer_phone is not null order by md5(id::text) limit ${settings.calls}`),
      ),
    ),
  );
  const lookups = Math.min(targets[0]!.length, targets[1]!.length);
  for (let i = 0; i < lookups; i++) {
    await bothSides(i, async (side, f) => {
      const target = targets[sides.indexOf(side)]![i]!;
      const headers = at(side, i).associate;
      const lookup = async (times: number[], q: string) => {
        const answer = await timed(times, () =>
          get(side.app, `/api/returns/orders?q=${encodeURIComponent(q)}`, headers),
        );
        if (answer.json<{ orders: unknown[] }>().orders.length === 0)
          throw new Error(`nothing found for ${q}`);
      };
      await lookup(f.number, target.number);
      await lookup(f.email, target.customer_email);
      // As a customer says it: the national number, without +39.
      await lookup(f.phone, target.customer_phone.replace(/^\+39/, ''));
    });
  }
  return figures;
}

function record(name: string, label: string, without: number[], withHistory: number[], loads: string) {
  const before = percentile(without, 95);
  const after = percentile(withHistory, 95);
  const ratio = after / before;
  recordResult(
    name,
    after,
    'ms',
    `${label}: p95 ${before.toFixed(1)} ms with ${settings.baselineDays} days of closed orders, ${after.toFixed(1)} ms with ${settings.days} (ratio ${ratio.toFixed(2)}, budget ≤ ${RATIO_BUDGET}; p50 ${percentile(without, 50).toFixed(1)} → ${percentile(withHistory, 50).toFixed(1)}; ${withHistory.length} calls; load ${loads})`,
    { without: before, with: after, ratio },
  );
  if (ratio > RATIO_BUDGET) recordNote(`${name}: ratio ${ratio.toFixed(2)} is over ${RATIO_BUDGET}`);
}

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    console.error(
      'bench:history runs on PostgreSQL: set DATABASE_URL to a server it may create databases on',
    );
    process.exit(1);
  }
  const sides: Side[] = [];
  try {
    sides.push(await prepare(settings.baselineDays));
    sides.push(await prepare(settings.days));
    const [without, withHistory] = await measure([sides[0]!, sides[1]!]);
    report(without, withHistory, sides[1]!.history);
  } finally {
    for (const side of sides) await side.dispose();
  }
}

function report(without: Figures, withHistory: Figures, h: HistoryStats): void {
  const loads = load();
  record(
    'history-pull-p95-ms',
    'GET /api/sync/pull bringing one new order',
    without.pull,
    withHistory.pull,
    loads,
  );
  record(
    'history-first-sync-p95-ms',
    `GET /api/sync/pull without a cursor (${settings.products} products)`,
    without.firstSync,
    withHistory.firstSync,
    loads,
  );
  record('history-queue-p95-ms', 'GET /api/queue', without.queue, withHistory.queue, loads);
  record('history-kpi-p95-ms', 'GET /api/manager/kpis, day and week', without.kpi, withHistory.kpi, loads);
  const all = (f: Figures) => [...f.number, ...f.email, ...f.phone];
  const kinds = (['number', 'email', 'phone'] as const)
    .map(
      (k) => `${k} ${percentile(without[k], 95).toFixed(1)} → ${percentile(withHistory[k], 95).toFixed(1)}`,
    )
    .join(', ');
  record(
    'history-returns-lookup-p95-ms',
    `GET /api/returns/orders?q= by order number, e-mail and national phone, any store (${kinds})`,
    all(without),
    all(withHistory),
    loads,
  );

  const bytes = historyTables.reduce((sum, t) => sum + h.bytes[t], 0);
  const perOrder = bytes / h.orders;
  recordResult(
    'history-generate-s',
    h.ms / 1000,
    's',
    `${h.days} days: ${h.orders} orders (${h.fullStores.length} stores at ${h.ordersPerDay}/day, ${h.otherStores} at ${h.otherOrdersPerDay}/day), ${h.lines} lines, ${h.audit} audit rows, ${h.returns} returns (load ${loads})`,
  );
  recordResult(
    'history-bytes-per-order',
    perOrder,
    'B',
    `orders, lines, audit, returns, refunds and ledger with their indexes, per order (${Object.entries(
      h.bytes,
    )
      .map(([t, b]) => `${t} ${(b / 2 ** 20).toFixed(0)} MB`)
      .join(', ')})`,
  );
  recordResult(
    'history-gb-per-year-2000-stores',
    (perOrder * CHAIN_ORDERS_PER_YEAR) / 2 ** 30,
    'GB',
    `history-bytes-per-order × 2,000 stores × 100 orders × 365 days (${(CHAIN_ORDERS_PER_YEAR / 1e6).toFixed(0)} M orders)`,
  );
  printReport(`A year of history (issue 16; PostgreSQL; load average now ${load()})`);
}

await main();
