// Lighthouse's mobile performance score and LCP of the first screens (issue 14, point 10):
// sign-in, the signed-in queue and the pick screen, on the BUILT app (run `npm run build`
// first). Lighthouse runs with its defaults: a mid-range phone, simulated slow 4G and a 4×
// slower CPU. The browser is Debian's Chromium, started here with a DevTools port
// (LIGHTHOUSE_DEBUG_PORT, else a free one). The signed-in screens need a device that signed in
// and holds the store's replica: that is made through the UI first, in the same browser
// profile. Lighthouse clears the service worker and its caches before each run (a cold load),
// not localStorage or IndexedDB, so the session and the replica stay. Figures, never a test.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import lighthouse from 'lighthouse';
import { chromiumExecutable } from '../e2e/support/browser';
import { freePort, median, openAndClaim, signIn, withBuiltApp, type Api } from './browser-harness';
import { recordResult } from './report';

/** The flags Lighthouse's Chrome runs with here (no sandbox as root, nothing phoning home). */
const chromeFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Runs per screen; the median is recorded (the machine is shared, single runs are noisy). */
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));
/** Where to keep each run's full report (JSON, open it in the Lighthouse viewer), if anywhere. */
const REPORT_DIR = process.env.LIGHTHOUSE_REPORT_DIR;

interface Chrome {
  port: number;
  stop: () => Promise<void>;
}

async function startChrome(): Promise<Chrome> {
  const executable = chromiumExecutable();
  if (!executable) throw new Error('no Chromium found (Debian: apt-get install chromium)');
  const port = await freePort('LIGHTHOUSE_DEBUG_PORT');
  const profile = mkdtempSync(join(tmpdir(), 'aisle-lighthouse-'));
  const child: ChildProcess = spawn(
    executable,
    [...chromeFlags, `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: 'ignore' },
  );
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Chromium exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/json/version`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error('Chromium did not open its DevTools port within 30 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    port,
    stop: () =>
      new Promise<void>((done) => {
        const finish = () => {
          rmSync(profile, { recursive: true, force: true });
          done();
        };
        if (child.exitCode !== null) return finish();
        child.once('exit', finish);
        child.kill('SIGTERM');
      }),
  };
}

interface Audit {
  score: number;
  lcpMs: number;
  fcpMs: number;
  tbtMs: number;
  cls: number;
}

async function audit(url: string, port: number, name: string): Promise<Audit> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
  });
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const { lhr } = result;
  if (REPORT_DIR) {
    mkdirSync(REPORT_DIR, { recursive: true });
    writeFileSync(join(REPORT_DIR, `${name}-${Date.now()}.json`), JSON.stringify(lhr));
  }
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
  const ms = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    score: (lhr.categories.performance?.score ?? NaN) * 100,
    lcpMs: ms('largest-contentful-paint'),
    fcpMs: ms('first-contentful-paint'),
    tbtMs: ms('total-blocking-time'),
    cls: ms('cumulative-layout-shift'),
  };
}

/**
 * Lighthouse sometimes loses the start of its own trace (NO_NAVSTART) on a page that loaded
 * fine: the run says nothing about the page, so it is run again, once.
 */
async function auditRetryingTrace(url: string, port: number, name: string): Promise<Audit> {
  try {
    return await audit(url, port, name);
  } catch (error) {
    if (!String(error).includes('NO_NAVSTART')) throw error;
    console.warn(`[bench] Lighthouse lost its trace on ${name} (NO_NAVSTART); running it again`);
    return audit(url, port, name);
  }
}

async function auditScreen(name: string, url: string, port: number): Promise<void> {
  const runs: Audit[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await auditRetryingTrace(url, port, name));
  const pick = (key: keyof Audit) => median(runs.map((run) => run[key]));
  const path = new URL(url).pathname;
  recordResult(
    `lighthouse-perf-${name}`,
    pick('score'),
    'score',
    `Lighthouse ${'12.2.3'} mobile performance of ${path}, median of ${RUNS} (scores ` +
      `${runs.map((r) => r.score.toFixed(0)).join(', ')}; FCP ${pick('fcpMs').toFixed(0)} ms, ` +
      `TBT ${pick('tbtMs').toFixed(0)} ms, CLS ${pick('cls').toFixed(3)}); budget ≥ 90`,
  );
  recordResult(
    `lighthouse-lcp-ms-${name}`,
    pick('lcpMs'),
    'ms',
    `Lighthouse mobile Largest Contentful Paint of ${path}, median of ${RUNS} (simulated slow 4G, 4× CPU)`,
  );
}

/** Signs in through the UI in Lighthouse's own browser profile, and claims an order to pick. */
async function prepareDevice(port: number, baseURL: string, api: Api): Promise<string> {
  const [product] = await api.products();
  if (!product) throw new Error('the demo store has no products');
  const order = await api.createOrder(product.sku, 3);
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const context = browser.contexts()[0];
    if (!context) throw new Error('Chromium has no default context');
    const page = await context.newPage();
    await signIn(page, baseURL);
    await page.getByTestId(`order-row-${order.number}`).waitFor();
    await openAndClaim(page, order);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="sync-status"]')?.getAttribute('data-pending') === '0',
      null,
      { timeout: 30_000 },
    );
    await page.close();
  } finally {
    await browser.close(); // disconnects; the browser and its profile stay for Lighthouse
  }
  return order.id;
}

export async function runLighthouseBench(): Promise<void> {
  await withBuiltApp('lighthouse benchmarks', async ({ baseURL, api }) => {
    const chrome = await startChrome();
    try {
      // A new device: no session, so the app opens on sign-in.
      await auditScreen('signin', `${baseURL}/sign-in`, chrome.port);
      const orderId = await prepareDevice(chrome.port, baseURL, api);
      await auditScreen('queue', `${baseURL}/`, chrome.port);
      await auditScreen('pick', `${baseURL}/orders/${orderId}`, chrome.port);
    } finally {
      await chrome.stop();
    }
  });
}
