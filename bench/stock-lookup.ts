// Stock everywhere on a big chain: generate 200 stores × 20,000 products (4 M stock rows) on
// PostgreSQL, then look products up in every store through the API (app.inject, in process,
// like server-api), and race reservations for the last units through the intake API.
// PostgreSQL only: without DATABASE_URL the rows are skipped with a note.
import { performance } from 'node:perf_hooks';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ProductAvailability, StockSearchResponse } from '../src/contract/stock';
import { buildApp } from '../src/server/app';
import type { Db } from '../src/server/db/client';
import { rowsOf } from '../src/server/db/rows';
import { createRng } from '../src/server/db/seed';
import { products, stock, stores } from '../src/server/db/schema';
import { seedChain } from '../src/server/demo/seed-chain';
import { intakeBody } from '../src/server/testing/fixtures';
import { openBenchDatabase, percentile } from './bench-db';
import { recordNote, recordResult } from './report';

const INTAKE_KEY = 'bench-intake-key-0000';
const LOOKUPS = 1_000;
const SEARCHES = 300;
const RACERS = 50;
const UNITS = 10;

export async function runStockLookupBench(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    recordNote(
      'stock-lookup (stock-lookup-p95-ms, reserve-race-winners, chain-generate-s) skipped: set DATABASE_URL to a PostgreSQL server',
    );
    return;
  }
  const bench = await openBenchDatabase('postgres');
  try {
    const chain = await seedChain(bench.handle);
    recordResult(
      'chain-generate-s',
      chain.timings.total / 1000,
      's',
      `generate ${chain.stores} stores × ${chain.products} products = ${chain.stockRows} stock rows (postgres; stock ${(chain.timings.stock / 1000).toFixed(1)} s incl. key rebuild, vacuum ${(chain.timings.vacuum / 1000).toFixed(1)} s)`,
    );
    const app = await buildApp({
      database: bench.handle,
      logger: false,
      settings: {
        LOG_LEVEL: 'silent',
        INTAKE_API_KEY: INTAKE_KEY,
        JWT_SECRET: 'bench-secret-bench-secret-bench-secret-00',
        ACCESS_TOKEN_TTL_SECONDS: 900,
        REFRESH_TOKEN_TTL_DAYS: 30,
      },
    });
    try {
      await measureLookups(app, bench.handle.db);
      await raceReservations(app, bench.handle.db);
    } finally {
      await app.close();
    }
  } finally {
    await bench.dispose();
  }
}

async function measureLookups(app: FastifyInstance, db: Db): Promise<void> {
  const rng = createRng(5150);
  const storeIds = (await db.select({ id: stores.id }).from(stores).orderBy(asc(stores.id))).map((s) => s.id);
  // An associate in each of 20 stores across the chain.
  const sessions: Record<string, string>[] = [];
  for (let i = 0; i < 20; i++) {
    const index = rng.int(0, storeIds.length - 1);
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: await credentialsFor(db, storeIds[index]!),
    });
    if (signIn.statusCode !== 200) throw new Error(`sign-in failed: ${signIn.body}`);
    sessions.push({ authorization: `Bearer ${signIn.json<{ accessToken: string }>().accessToken}` });
  }
  const catalogue = await db
    .select({ id: products.id, barcode: products.barcode, nameEn: products.nameEn, brand: products.brand })
    .from(products);

  const lookup = async () => {
    const product = rng.pick(catalogue);
    const started = performance.now();
    const response = await app.inject({
      url: `/api/stock/products/${product.id}`,
      headers: rng.pick(sessions),
    });
    const ms = performance.now() - started;
    if (response.statusCode !== 200)
      throw new Error(`lookup failed: ${response.statusCode} ${response.body}`);
    const body = response.json<ProductAvailability>();
    if (body.others.length !== storeIds.length - 1) throw new Error('a lookup missed stores');
    return ms;
  };
  // The first requests compile the route's serializers and fill the caches; they are not the figure.
  for (let i = 0; i < 20; i++) await lookup();
  const times: number[] = [];
  for (let i = 0; i < LOOKUPS; i++) times.push(await lookup());
  recordResult(
    'stock-lookup-p95-ms',
    percentile(times, 95),
    'ms',
    `GET /api/stock/products/:id, ${LOOKUPS} random products × 20 stores' sessions, all ${storeIds.length} stores nearest first, ${storeIds.length} × ${catalogue.length} chain (postgres, app.inject; p50 ${percentile(times, 50).toFixed(1)} ms, budget ≤ 20)`,
  );

  const scanTimes: number[] = [];
  const searchTimes: number[] = [];
  for (let i = 0; i < SEARCHES; i++) {
    const product = rng.pick(catalogue);
    let started = performance.now();
    const scan = await app.inject({
      url: `/api/stock/search?q=${product.barcode}`,
      headers: rng.pick(sessions),
    });
    scanTimes.push(performance.now() - started);
    if (scan.json<StockSearchResponse>().availability?.product.id !== product.id) {
      throw new Error(`scan of ${product.barcode} did not answer with its availability`);
    }
    const words = `${rng.pick(product.nameEn.split(' '))} ${product.brand.split(' ')[0]}`;
    started = performance.now();
    const search = await app.inject({
      url: `/api/stock/search?q=${encodeURIComponent(words)}`,
      headers: rng.pick(sessions),
    });
    searchTimes.push(performance.now() - started);
    if (search.statusCode !== 200 || search.json<StockSearchResponse>().products.length === 0) {
      throw new Error(`search "${words}" found nothing: ${search.body}`);
    }
  }
  recordResult(
    'stock-scan-p95-ms',
    percentile(scanTimes, 95),
    'ms',
    `GET /api/stock/search?q=<GTIN>, ${SEARCHES} scans answered with all-store availability (postgres, app.inject)`,
  );
  recordResult(
    'stock-search-p95-ms',
    percentile(searchTimes, 95),
    'ms',
    `GET /api/stock/search?q=<name word> <brand>, ${SEARCHES} searches, first 20 by rank (postgres, app.inject)`,
  );
}

/** The store's first associate (employee "<n>001", PIN 1234, as seedChain makes them). */
async function credentialsFor(db: Db, storeId: string) {
  const result = await db.execute(
    sql`select employee_id from associates where store_id = ${storeId} and role = 'associate' order by employee_id limit 1`,
  );
  const employeeId = rowsOf<{ employee_id: string }>(result)[0]?.employee_id;
  if (!employeeId) throw new Error(`no associate at ${storeId}`);
  return { storeId, employeeId, pin: '1234', deviceId: `bench-stock-${storeId}` };
}

async function raceReservations(app: FastifyInstance, db: Db): Promise<void> {
  const [target] = await db
    .select({ storeId: stock.storeId, productId: stock.productId, sku: products.sku })
    .from(stock)
    .innerJoin(products, eq(products.id, stock.productId))
    .where(eq(stock.storeId, 'MI01'))
    .orderBy(asc(products.sku))
    .limit(1);
  if (!target) throw new Error('no stock row to race for');
  const where = and(eq(stock.storeId, target.storeId), eq(stock.productId, target.productId));
  await db.update(stock).set({ onHand: UNITS, reserved: 0, safetyStock: 0 }).where(where);
  const answers = await Promise.all(
    Array.from({ length: RACERS }, (_, i) =>
      app.inject({
        method: 'POST',
        url: '/api/orders',
        headers: { 'x-api-key': INTAKE_KEY },
        payload: intakeBody([{ sku: target.sku, qty: 1 }], {
          storeId: target.storeId,
          externalId: `race-${i}-${Date.now()}`,
        }),
      }),
    ),
  );
  const winners = answers.filter((r) => r.statusCode === 201).length;
  const others = answers.filter((r) => r.statusCode !== 201 && r.statusCode !== 409);
  if (others.length > 0) throw new Error(`racers got ${others[0]!.statusCode}: ${others[0]!.body}`);
  const [after] = await db.select({ reserved: stock.reserved }).from(stock).where(where);
  recordResult(
    'reserve-race-winners',
    winners,
    'orders',
    `${RACERS} parallel POST /api/orders for the last ${UNITS} units at one store (postgres, pool of 10); must be exactly ${UNITS}, reserved after = ${after?.reserved}`,
  );
}
