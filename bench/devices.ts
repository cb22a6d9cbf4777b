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
// both p95 < 200 ms, divided by the API's cores used then, is devices-per-api-core.
//
//   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:devices
//   npm run bench:devices -- --steps=500,1000,2000,4000,8000 --step-seconds=60   (longer)
//   npm run bench:devices -- --only=first-sync --stores=10   (first-sync-kb alone: the catalogue
//   is --products whatever the number of stores, and every store stocks all of it)
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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
import { BENCH_INTAKE_KEY, Device, feedOrder, Sampler, signIn, StoreView, workOneOrder } from './devices-sim';
import { printReport, recordNote, recordResult } from './report';

const LOCATION = 'BENCH-LOCKER';
const P95_BUDGET_MS = 200;

function flag(name: string, fallback: string): string {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length) ?? fallback;
}
const settings = {
  stores: Number(flag('stores', '200')),
  products: Number(flag('products', '20000')),
  steps: flag('steps', '400,800,1600,3200').split(',').map(Number),
  stepSeconds: Number(flag('step-seconds', '30')),
  warmupSeconds: Number(flag('warmup-seconds', '10')),
  pullEverySeconds: Number(flag('pull-every', '60')),
  feedEverySeconds: Number(flag('feed-every', '90')),
  stormSeconds: Number(flag('storm-seconds', '10')),
  stormConcurrency: Number(flag('storm-concurrency', '16')),
  signInEach: process.argv.includes('--signin-each'),
  /** `--only=first-sync`: seed, measure first-sync-kb, stop (no round trips, no fleet). */
  only: flag('only', ''),
};

const load = () => loadavg()[0]!.toFixed(2);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** CPU seconds the process has used (user + system), from /proc. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

interface BenchStore {
  storeId: string;
  employees: string[];
  skus: string[];
  version: number;
}

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
    JWT_SECRET: BENCH_JWT_SECRET,
    ACCESS_TOKEN_TTL_SECONDS: '3600',
  };
  if (!bench.env.DATABASE_URL) delete env.DATABASE_URL;
  const child = spawn(process.execPath, [serverEntry], { cwd: repoRoot, env, stdio: 'inherit' });
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

class Fleet {
  readonly devices: Device[] = [];
  readonly sampler = new Sampler();
  private readonly views = new Map<string, StoreView>();
  private readonly sessions = new Map<string, Session>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly fed = new Set<string>();
  readonly pickupCodes = new Map<string, string>();
  feedErrors = 0;

  constructor(
    private readonly baseURL: string,
    private readonly stores: BenchStore[],
  ) {}

  private async sessionFor(store: BenchStore, index: number): Promise<Session> {
    const employeeId = store.employees[index % store.employees.length]!;
    const key = settings.signInEach ? `${store.storeId}:${index}` : `${store.storeId}:${employeeId}`;
    const known = this.sessions.get(key);
    if (known) return known;
    for (;;) {
      const answer = await signIn(this.baseURL, {
        storeId: store.storeId,
        employeeId,
        deviceId: `bench-${key}`,
      });
      if (answer.session) {
        this.sessions.set(key, answer.session);
        return answer.session;
      }
      await sleep(answer.status === 503 ? 2_000 : 500);
    }
  }

  /** Adds devices round-robin over the stores until there are `count`, a few at a time. */
  async grow(count: number): Promise<void> {
    const adding: Promise<void>[] = [];
    for (let i = this.devices.length; i < count; i++) {
      const store = this.stores[i % this.stores.length]!;
      const index = Math.floor(i / this.stores.length);
      adding.push(this.add(store, index));
      if (adding.length >= 8) await Promise.all(adding.splice(0));
    }
    await Promise.all(adding);
  }

  private async add(store: BenchStore, index: number): Promise<void> {
    const session = await this.sessionFor(store, index);
    let view = this.views.get(store.storeId);
    if (!view) {
      view = new StoreView();
      view.locations = [LOCATION];
      this.views.set(store.storeId, view);
    }
    const start = { cursor: `v2:${store.version}`, lastProcessedSeq: 0 } as PullResponse;
    const device = new Device(this.baseURL, session, view, this.sampler, start);
    this.devices.push(device);
    device.start(settings.pullEverySeconds * 1000);
    if (index === 0) this.startStore(store, device, view);
  }

  /** The feeder and the worker of one store, from its first device on. */
  private startStore(store: BenchStore, worker: Device, view: StoreView): void {
    if (this.fed.has(store.storeId)) return;
    this.fed.add(store.storeId);
    const feedMs = settings.feedEverySeconds * 1000;
    const feed = () =>
      void feedOrder(this.baseURL, store.storeId, store.skus, this.pickupCodes).catch(
        () => (this.feedErrors += 1),
      );
    this.timers.push(
      setTimeout(() => {
        feed();
        this.timers.push(setInterval(feed, feedMs));
      }, Math.random() * feedMs),
    );
    this.timers.push(
      setInterval(() => void workOneOrder(worker, this.pickupCodes, 2_000), 3_000 + Math.random() * 1_000),
    );
    void view;
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    for (const device of this.devices) device.stop();
  }
}

interface Step {
  devices: number;
  pullP95: number;
  pushP95: number;
  pulls: number;
  pushes: number;
  apiCores: number;
  load: string;
}

async function measureStep(fleet: Fleet, pid: number, devices: number): Promise<Step> {
  await sleep(settings.warmupSeconds * 1000);
  const from = performance.now();
  const cpuFrom = cpuSeconds(pid);
  await sleep(settings.stepSeconds * 1000);
  const to = performance.now();
  const apiCores = (cpuSeconds(pid) - cpuFrom) / ((to - from) / 1000);
  const pulls = fleet.sampler.since('pull', from, to);
  const pushes = fleet.sampler.since('push', from, to);
  return {
    devices,
    pullP95: percentile(pulls, 95),
    pushP95: pushes.length ? percentile(pushes, 95) : 0,
    pulls: pulls.length,
    pushes: pushes.length,
    apiCores,
    load: load(),
  };
}

/** Sign-ins from fresh devices, `concurrency` at a time, while the fleet works: its pulls' p95. */
async function signInStorm(fleet: Fleet, baseURL: string, stores: BenchStore[]) {
  const from = performance.now();
  const until = Date.now() + settings.stormSeconds * 1000;
  const statuses = new Map<number, number>();
  let n = 0;
  const prober = fleet.devices[0]!;
  const probing = (async () => {
    while (Date.now() < until) {
      await prober.pull();
      await sleep(50);
    }
  })();
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
  const pulls = fleet.sampler.since('pull', from);
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
  if (!existsSync(serverEntry)) throw new Error(`${serverEntry} not found: run \`npm run build\` first`);
  const counter = new StatementCounter();
  const kind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  const bench = await openBenchDatabase(kind, { onDisk: true, onStatement: counter.onStatement });
  let server: { baseURL: string; child: ChildProcess } | undefined;
  let fleet: Fleet | undefined;
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

      fleet = new Fleet(server.baseURL, stores);
      const steps: Step[] = [];
      for (const [i, devices] of settings.steps.entries()) {
        const signingIn = performance.now();
        await fleet.grow(devices);
        console.log(
          `[devices] ${devices} devices running (joined in ${((performance.now() - signingIn) / 1000).toFixed(1)} s)`,
        );
        const step = await measureStep(fleet, pid, devices);
        steps.push(step);
        console.log(
          `[devices] ${devices}: pull p95 ${step.pullP95.toFixed(0)} ms (${step.pulls}), push p95 ${step.pushP95.toFixed(0)} ms (${step.pushes}), API ${step.apiCores.toFixed(2)} cores, errors ${fleet.sampler.errors}, feed errors ${fleet.feedErrors}, load ${step.load}`,
        );
        if (i === 0) {
          const storm = await signInStorm(fleet, server.baseURL, stores);
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
      if (best) {
        recordResult(
          'devices-per-api-core',
          best.devices / Math.max(best.apiCores, 0.01),
          'devices/core',
          `${best.devices} devices at pull p95 ${best.pullP95.toFixed(0)} ms, push p95 ${best.pushP95.toFixed(0)} ms, on ${best.apiCores.toFixed(2)} API cores (${kind}; ${best.devices === settings.steps.at(-1) ? 'the last step: the knee is further, ramp higher' : 'the next step broke 200 ms'}; load ${best.load})`,
        );
      } else recordNote('devices-per-api-core: even the first step broke 200 ms p95');
    }
  } finally {
    fleet?.stop();
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
