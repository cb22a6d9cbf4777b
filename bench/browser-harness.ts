// The harness of the browser benchmarks: the BUILT app (dist/) served by the built server on a
// fresh embedded PGlite folder with the demo, an API client, and the associate's first steps.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Page } from '@playwright/test';
import type { IntakeResult } from '../src/contract/orders';
import type { PullResponse } from '../src/contract/sync';
import { openDatabase } from '../src/server/db/client';
import { runMigrations } from '../src/server/db/migrate';
import { seedDemo } from '../src/server/demo/seed-demo';
import { recordNote } from './report';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const serverEntry = join(repoRoot, 'dist', 'server', 'main.js');
export const clientEntry = join(repoRoot, 'dist', 'client', 'index.html');

export const STORE_ID = 'MI01';
const INTAKE_KEY = 'bench-intake-key-0000';
/** Units a scan-heavy bench order holds on one line (the intake maximum). */
export const UNITS_PER_ORDER = 99;

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export const median = (values: number[]) => percentile(values, 50);

/** A free port, or the one BENCH_PORT names (to keep a shared machine's benches apart). */
export async function freePort(fromEnv = 'BENCH_PORT'): Promise<number> {
  const chosen = Number(process.env[fromEnv]);
  if (Number.isInteger(chosen) && chosen > 0) return chosen;
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject()));
    });
  });
}

/**
 * Seeds the demo into a fresh PGlite folder and gives every product of the first store ample
 * stock, so one order can hold 99 units of one product and a thousand scans all apply.
 */
export async function prepareDataDir(dataDir: string): Promise<void> {
  const database = await openDatabase({ dataDir });
  try {
    await runMigrations(database);
    await seedDemo(database.db);
    await database.db.execute(sql`update stock set on_hand = on_hand + 5000 where store_id = ${STORE_ID}`);
  } finally {
    await database.close();
  }
}

export interface RunningServer {
  baseURL: string;
  stop: () => Promise<void>;
}

export async function startServer(dataDir: string): Promise<RunningServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DEMO_ORDERS: 'off',
    NODE_ENV: 'production',
    SEED: 'demo',
    LOG_LEVEL: 'warn',
    INTAKE_API_KEY: INTAKE_KEY,
  };
  delete env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, [serverEntry], {
    cwd: repoRoot,
    env,
    stdio: 'inherit',
  });
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error('the server did not start within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseURL,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// The server side, through the API.

export class Api {
  private token = '';
  constructor(private readonly baseURL: string) {}

  async signIn(): Promise<void> {
    const response = await fetch(`${this.baseURL}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        storeId: STORE_ID,
        employeeId: '1001',
        pin: '1234',
        deviceId: 'bench-browser-api',
      }),
    });
    if (!response.ok) throw new Error(`sign-in: ${response.status} ${await response.text()}`);
    this.token = ((await response.json()) as { accessToken: string }).accessToken;
  }

  /** The Authorization header of the signed-in bench associate. */
  authorization(): Record<string, string> {
    return { authorization: `Bearer ${this.token}` };
  }

  private async get<T>(path: string): Promise<T> {
    const response = await fetch(`${this.baseURL}${path}`, {
      headers: { authorization: `Bearer ${this.token}` },
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  /** Products of the store with a plain numeric barcode, in a stable order. */
  async products(): Promise<{ sku: string; barcode: string }[]> {
    const { products } = await this.get<PullResponse>('/api/sync/pull');
    return products
      .filter((product) => /^\d{8,14}$/.test(product.barcode))
      .sort((a, b) => a.sku.localeCompare(b.sku));
  }

  async createOrder(sku: string, qty: number): Promise<IntakeResult> {
    const response = await fetch(`${this.baseURL}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': INTAKE_KEY },
      body: JSON.stringify({
        externalId: `bench-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
        channel: 'web',
        storeId: STORE_ID,
        fulfillmentType: 'pickup',
        promisedAt: new Date(Date.now() + 3_600_000).toISOString(),
        customer: { name: 'Bench Customer', email: 'bench@example.com', language: 'en' },
        lines: [{ sku, qty, unitPriceCents: 1000 }],
      }),
    });
    if (response.status !== 201) throw new Error(`intake: ${response.status} ${await response.text()}`);
    return (await response.json()) as IntakeResult;
  }

  async pickedUnits(orderId: string): Promise<number> {
    const order = await this.get<{ lines: { qtyPicked: number }[] }>(`/api/orders/${orderId}`);
    return order.lines.reduce((sum, line) => sum + line.qtyPicked, 0);
  }
}

// ---------------------------------------------------------------------------------------------
// The device side, through the UI.

/** Signs in through the UI; `origin` for a page whose context has no baseURL. */
export async function signIn(page: Page, origin = ''): Promise<void> {
  await page.goto(`${origin}/`);
  await page.getByLabel('Store').selectOption(STORE_ID);
  await page.getByLabel('Employee ID').fill('1001');
  await page.getByLabel('PIN', { exact: true }).fill('1234');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Orders' }).waitFor();
}

export async function openAndClaim(page: Page, order: IntakeResult): Promise<void> {
  if (!new URL(page.url()).pathname.match(/^\/?$/)) {
    await page
      .getByRole('link', { name: /back to (the )?queue/i })
      .first()
      .click();
  }
  await page.getByTestId(`order-row-${order.number}`).click();
  await page.getByRole('heading', { level: 1, name: `Order ${order.number}` }).waitFor();
  await page.getByRole('button', { name: 'Claim order' }).click();
  await page.getByTestId('order-status').filter({ hasText: 'Picking' }).waitFor();
}

/**
 * Runs browser benches against the built app on a fresh demo database, and tears both down.
 * Without a build it records why it did nothing.
 */
export async function withBuiltApp(
  label: string,
  run: (app: { baseURL: string; api: Api }) => Promise<void>,
): Promise<void> {
  if (!existsSync(serverEntry) || !existsSync(clientEntry)) {
    recordNote(
      `${label} skipped: ${existsSync(serverEntry) ? clientEntry : serverEntry} not found. ` +
        'They run the built app: `npm run build`, then `npm run bench`.',
    );
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), `aisle-bench-${label.replace(/\W+/g, '-')}-`));
  let server: RunningServer | undefined;
  try {
    await prepareDataDir(dataDir);
    server = await startServer(dataDir);
    const api = new Api(server.baseURL);
    await api.signIn();
    await run({ baseURL: server.baseURL, api });
  } finally {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
