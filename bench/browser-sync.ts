// Browser benchmarks of the offline-first PWA: action latency, outbox drain, offline cold start.
// They drive the BUILT app (dist/) in Chromium against the built server on embedded PGlite, the
// way e2e/support/start-server.mjs runs it. Nothing is built here: run `npm run build` first.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { IntakeResult } from '../src/contract/orders';
import { chromiumArgs, chromiumExecutable } from '../e2e/support/browser';
import type { Api } from './browser-harness';
import { median, openAndClaim, percentile, signIn, UNITS_PER_ORDER, withBuiltApp } from './browser-harness';
import { recordResult } from './report';

/**
 * One scan at an associate's pace: the wedge burst, then wait for this scan's 'aisle-action'
 * measure (its effect is on screen) before the next. The keys are dispatched in the page in one
 * task, as a scanner's keep their timestamps; the measure starts inside the app's scan handler,
 * so how the keys arrive does not change the figure.
 */
async function measuredScan(page: Page, code: string): Promise<void> {
  const measured = await page.evaluate(
    (keys) => {
      const before = performance.getEntriesByName('aisle-action', 'measure').length;
      for (const key of keys) {
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      }
      return before;
    },
    [...code, 'Enter'],
  );
  await page.waitForFunction(
    (before) => performance.getEntriesByName('aisle-action', 'measure').length > before,
    measured,
    { polling: 'raf', timeout: 5_000 },
  );
}

/**
 * Many scans in one go, for filling the outbox fast: the same keydown burst a wedge scanner
 * types, dispatched in the page, one scan after the outcome of the one before.
 */
async function burstScans(page: Page, code: string, count: number): Promise<number[]> {
  // No named inner functions: tsx would wrap them in a helper the page does not have.
  return page.evaluate(
    async ({ code, count }) => {
      const savedMs: number[] = [];
      for (let i = 0; i < count; i++) {
        const before =
          document.querySelector('[data-testid="scan-feedback"]')?.getAttribute('data-seq') ?? '0';
        const started = performance.now();
        for (const key of [...code, 'Enter']) {
          document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
        }
        for (;;) {
          const banner = document.querySelector('[data-testid="scan-feedback"]');
          if ((banner?.getAttribute('data-seq') ?? '0') !== before) {
            const outcome = banner?.getAttribute('data-outcome');
            if (outcome !== 'success') throw new Error(`scan ${i + 1}: ${outcome}`);
            savedMs.push(performance.now() - started);
            break;
          }
          if (performance.now() - started > 10_000) throw new Error(`scan ${i + 1} got no outcome`);
          await new Promise((r) => setTimeout(r, 1));
        }
      }
      return savedMs;
    },
    { code, count },
  );
}

async function waitForPending(page: Page, expected: number, timeout = 120_000): Promise<void> {
  await page.waitForFunction(
    (n) => document.querySelector('[data-testid="sync-status"]')?.getAttribute('data-pending') === String(n),
    expected,
    { polling: 'raf', timeout },
  );
}

async function quietOrigin(page: Page): Promise<void> {
  // The bench blurs any field so the wedge listener, not an input, receives the scan.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

// ---------------------------------------------------------------------------------------------
// The measurements.

async function actionLatency(
  browser: Browser,
  baseURL: string,
  api: Api,
  code: { sku: string; barcode: string },
) {
  const SCANS = 60;
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block', locale: 'en-GB' });
  const page = await context.newPage();
  try {
    const order = await api.createOrder(code.sku, SCANS);
    await signIn(page);
    await openAndClaim(page, order);
    await quietOrigin(page);
    await page.evaluate(() => performance.clearMeasures('aisle-action'));
    for (let i = 0; i < SCANS; i++) await measuredScan(page, code.barcode);
    await waitForPending(page, 0, 30_000);
    const durations = await page.evaluate(() =>
      performance.getEntriesByName('aisle-action', 'measure').map((entry) => entry.duration),
    );
    if (durations.length < 50) {
      throw new Error(`only ${durations.length} 'aisle-action' measures for ${SCANS} scans`);
    }
    return {
      p95: percentile(durations, 95),
      p50: median(durations),
      max: Math.max(...durations),
      n: durations.length,
    };
  } finally {
    await context.close();
  }
}

/** Queues `orders` × (claim + 99 picks) offline, then times the drain from reconnect. */
async function drain(
  browser: Browser,
  baseURL: string,
  api: Api,
  products: { sku: string; barcode: string }[],
  commands: number,
) {
  const orderCount = Math.ceil(commands / (UNITS_PER_ORDER + 1));
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block', locale: 'en-GB' });
  const page = await context.newPage();
  try {
    const orders: { order: IntakeResult; product: { sku: string; barcode: string }; units: number }[] = [];
    let left = commands;
    for (let i = 0; i < orderCount; i++) {
      const product = products[i];
      if (!product) throw new Error('not enough products');
      const units = Math.min(UNITS_PER_ORDER, left - 1);
      left -= units + 1;
      orders.push({ order: await api.createOrder(product.sku, units), product, units });
    }
    await signIn(page);
    for (const { order } of orders) await page.getByTestId(`order-row-${order.number}`).waitFor();
    await context.setOffline(true);
    const fillStarted = performance.now();
    const savedMs: number[] = [];
    for (const { order, product, units } of orders) {
      await openAndClaim(page, order);
      await quietOrigin(page);
      savedMs.push(...(await burstScans(page, product.barcode, units)));
    }
    const fillMs = performance.now() - fillStarted;
    await waitForPending(page, commands, 30_000);

    // Where the drain goes: time the server spent answering pushes (request sent → answer read).
    const pushes: Promise<number>[] = [];
    let pulls = 0;
    page.on('requestfinished', (request) => {
      if (new URL(request.url()).pathname === '/api/sync/pull') pulls += 1;
      if (!request.url().endsWith('/api/sync/push')) return;
      pushes.push(
        request.response().then(() => request.timing().responseEnd - request.timing().requestStart),
      );
    });
    const started = performance.now();
    await context.setOffline(false);
    await waitForPending(page, 0);
    const drainMs = performance.now() - started;
    const pushMs = await Promise.all(pushes);

    // The server holds every unit: the drain really is acknowledged work, not a UI count.
    for (const { order, units } of orders) {
      const picked = await api.pickedUnits(order.id);
      if (picked !== units) throw new Error(`order ${order.number}: server has ${picked} of ${units} units`);
    }
    return {
      drainMs,
      fillMs,
      pushes: pushMs.length,
      pulls,
      serverMs: pushMs.reduce((sum, ms) => sum + ms, 0),
      // How "saved on the device" slows as the queue grows: the first and the last 100 scans.
      firstScansP95: percentile(savedMs.slice(0, 100), 95),
      lastScansP95: percentile(savedMs.slice(-100), 95),
    };
  } finally {
    await context.close();
  }
}

function drainDetail(run: Awaited<ReturnType<typeof drain>>): string {
  return (
    `${run.pushes} pushes and ${run.pulls} pulls, ${(run.serverMs / 1000).toFixed(1)} s of it waiting on pushes; ` +
    `queued offline in ${(run.fillMs / 1000).toFixed(1)} s, scan → saved p95 ${run.firstScansP95.toFixed(0)} ms ` +
    `over the first 100 scans and ${run.lastScansP95.toFixed(0)} ms over the last 100`
  );
}

/** Opens the installed app with no network in a freshly launched browser, five times. */
async function offlineColdStart(baseURL: string) {
  const profile = mkdtempSync(join(tmpdir(), 'aisle-bench-profile-'));
  const launch = (offline: boolean) =>
    chromium.launchPersistentContext(profile, {
      executablePath: chromiumExecutable(),
      args: chromiumArgs,
      baseURL,
      locale: 'en-GB',
      serviceWorkers: 'allow',
      offline,
    });
  try {
    // Install: sign in online, let the worker take control and the first pull land.
    let context = await launch(false);
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
    await signIn(page);
    await page.locator('[data-testid^="order-row-"]').first().waitFor();
    await context.close();

    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      context = await launch(true);
      // Notes when the first queue row is in the DOM, on the page's own clock (0 = navigation start).
      await context.addInitScript(() => {
        const w = window as unknown as { __firstRowAt?: number };
        new MutationObserver((_, observer) => {
          if (document.querySelector('[data-testid^="order-row-"]')) {
            w.__firstRowAt = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      page = context.pages()[0] ?? (await context.newPage());
      await page.goto('/');
      await page.locator('[data-testid^="order-row-"]').first().waitFor({ timeout: 15_000 });
      const at = await page.evaluate(() => (window as unknown as { __firstRowAt?: number }).__firstRowAt);
      if (at === undefined) throw new Error('no queue row seen');
      if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
        throw new Error('the cold start was not served by the service worker');
      }
      samples.push(at);
      await context.close();
    }
    return { median: median(samples), max: Math.max(...samples), samples };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

export async function runBrowserSyncBench(): Promise<void> {
  await withBuiltApp('browser benchmarks', async ({ baseURL, api }) => {
    const products = await api.products();
    const [first] = products;
    if (!first || products.length < 12) throw new Error('the demo store has too few products');
    const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
    try {
      const latency = await actionLatency(browser, baseURL, api, first);
      recordResult(
        'action-latency-p95-ms',
        latency.p95,
        'ms',
        `browser: scan accepted → UI updated + command durable in IndexedDB, ${latency.n} scans (p50 ${latency.p50.toFixed(1)}, max ${latency.max.toFixed(1)}); budget ≤ 50`,
      );

      const hundred = await drain(browser, baseURL, api, products.slice(1, 2), 100);
      recordResult(
        'sync-drain-100-ms',
        hundred.drainMs,
        'ms',
        `browser: reconnect → 100 queued commands acknowledged; ${drainDetail(hundred)}; budget ≤ 2000`,
      );

      const thousand = await drain(browser, baseURL, api, products.slice(2, 12), 1000);
      recordResult(
        'sync-drain-1000-ms',
        thousand.drainMs,
        'ms',
        `browser: reconnect → 1,000 queued commands (10 orders) acknowledged; ${drainDetail(thousand)}; budget ≤ 10000`,
      );
    } finally {
      await browser.close();
    }
    const cold = await offlineColdStart(baseURL);
    recordResult(
      'offline-cold-start-ms',
      cold.median,
      'ms',
      `browser: new browser, offline, navigation start → first queue row (median of 5, max ${cold.max.toFixed(0)}); budget ≤ 1500`,
    );
  });
}
