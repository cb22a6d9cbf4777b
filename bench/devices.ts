// `npm run bench:devices` (issue 16): simulated handhelds against the BUILT server (`npm run
// build` first), on a fresh PostgreSQL database when DATABASE_URL is set (the chain generator:
// --stores × --products), else on a PGlite folder with the demo chain.
//
// Each device holds the poke stream, pulls on every poke and every --pull-every seconds (with
// cursor and seq, as the app does), and one device per store works the store's orders (claim,
// pick, stage, hand over, each its own push) as the feeder places them through the intake API,
// one per store every --feed-every seconds. Devices join already synced (at the store's current
// version): a first sync is measured on its own (first-sync-kb). Devices of one store and
// associate share that associate's session unless --signin-each (the server's work per request is
// the same; a sign-in storm is measured on its own).
//
// The ramp adds devices step by step (--steps); at each, after --warmup-seconds, pull and push
// latencies and the API process's CPU are measured for --step-seconds. The largest count with
// both p95 < 200 ms, divided by the API's cores used then, is devices-per-api-core. The devices
// run in --sim-processes child processes (devices-fleets.ts), and each step also says whose
// latency it measured: the API's event-loop delay and server-side p95 (its /metrics), PostgreSQL's
// CPU, and the simulators' CPU and event-loop delay.
//
//   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:devices
//   npm run bench:devices -- --steps=500,1000,2000,4000,8000 --step-seconds=60   (longer)
//   npm run bench:devices -- --steps=6400 --api-cpu-prof=/tmp/prof   (the API's CPU profile)
//   npm run bench:devices -- --only=first-sync --stores=10   (first-sync-kb alone: the catalogue
//   is --products whatever the number of stores, and every store stocks all of it)
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { loadavg } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Session } from '../src/contract/auth';
import type { PullResponse } from '../src/contract/sync';
import { rowsOf } from '../src/server/db/rows';
import { StatementCounter } from '../src/server/db/statement-counter';
import { seedChain } from '../src/server/demo/seed-chain';
import { seedDemo } from '../src/server/demo/seed-demo';
import { openBenchDatabase, type BenchDatabase } from './bench-db';
import { freePort, percentile, repoRoot, serverEntry } from './browser-harness';
import { BENCH_JWT_SECRET, measureRoundTrips } from './devices-roundtrips';
import { LOCATION, type BenchStore } from './devices-fleet';
import { Fleets, type FleetsWindow } from './devices-fleets';
import { apiMetrics, BENCH_METRICS_TOKEN, cpuSeconds, postgresCpu } from './devices-gauges';
import { BENCH_INTAKE_KEY, signIn } from './devices-sim';
import { printReport, recordNote, recordResult } from './report';

const P95_BUDGET_MS = 200;

function flag(name: string, fallback: string): string {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length) ?? fallback;
}
const settings = {
  stores: Number(flag('stores', '200')),
  products: Number(flag('products', '20000')),
  steps: flag('steps', '400,800,1600,3200,4800,6400').split(',').map(Number),
  stepSeconds: Number(flag('step-seconds', '30')),
  warmupSeconds: Number(flag('warmup-seconds', '10')),
  pullEverySeconds: Number(flag('pull-every', '60')),
  feedEverySeconds: Number(flag('feed-every', '90')),
  stormSeconds: Number(flag('storm-seconds', '10')),
  stormConcurrency: Number(flag('storm-concurrency', '16')),
  signInEach: process.argv.includes('--signin-each'),
  /** Simulator processes the devices are spread over (by store), so no one client loop saturates. */
  simProcesses: Number(flag('sim-processes', '2')),
  apiCpuProf: flag('api-cpu-prof', ''),
  /** The built server to run (another build to compare with: `--server=other/dist/server/main.js`). */
  server: flag('server', serverEntry),
  /** `--only=first-sync`: seed, measure first-sync-kb, stop (no round trips, no fleet). */
  only: flag('only', ''),
};

const load = () => loadavg()[0]!.toFixed(2);
/** The API under test (set once it runs): the step windows scrape its /metrics. */
let serverURL: string | undefined;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function prepare(bench: BenchDatabase): Promise<BenchStore[]> {
  const db = bench.handle.db;
  if (bench.kind === 'postgres') {
    const chain = await seedChain(bench.handle, { stores: settings.stores, products: settings.products });
    recordNote(
      `chain: ${chain.stores} stores × ${chain.products} products in ${(chain.timings.total / 1000).toFixed(0)} s`,
    );
  } else {
    await seedDemo(db, { inboundOrders: 0, pastDays: 0 });
    recordNote('no DATABASE_URL: the demo chain on PGlite (its catalogue, not 20,000 products)');
  }
  // A locker that never fills, so staging never waits on shelf space.
  await db.execute(sql`insert into staging_locations (store_id, code, label, kind, capacity)
    select id, ${LOCATION}, 'Bench locker', 'locker', 1000000 from stores on conflict do nothing`);
  const staff = rowsOf<{ store_id: string; employee_id: string }>(
    await db.execute(sql`select store_id, employee_id from associates where role = 'associate' and active`),
  );
  const stocked = rowsOf<{ store_id: string; sku: string }>(
    await db.execute(sql`select store_id, sku from (
      select s.store_id, p.sku, row_number() over (partition by s.store_id order by p.sku) as n
        from stock s join products p on p.id = s.product_id
       where s.on_hand - s.reserved > 10) ranked where n <= 40`),
  );
  const stores = new Map<string, BenchStore>();
  for (const row of staff) {
    const store = stores.get(row.store_id) ?? { storeId: row.store_id, employees: [], skus: [], version: 0 };
    store.employees.push(row.employee_id);
    stores.set(row.store_id, store);
  }
  for (const row of stocked) stores.get(row.store_id)?.skus.push(row.sku);
  return [...stores.values()]
    .filter((s) => s.skus.length > 0)
    .sort((a, b) => a.storeId.localeCompare(b.storeId));
}

async function readVersions(bench: BenchDatabase, stores: BenchStore[]): Promise<void> {
  const rows = rowsOf<{ store_id: string; version: string | number }>(
    await bench.handle.db.execute(sql`select store_id, version from store_sync`),
  );
  const versions = new Map(rows.map((r) => [r.store_id, Number(r.version)]));
  for (const store of stores) store.version = versions.get(store.storeId) ?? 0;
}

async function startServer(bench: BenchDatabase): Promise<{ baseURL: string; child: ChildProcess }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...bench.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    SEED: 'demo',
    DEMO_ORDERS: 'off',
    LOG_LEVEL: 'warn',
    WORKERS: '1',
    INTAKE_API_KEY: BENCH_INTAKE_KEY,
    METRICS_TOKEN: BENCH_METRICS_TOKEN,
    JWT_SECRET: BENCH_JWT_SECRET,
    ACCESS_TOKEN_TTL_SECONDS: '3600',
  };
  if (!bench.env.DATABASE_URL) delete env.DATABASE_URL;
  // --api-cpu-prof=DIR: the API writes a V8 CPU profile there when it exits (at the end of the run).
  const profile = settings.apiCpuProf ? ['--cpu-prof', `--cpu-prof-dir=${settings.apiCpuProf}`] : [];
  const child = spawn(process.execPath, [...profile, settings.server], {
    cwd: repoRoot,
    env,
    stdio: 'inherit',
  });
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) return { baseURL, child };
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error('the server did not start within 90 s');
    await sleep(250);
  }
}

/** One GET with gzip accepted: the bytes as they crossed the wire, and the body. */
function gzipGet(url: string, session: Session): Promise<{ wireBytes: number; body: PullResponse }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { headers: { authorization: `Bearer ${session.accessToken}`, 'accept-encoding': 'gzip' } },
      (res) => {
        let wireBytes = 0;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => {
          wireBytes += chunk.length;
          chunks.push(chunk);
        });
        res.on('end', () => {
          if (res.statusCode !== 200) return reject(new Error(`first sync ${res.statusCode}`));
          const raw = Buffer.concat(chunks);
          const text = (res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString();
          resolve({ wireBytes, body: JSON.parse(text) as PullResponse });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/**
 * A first sync as a new handheld does it (ADR 0052): no cursor, ?snapshot=pages, every page
 * until the last; bytes summed over all pages as they cross the wire.
 */
async function firstSync(
  baseURL: string,
  session: Session,
): Promise<{ wireBytes: number; ms: number; pages: number; products: number }> {
  const started = performance.now();
  let wireBytes = 0;
  let pages = 0;
  let products = 0;
  let query = 'snapshot=pages';
  for (;;) {
    const answer = await gzipGet(`${baseURL}/api/sync/pull?${query}`, session);
    wireBytes += answer.wireBytes;
    pages += 1;
    products += (answer.body.catalogue?.id.length ?? 0) + answer.body.products.length;
    const next = answer.body.page?.next;
    if (!next) return { wireBytes, ms: performance.now() - started, pages, products };
    query = new URLSearchParams({ cursor: next }).toString();
  }
}

interface Step {
  devices: number;
  pullP95: number;
  pushP95: number;
  pulls: number;
  pushes: number;
  apiCores: number;
  /** The API's own view over the window (GET /metrics). */
  api: Awaited<ReturnType<Awaited<ReturnType<typeof apiMetrics>>>>;
  postgres: Awaited<ReturnType<Awaited<ReturnType<typeof postgresCpu>>>>;
  simulators: FleetsWindow;
  load: string;
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : String(value));

/**
 * Whose latency a step measured: the API's CPU and event-loop delay, the time the API itself
 * took (its histogram's p95, interpolated in buckets), PostgreSQL's CPU, and the simulators'
 * CPU and event-loop delay (a client loop running late adds its delay to every latency it times).
 */
function whoseLatency(step: Step): string {
  const { api, postgres, simulators } = step;
  return [
    `API ${step.apiCores.toFixed(2)} cores, loop p99 ${ms(api.loopP99Ms)} ms (max ${ms(api.loopMaxMs)}), server-side p95 pull ${ms(api.pullP95Ms)} ms push ${ms(api.pushP95Ms)} ms, pool waiting ${api.poolWaiting}`,
    postgres.seen
      ? `PostgreSQL ${postgres.benchCores.toFixed(2)} cores (bench database's backends; ${postgres.allCores.toFixed(2)} all postgres processes)`
      : 'PostgreSQL not on this machine',
    `simulators ${settings.simProcesses}× ${simulators.cores.toFixed(2)} cores (busiest ${simulators.busiestCores.toFixed(2)}), loop p99 ${ms(simulators.loopP99Ms)} ms (max ${ms(simulators.loopMaxMs)})`,
  ].join('; ');
}

async function measureStep(
  fleets: Fleets,
  pid: number,
  devices: number,
  bench: BenchDatabase,
): Promise<Step> {
  await sleep(settings.warmupSeconds * 1000);
  const from = performance.now();
  const cpuFrom = cpuSeconds(pid);
  const [readApi, readPostgres] = await Promise.all([
    apiMetrics(serverURL!),
    postgresCpu(bench.kind === 'postgres' ? bench.handle : undefined),
    fleets.mark(),
  ]);
  await sleep(settings.stepSeconds * 1000);
  const [simulators, api, postgres] = await Promise.all([fleets.collect(), readApi(), readPostgres()]);
  const apiCores = (cpuSeconds(pid) - cpuFrom) / ((performance.now() - from) / 1000);
  return {
    devices,
    pullP95: percentile(simulators.pulls, 95),
    pushP95: simulators.pushes.length ? percentile(simulators.pushes, 95) : 0,
    pulls: simulators.pulls.length,
    pushes: simulators.pushes.length,
    apiCores,
    api,
    postgres,
    simulators,
    load: load(),
  };
}

/** Sign-ins from fresh devices, `concurrency` at a time, while the fleet works: its pulls' p95. */
async function signInStorm(fleets: Fleets, baseURL: string, stores: BenchStore[]) {
  const until = Date.now() + settings.stormSeconds * 1000;
  const statuses = new Map<number, number>();
  let n = 0;
  await fleets.mark();
  const probing = fleets.probe(settings.stormSeconds * 1000);
  await Promise.all(
    Array.from({ length: settings.stormConcurrency }, async () => {
      while (Date.now() < until) {
        const store = stores[n++ % stores.length]!;
        const answer = await signIn(baseURL, {
          storeId: store.storeId,
          employeeId: store.employees[n % store.employees.length]!,
          deviceId: `bench-storm-${n}`,
        });
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      }
    }),
  );
  await probing;
  const { pulls } = await fleets.collect();
  return { pullP95: percentile(pulls, 95), pulls: pulls.length, statuses };
}

async function measureFirstSync(baseURL: string, store: BenchStore, kind: 'postgres' | 'pglite') {
  const probe = await signIn(baseURL, {
    storeId: store.storeId,
    employeeId: store.employees[0]!,
    deviceId: 'bench-first-sync',
  });
  const sync = await firstSync(baseURL, probe.session!);
  recordResult(
    'first-sync-kb',
    sync.wireBytes / 1024,
    'kB',
    `a first sync on the wire, gzip, all ${sync.pages} pages (${sync.products} products of the store's, ${kind === 'postgres' ? `catalogue of ${settings.products}` : 'the demo catalogue'}); took ${sync.ms.toFixed(0)} ms on loopback (load ${load()})`,
  );
}

async function main(): Promise<void> {
  if (!existsSync(settings.server))
    throw new Error(`${settings.server} not found: run \`npm run build\` first`);
  const counter = new StatementCounter();
  const kind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  const bench = await openBenchDatabase(kind, { onDisk: true, onStatement: counter.onStatement });
  let server: { baseURL: string; child: ChildProcess } | undefined;
  let fleets: Fleets | undefined;
  try {
    const stores = await prepare(bench);
    const first = stores[0]!;
    if (settings.only === 'first-sync') {
      if (kind === 'pglite') await bench.handle.close();
      server = await startServer(bench);
      await measureFirstSync(server.baseURL, first, kind);
    } else {
      const trips = await measureRoundTrips(bench.handle, counter, {
        storeId: first.storeId,
        employeeId: first.employees[0]!,
        skus: first.skus,
        location: LOCATION,
      });
      await readVersions(bench, stores);
      if (kind === 'pglite') await bench.handle.close();
      const at = `${kind}, load ${load()}`;
      recordResult(
        'pull-roundtrips-idle',
        trips.pullIdle,
        'round trips',
        `a pull with nothing new (cursor and seq sent; ${at})`,
      );
      recordResult(
        'pull-roundtrips-one-change',
        trips.pullOneChange,
        'round trips',
        `the first pull on an instance bringing one new order, begin/commit included (${at})`,
      );
      recordResult(
        'pull-roundtrips-one-change-shared',
        trips.pullOneChangeShared,
        'round trips',
        `the same change pulled by each other device of the store on that instance (${at})`,
      );
      recordResult(
        'push-roundtrips-per-command',
        trips.pushPerCommand,
        'round trips',
        `statements per command in a push of ${trips.commandsInBatch} (3 orders: claim, pick, stage, hand over); one command alone: ${trips.pushOneCommand} (${at})`,
      );

      server = await startServer(bench);
      const pid = server.child.pid!;
      await measureFirstSync(server.baseURL, first, kind);

      serverURL = server.baseURL;
      fleets = await Fleets.start(
        server.baseURL,
        stores,
        {
          pullEverySeconds: settings.pullEverySeconds,
          feedEverySeconds: settings.feedEverySeconds,
          signInEach: settings.signInEach,
        },
        settings.simProcesses,
      );
      const steps: Step[] = [];
      for (const [i, devices] of settings.steps.entries()) {
        const signingIn = performance.now();
        // PGlite's folder is the server's now; on PostgreSQL the new devices join at today's versions.
        if (kind === 'postgres') await readVersions(bench, stores);
        await fleets.grow(devices, Object.fromEntries(stores.map((s) => [s.storeId, s.version])));
        console.log(
          `[devices] ${devices} devices running in ${settings.simProcesses} simulator processes (joined in ${((performance.now() - signingIn) / 1000).toFixed(1)} s)`,
        );
        const step = await measureStep(fleets, pid, devices, bench);
        steps.push(step);
        console.log(
          `[devices] ${devices}: pull p95 ${ms(step.pullP95)} ms (${step.pulls}), push p95 ${ms(step.pushP95)} ms (${step.pushes}); ${whoseLatency(step)}; errors ${step.simulators.errors}, feed errors ${step.simulators.feedErrors}, load ${step.load}`,
        );
        if (i === 0) {
          const storm = await signInStorm(fleets, server.baseURL, stores);
          recordResult(
            'signin-storm-pull-p95-ms',
            storm.pullP95,
            'ms',
            `pull p95 of ${devices} devices while ${settings.stormConcurrency} sign-ins are always in flight for ${settings.stormSeconds} s (${storm.pulls} pulls; sign-ins ${[...storm.statuses].map(([s, c]) => `${c}×${s}`).join(', ')}; load ${load()})`,
          );
        }
        if (step.pullP95 >= P95_BUDGET_MS || step.pushP95 >= P95_BUDGET_MS) break;
      }
      const within = steps.filter((s) => s.pullP95 < P95_BUDGET_MS && s.pushP95 < P95_BUDGET_MS);
      const best = within.at(-1);
      const broke = steps.find((s) => s.pullP95 >= P95_BUDGET_MS || s.pushP95 >= P95_BUDGET_MS);
      if (best) {
        recordResult(
          'devices-per-api-core',
          best.devices / Math.max(best.apiCores, 0.01),
          'devices/core',
          `${best.devices} devices at pull p95 ${ms(best.pullP95)} ms, push p95 ${ms(best.pushP95)} ms, on ${best.apiCores.toFixed(2)} API cores (${kind}; ${broke ? `${broke.devices} broke 200 ms: pull p95 ${ms(broke.pullP95)} ms, push p95 ${ms(broke.pushP95)} ms; ${whoseLatency(broke)}, load ${broke.load}` : 'the last step: the knee is further, ramp higher'}). At ${best.devices}: ${whoseLatency(best)}; load ${best.load}`,
        );
      } else recordNote('devices-per-api-core: even the first step broke 200 ms p95');
    }
  } finally {
    await fleets?.stop();
    if (server && server.child.exitCode === null) {
      const exited = new Promise((r) => server!.child.once('exit', r));
      server.child.kill('SIGTERM');
      await exited;
    }
    await bench.dispose();
  }
  printReport('Devices over HTTP (issue 16)');
}

await main();
