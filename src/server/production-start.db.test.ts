import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from './project-root';
import { startChildServer, type ChildServer } from './testing/child-server';

/** Issue 13 point 1, as an operator meets it: the real server started as its own process. */

const dataDir = mkdtempSync(join(tmpdir(), 'aisle-production-'));
const INTAKE_KEY = 'a-production-intake-key-0123456789';
let server: ChildServer | undefined;
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The production server's environment: nothing of the test run's, no PostgreSQL. */
const productionEnv = (extra: Record<string, string> = {}) => ({
  NODE_ENV: 'production',
  DATA_DIR: dataDir,
  DATABASE_URL: '',
  LOG_LEVEL: 'warn',
  SEED: undefined,
  INTAKE_API_KEY: undefined,
  JWT_SECRET: undefined,
  ...extra,
});

function run(args: string[], env: Record<string, string | undefined>, stdin = '') {
  const childEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...process.env, ...env })) {
    if (value !== undefined) childEnv[key] = value;
  }
  const child = spawn(process.execPath, ['--import', 'tsx', join('src', 'server', 'main.ts'), ...args], {
    cwd: projectRoot,
    env: childEnv,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end(stdin);
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stdout, stderr })),
  );
}

const manager = [
  'create-manager',
  '--store-id',
  'TO01',
  '--store-name',
  'Aisle Torino Centro',
  '--city',
  'Torino',
  '--address',
  'Via Roma 1',
  '--postcode',
  '10121',
  '--employee-id',
  '7000',
  '--name',
  'Maria Bianchi',
];

describe('a production start', () => {
  it('refuses without its secrets, listing what is missing, and seeds nothing', async () => {
    const result = await run([], productionEnv());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Invalid environment');
    expect(result.stderr).toContain('INTAKE_API_KEY: is required in production');
    const demoKey = await run([], productionEnv({ INTAKE_API_KEY: 'demo-intake-key' }));
    expect(demoKey.code).toBe(1);
    expect(demoKey.stderr).toContain("INTAKE_API_KEY: is the demo's published key");
  }, 60_000);

  it('creates the first store and manager from the CLI, refusing a demo PIN, and the manager signs in', async () => {
    const demoPin = await run(manager, productionEnv({ INTAKE_API_KEY: INTAKE_KEY }), '9999\n');
    expect(demoPin.code).toBe(2);
    expect(demoPin.stderr).toContain("the PIN is one of the demo's published PINs");

    const created = await run(manager, productionEnv({ INTAKE_API_KEY: INTAKE_KEY }), '2871\n');
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Created store TO01');

    server = await startChildServer(productionEnv({ INTAKE_API_KEY: INTAKE_KEY, LOG_LEVEL: 'info' }));
    const secretLine = await server.waitForLog((line) => line.setting === 'JWT_SECRET');
    expect(secretLine.msg).toContain('JWT_SECRET is not set: a generated one');

    const stores = (await (await fetch(`${server.baseUrl}/api/stores`)).json()) as {
      stores: { id: string }[];
    };
    expect(stores.stores.map((s) => s.id)).toEqual(['TO01']);
    const signIn = await fetch(`${server.baseUrl}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ storeId: 'TO01', employeeId: '7000', pin: '2871', deviceId: 'first-device-01' }),
    });
    expect(signIn.status).toBe(200);
    expect(((await signIn.json()) as { associate: { role: string } }).associate.role).toBe('manager');
    const demoKey = await fetch(`${server.baseUrl}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': 'demo-intake-key' },
      body: '{}',
    });
    expect(demoKey.status).toBe(401);
  }, 300_000);
});
