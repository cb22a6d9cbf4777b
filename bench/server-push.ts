// Throughput of POST /api/sync/push: many devices in several stores drain their outboxes at
// once against the real server process (src/server/main.ts), over real HTTP on 127.0.0.1.
// The load generator runs in this process; server, database and generator share the machine.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { Session } from '../src/contract/auth';
import type { PushResponse } from '../src/contract/sync';
import { seedDemo } from '../src/server/demo/seed-demo';
import { createRng, seedStores } from '../src/server/db/seed';
import type { ChildServer } from '../src/server/testing/child-server';
import { startChildServer } from '../src/server/testing/child-server';
import type { StockedProduct } from '../src/server/testing/fixtures';
import { intakeBody, stockedProducts } from '../src/server/testing/fixtures';
import type { Http, WireMutation } from '../src/server/testing/sync-scenario';
import { fetchHttp, push, signInOver } from '../src/server/testing/sync-scenario';
import { openBenchDatabase, percentile } from './bench-db';
import { recordNote, recordResult } from './report';

const INTAKE_KEY = 'bench-intake-key-0000';
const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-00';
const WRONG_SCAN_RATE = 0.05;

export interface Workload {
  stores: number;
  devicesPerStore: number;
  ordersPerDevice: number;
  maxBatch: number;
}

interface Device {
  storeId: string;
  session: Session;
  clientId: string;
  commands: WireMutation[];
  expectedRejections: number;
}

async function inParallel<T>(
  items: readonly T[],
  limit: number,
  run: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await run(items[next++] as T);
    }),
  );
}

/** Orders for each device, taken in through the intake API, and the device's outbox for them. */
async function prepareDevices(
  http: Http,
  workload: Workload,
  productsByStore: Map<string, StockedProduct[]>,
  label: string,
): Promise<Device[]> {
  const rng = createRng(4242);
  const devices: Device[] = [];
  for (let s = 0; s < workload.stores; s++) {
    const store = seedStores[s]!;
    for (let d = 0; d < workload.devicesPerStore; d++) {
      const session = await signInOver(http, {
        storeId: store.id,
        employeeId: `${s + 1}00${d + 1}`,
        deviceId: `bench-${label}-${store.id}-${d}`,
      });
      devices.push({
        storeId: store.id,
        session,
        clientId: randomUUID(),
        commands: [],
        expectedRejections: 0,
      });
    }
  }
  await inParallel(devices, 8, async (device) => {
    const products = productsByStore.get(device.storeId)!;
    for (let o = 0; o < workload.ordersPerDevice; o++) {
      const a = rng.pick(products);
      const b = rng.pick(products.filter((p) => p.id !== a.id));
      const answer = await http('POST', '/api/orders', {
        headers: { 'x-api-key': INTAKE_KEY },
        body: intakeBody(
          [
            { sku: a.sku, qty: 2 },
            { sku: b.sku, qty: 1 },
          ],
          { storeId: device.storeId },
        ),
      });
      if (answer.status !== 201)
        throw new Error(`intake failed: ${answer.status} ${JSON.stringify(answer.body)}`);
      const orderId = (answer.body as { id: string }).id;
      const next = (name: string, args: unknown) =>
        device.commands.push({ id: randomUUID(), seq: device.commands.length + 1, name, v: 1, args });
      next('order.claim', { orderId });
      next('pick.confirm', { orderId, code: a.barcode, qty: 1 });
      if (rng.chance(WRONG_SCAN_RATE)) {
        next('pick.confirm', { orderId, code: '4006381333931', qty: 1 });
        device.expectedRejections++;
      }
      next('pick.confirm', { orderId, code: a.barcode, qty: 1 });
      next('pick.confirm', { orderId, code: b.barcode, qty: 1 });
      next('order.stage', { orderId, locationCode: `${device.storeId}-A0${rng.int(1, 9)}` });
    }
  });
  return devices;
}

/** Every device drains its outbox at once, in batches of 1..maxBatch, each push after the last answer. */
async function drainAll(http: Http, devices: Device[], maxBatch: number) {
  const rng = createRng(777);
  const latencies: number[] = [];
  let applied = 0;
  let rejected = 0;
  const started = performance.now();
  await Promise.all(
    devices.map(async (device) => {
      let at = 0;
      while (at < device.commands.length) {
        const batch = device.commands.slice(at, at + rng.int(1, maxBatch));
        const sent = performance.now();
        const answer = await push(http, device.session, device.clientId, batch);
        latencies.push(performance.now() - sent);
        if (answer.status !== 200)
          throw new Error(`push failed: ${answer.status} ${JSON.stringify(answer.body)}`);
        const body = answer.body as PushResponse;
        for (const r of body.results) {
          if (r.status === 'applied') applied++;
          else if (r.status === 'rejected') rejected++;
          else throw new Error(`unexpected ${r.status} in a first push`);
        }
        at += batch.length;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const total = devices.reduce((sum, d) => sum + d.commands.length, 0);
  const expectedRejections = devices.reduce((sum, d) => sum + d.expectedRejections, 0);
  // An honest figure counts only commands that did what they should.
  if (applied + rejected !== total || rejected !== expectedRejections) {
    throw new Error(
      `the bench workload misbehaved: ${applied} applied, ${rejected} rejected of ${total} (expected ${expectedRejections} rejections)`,
    );
  }
  return { total, seconds, perSecond: total / seconds, latencies, pushes: latencies.length, rejected };
}

export async function measure(kind: 'pglite' | 'postgres', workload: Workload) {
  const bench = await openBenchDatabase(kind, { onDisk: true });
  let server: ChildServer | undefined;
  try {
    await seedDemo(bench.handle.db);
    const storeIds = seedStores.slice(0, workload.stores).map((s) => s.id);
    // Plenty of stock, so reservations never run out however many orders the bench places.
    for (const storeId of storeIds) {
      await bench.handle.db.execute(
        sql`update stock set on_hand = on_hand + 100000 where store_id = ${storeId}`,
      );
    }
    const productsByStore = new Map<string, StockedProduct[]>();
    for (const storeId of storeIds)
      productsByStore.set(storeId, await stockedProducts(bench.handle.db, storeId, 200, 0));
    if (kind === 'pglite') await bench.handle.close(); // the server process opens the folder

    // BENCH_PROFILE_DIR=<folder> writes a CPU profile of the server process there.
    const profile = process.env.BENCH_PROFILE_DIR;
    const nodeArgs = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
    server = await startChildServer(
      {
        ...bench.env,
        ...(kind === 'pglite' ? { DATABASE_URL: '' } : {}),
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        SEED: 'demo',
        DEMO_ORDERS: 'off',
        INTAKE_API_KEY: INTAKE_KEY,
        JWT_SECRET,
      },
      { nodeArgs },
    );
    const http = fetchHttp(server.baseUrl);
    // Warm up the server (JIT, connection pool, caches) on a small separate workload.
    const warmUp = await prepareDevices(http, { ...workload, ordersPerDevice: 5 }, productsByStore, 'warm');
    await drainAll(http, warmUp, workload.maxBatch);

    const devices = await prepareDevices(http, workload, productsByStore, 'run');
    const result = await drainAll(http, devices, workload.maxBatch);
    return { ...result, devices: devices.length };
  } finally {
    await server?.stop('SIGTERM');
    await bench.dispose();
  }
}

function describe(kind: string, r: Awaited<ReturnType<typeof measure>>, workload: Workload): string {
  return (
    `${kind}: ${r.total} commands (claim, 3 scans, stage per order; ${(WRONG_SCAN_RATE * 100).toFixed(0)}% wrong scans rejected) ` +
    `from ${r.devices} devices in ${workload.stores} stores pushing at once, batches of 1–${workload.maxBatch}, ` +
    `real HTTP to the server process (tsx src/server/main.ts) on 127.0.0.1, same 2-core machine; ` +
    `${r.pushes} pushes, p50 ${percentile(r.latencies, 50).toFixed(0)} ms, p95 ${percentile(r.latencies, 95).toFixed(0)} ms per push`
  );
}

export async function runServerPushBench(): Promise<void> {
  if (process.env.DATABASE_URL) {
    const workload: Workload = { stores: 8, devicesPerStore: 2, ordersPerDevice: 120, maxBatch: 50 };
    const r = await measure('postgres', workload);
    recordResult(
      'push-commands-per-s',
      r.perSecond,
      'commands/s',
      `${describe('PostgreSQL', r, workload)}; budget ≥ 1000`,
    );
  } else {
    recordNote('push-commands-per-s skipped: set DATABASE_URL to a PostgreSQL server to measure it');
  }
  const workload: Workload = { stores: 4, devicesPerStore: 2, ordersPerDevice: 40, maxBatch: 50 };
  const r = await measure('pglite', workload);
  recordResult(
    'push-commands-per-s-pglite',
    r.perSecond,
    'commands/s',
    `${describe('PGlite on disk', r, workload)}; report only`,
  );
}
