// A rolling deploy, for e2e/rolling-deploy.spec.ts: a second build of the client (the "next
// release") served by a second instance of the built server, and a proxy in front of both that
// sends every page and file to the old instance, to either (alternating, as a load balancer does
// while instances are replaced), or to the new one. The API always goes to the Playwright web
// server, which holds the database: PGlite is embedded in one process, so the two instances
// cannot share it here as they share PostgreSQL in production.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = promisify(execFile);

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject()));
    });
  });
}

export interface Release {
  buildId: string;
  baseURL: string;
  stop: () => Promise<void>;
}

/**
 * Builds the client again with another build id into a release folder laid out like the
 * repository (package.json, dist/, the migrations, node_modules linked), and starts the built
 * server from it on a free port, with a throwaway database and no demo data.
 */
export async function startNextRelease(buildId: string): Promise<Release> {
  const root = mkdtempSync(join(tmpdir(), 'aisle-next-release-'));
  const clientDir = join(root, 'dist', 'client');
  await run('npx', ['vite', 'build', '--outDir', clientDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: repoRoot,
    env: { ...process.env, VITE_BUILD_ID: buildId },
    maxBuffer: 16 * 1024 * 1024,
  });
  await run(process.execPath, [join(repoRoot, 'scripts', 'compress-client.mjs'), clientDir], {
    cwd: repoRoot,
  });
  cpSync(join(repoRoot, 'package.json'), join(root, 'package.json'));
  cpSync(join(repoRoot, 'dist', 'server'), join(root, 'dist', 'server'), { recursive: true });
  mkdirSync(join(root, 'src', 'server', 'db'), { recursive: true });
  symlinkSync(
    join(repoRoot, 'src', 'server', 'db', 'migrations'),
    join(root, 'src', 'server', 'db', 'migrations'),
  );
  symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'));
  const dataDir = join(root, 'data');

  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SEED: 'none',
    DEMO_ORDERS: 'off',
    NODE_ENV: 'production',
    // Production (no demo) needs its own intake key.
    INTAKE_API_KEY: 'rolling-deploy-intake-key-0123456789',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, [join(root, 'dist', 'server', 'main.js')], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the next release's server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error('the next release did not start within 90 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    buildId,
    baseURL,
    stop: () =>
      new Promise<void>((done) => {
        const cleanup = () => {
          rmSync(root, { recursive: true, force: true });
          done();
        };
        if (child.exitCode !== null) return cleanup();
        child.once('exit', cleanup);
        child.kill('SIGTERM');
      }),
  };
}

export type Rollout = 'old' | 'mixed' | 'new';

export interface DeployProxy {
  baseURL: string;
  /** Where pages and files go: the old instance, both in turn, or the new one. */
  rollout: Rollout;
  /** While true, pushes answer 503 (the device keeps its outbox and retries later). */
  holdPushes: boolean;
  /** The paths of files (not /api) each instance answered, for the test to check the mix. */
  served: { old: string[]; new: string[] };
  close: () => Promise<void>;
}

/** The load balancer in front of the two instances. */
export async function startDeployProxy(oldURL: string, newURL: string): Promise<DeployProxy> {
  let turn = 0;
  const proxy: DeployProxy = {
    baseURL: '',
    rollout: 'old',
    holdPushes: false,
    served: { old: [], new: [] },
    close: async () => undefined,
  };
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    const isApi = path === '/api' || path.startsWith('/api/');
    if (isApi && proxy.holdPushes && req.method === 'POST' && path.startsWith('/api/sync/push')) {
      req.resume();
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
      res.end(JSON.stringify({ code: 'server.unavailable', message: 'Deploy in progress' }));
      return;
    }
    const toNew = !isApi && (proxy.rollout === 'new' || (proxy.rollout === 'mixed' && turn++ % 2 === 1));
    if (!isApi) proxy.served[toNew ? 'new' : 'old'].push(path.split('?')[0] ?? path);
    const target = new URL(path, toNew ? newURL : oldURL);
    const upstream = httpRequest(
      target,
      { method: req.method, headers: { ...req.headers, host: target.host } },
      (answer: IncomingMessage) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
    // The event stream stays open: close the upstream side when the device goes away.
    res.on('close', () => upstream.destroy());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('the proxy has no port');
  proxy.baseURL = `http://127.0.0.1:${address.port}`;
  proxy.close = () =>
    new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    });
  return proxy;
}
