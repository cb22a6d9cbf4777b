import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './e2e/support/browser';

const port = Number(process.env.E2E_PORT ?? 5187);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromiumExecutable(),
          args: chromiumArgs,
        },
        serviceWorkers: 'block',
        locale: 'en-GB',
      },
    },
  ],
  webServer: {
    // Runs the BUILT server (dist/) with a throwaway data dir and embedded PGlite.
    command: 'node e2e/support/start-server.mjs',
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    // SIGTERM (not Playwright's default SIGKILL) so start-server.mjs can delete its temp dir.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
