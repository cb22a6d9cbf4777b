// Starts the BUILT Aisle server for Playwright's webServer.
// Each run gets a fresh, throwaway data dir and embedded PGlite (never DATABASE_URL).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { constants, tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const serverEntry = join(repoRoot, 'dist', 'server', 'main.js');

if (!existsSync(serverEntry)) {
  console.error(`[e2e] ${serverEntry} not found. Run \`npm run build\` first (npm run test:e2e does).`);
  process.exit(1);
}

const port = process.env.E2E_PORT || '5187';
const dataDir = mkdtempSync(join(tmpdir(), 'aisle-e2e-'));

let cleanedUp = false;
function cleanup() {
  if (cleanedUp) return;
  cleanedUp = true;
  try {
    rmSync(dataDir, { recursive: true, force: true });
  } catch (error) {
    console.error(`[e2e] could not remove ${dataDir}:`, error);
  }
}
process.on('exit', cleanup);

const env = {
  ...process.env,
  PORT: port,
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  DEMO_ORDERS: 'off',
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
};
// The e2e server always uses embedded PGlite; it must never touch the CI database.
delete env.DATABASE_URL;

const child = spawn(process.execPath, [serverEntry], {
  cwd: repoRoot,
  env,
  stdio: 'inherit',
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
    }
  });
}

child.on('error', (error) => {
  console.error('[e2e] failed to start the server:', error);
  cleanup();
  process.exit(1);
});

child.on('exit', (code, signal) => {
  cleanup();
  if (code !== null) process.exit(code);
  // Killed by a signal: exit the conventional 128 + signal number.
  process.exit(128 + (constants.signals[signal] ?? 0));
});
