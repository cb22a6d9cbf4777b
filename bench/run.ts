// Prints figures; budgets from the issues are checked here, never in tests.
// Usage: npm run bench  (PGlite in memory; set DATABASE_URL to measure on PostgreSQL)
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/server/app';
import { openDatabase } from '../src/server/db/client';
import { runMigrations } from '../src/server/db/migrate';
import { seedDemo } from '../src/server/demo/seed-demo';
import { intakeBody, stockedProducts } from '../src/server/testing/fixtures';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const rows: { name: string; value: string; what: string }[] = [];
const record = (name: string, value: number, what: string) =>
  rows.push({ name, value: value.toFixed(1), what });

const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory://' });
await runMigrations(database);
let started = performance.now();
if (process.env.DATABASE_URL) {
  const { wipeData } = await import('../src/server/demo/seed-demo');
  await wipeData(database.db);
}
await seedDemo(database.db);
record('seed-demo-ms', performance.now() - started, `seed the full demo chain (${database.kind})`);

const app = await buildApp({
  database,
  logger: false,
  settings: {
    LOG_LEVEL: 'silent',
    INTAKE_API_KEY: 'bench-key-123456',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-00',
    ACCESS_TOKEN_TTL_SECONDS: 900,
    REFRESH_TOKEN_TTL_DAYS: 30,
  },
});
const session = (
  await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { storeId: 'MI01', employeeId: '1001', pin: '1234', deviceId: 'bench-device' },
  })
).json<{ accessToken: string }>();
const headers = { authorization: `Bearer ${session.accessToken}` };

const queueTimes: number[] = [];
for (let i = 0; i < 200; i++) {
  started = performance.now();
  await app.inject({ url: '/api/queue', headers });
  queueTimes.push(performance.now() - started);
}
record('queue-p95-ms', percentile(queueTimes, 95), 'GET /api/queue, 200 calls, first store');

const products = await stockedProducts(database.db, 'MI01', 40, 2);
const intakeTimes: number[] = [];
const pickTimes: number[] = [];
for (const product of products.slice(0, 30)) {
  started = performance.now();
  const order = (
    await app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: { 'x-api-key': 'bench-key-123456' },
      payload: intakeBody([{ sku: product.sku, qty: 1 }]),
    })
  ).json<{ id: string }>();
  intakeTimes.push(performance.now() - started);
  await app.inject({ method: 'POST', url: `/api/orders/${order.id}/claim`, headers, payload: {} });
  started = performance.now();
  await app.inject({
    method: 'POST',
    url: `/api/orders/${order.id}/pick`,
    headers,
    payload: { code: product.barcode },
  });
  pickTimes.push(performance.now() - started);
}
record('intake-p95-ms', percentile(intakeTimes, 95), 'POST /api/orders with stock reservation, 30 calls');
record('pick-p95-ms', percentile(pickTimes, 95), 'POST /api/orders/:id/pick (scan to confirmed), 30 calls');

await app.close();
await database.close();
console.log(`\nAisle benchmarks (${database.kind}, node ${process.version})\n`);
console.log('| name | value | what |\n|---|---|---|');
for (const row of rows) console.log(`| ${row.name} | ${row.value} | ${row.what} |`);
