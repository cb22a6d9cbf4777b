// The REST API figures: seeding, the queue, intake and a pick, through app.inject (in process).
// On PostgreSQL when DATABASE_URL is set (in a fresh database, dropped after), else on PGlite.
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/server/app';
import { seedDemo } from '../src/server/demo/seed-demo';
import { intakeBody, stockedProducts } from '../src/server/testing/fixtures';
import { openBenchDatabase, percentile } from './bench-db';
import { recordResult } from './report';

export async function runServerApiBench(): Promise<void> {
  const bench = await openBenchDatabase(process.env.DATABASE_URL ? 'postgres' : 'pglite');
  const database = bench.handle;
  try {
    let started = performance.now();
    await seedDemo(database.db);
    recordResult(
      'seed-demo-ms',
      performance.now() - started,
      'ms',
      `seed the full demo chain (${database.kind})`,
    );

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
    try {
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
      recordResult(
        'queue-p95-ms',
        percentile(queueTimes, 95),
        'ms',
        `GET /api/queue, 200 calls, first store (${database.kind}, app.inject)`,
      );

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
      recordResult(
        'intake-p95-ms',
        percentile(intakeTimes, 95),
        'ms',
        `POST /api/orders with stock reservation, 30 calls (${database.kind}, app.inject)`,
      );
      recordResult(
        'pick-p95-ms',
        percentile(pickTimes, 95),
        'ms',
        `POST /api/orders/:id/pick (scan to confirmed), 30 calls (${database.kind}, app.inject)`,
      );
    } finally {
      await app.close();
    }
  } finally {
    await bench.dispose();
  }
}
