// Browser benchmarks of the first load (issue 14, point 10): the JavaScript each first screen
// fetches before it can be used, and what goes over the wire compressed (the entry script, the
// decoder's WebAssembly, the first replica pull, the precache). They drive the BUILT app
// (dist/): run `npm run build` first. The Lighthouse rows are in ./lighthouse.ts.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from '../e2e/support/browser';
import { repoRoot, signIn, withBuiltApp } from './browser-harness';
import { recordResult } from './report';

const clientDir = join(repoRoot, 'dist', 'client');

/** Gzip size of the scripts the page fetched before `interactiveAt` (ms since navigation). */
async function scriptBytesBefore(
  page: Page,
  interactiveAt: number,
): Promise<{ kb: number; files: string[] }> {
  const urls = await page.evaluate(
    (until) =>
      performance
        .getEntriesByType('resource')
        .filter((entry): entry is PerformanceResourceTiming => entry instanceof PerformanceResourceTiming)
        .filter((entry) => entry.responseEnd <= until && new URL(entry.name).pathname.endsWith('.js'))
        .map((entry) => new URL(entry.name).pathname),
    interactiveAt,
  );
  const files = [...new Set(urls)];
  let bytes = 0;
  for (const path of files) bytes += gzipSync(readFileSync(join(clientDir, path)), { level: 9 }).length;
  return { kb: bytes / 1024, files };
}

/** The sign-in of a new device, and the queue a signed-in associate's device opens on. */
async function initialJs(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block', locale: 'en-GB' });
  // The moment the first screen can be used, seen from inside the page: the sign-in form's
  // button, or the queue's first row. Later fetches (pages preloaded when idle) do not count.
  await context.addInitScript(() => {
    const w = window as unknown as { __firstScreenAt?: number };
    new MutationObserver((_, observer) => {
      if (document.querySelector('form button[type="submit"], [data-testid^="order-row-"]')) {
        w.__firstScreenAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  const firstScreenAt = () =>
    page.evaluate(() => (window as unknown as { __firstScreenAt: number }).__firstScreenAt);
  try {
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const signInPage = await scriptBytesBefore(page, await firstScreenAt());
    await signIn(page);
    await page.locator('[data-testid^="order-row-"]').first().waitFor(); // the replica is there
    // A reload of the signed-in app: what an associate's device loads at the start of a shift.
    await page.reload();
    await page.locator('[data-testid^="order-row-"]').first().waitFor();
    const queue = await scriptBytesBefore(page, await firstScreenAt());
    return { signIn: signInPage, queue };
  } finally {
    await context.close();
  }
}

/** One GET as a browser sends it (brotli or gzip accepted): the bytes on the wire, undecoded. */
function onTheWire(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': 'gzip, deflate, br', ...headers } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          bytes,
          encoding: String(res.headers['content-encoding'] ?? 'none'),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The uncompressed size of an answer, for the "of" in the rows. */
async function decodedBytes(url: string, headers: Record<string, string> = {}): Promise<number> {
  const response = await fetch(url, { headers });
  return (await response.arrayBuffer()).byteLength;
}

/** The precache of the built service worker: its files, raw and as they travel (their .br). */
function precacheSize(): { entries: number; rawKb: number; wireKb: number } {
  const sw = readFileSync(join(clientDir, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/\{url:"([^"]+)",revision:/g)].map((m) => m[1]!);
  if (urls.length === 0) throw new Error('no precache entries found in dist/client/sw.js');
  let raw = 0;
  let wire = 0;
  for (const url of urls) {
    const path = join(clientDir, url);
    raw += statSync(path).size;
    wire += existsSync(`${path}.br`) ? statSync(`${path}.br`).size : statSync(path).size;
  }
  return { entries: urls.length, rawKb: raw / 1024, wireKb: wire / 1024 };
}

export async function runFirstLoadBench(): Promise<void> {
  await withBuiltApp('first-load benchmarks', async ({ baseURL, api }) => {
    const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
    const js = await initialJs(browser, baseURL).finally(() => browser.close());
    const files = (screen: { files: string[] }) =>
      screen.files.map((f) => f.replace('/assets/', '')).join(', ');
    recordResult(
      'initial-js-gzip-kb',
      Math.max(js.queue.kb, js.signIn.kb),
      'kB',
      `JavaScript fetched before the first screen is interactive, gzip -9, the larger of sign-in ` +
        `(${js.signIn.kb.toFixed(1)} kB) and the signed-in queue (${js.queue.kb.toFixed(1)} kB); budget ≤ 130`,
    );
    recordResult(
      'initial-js-gzip-kb-signin',
      js.signIn.kb,
      'kB',
      `sign-in of a new device: ${files(js.signIn)}`,
    );
    recordResult(
      'initial-js-gzip-kb-queue',
      js.queue.kb,
      'kB',
      `signed-in queue after a reload: ${files(js.queue)}`,
    );

    const html = readFileSync(join(clientDir, 'index.html'), 'utf8');
    const entry = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
    if (!entry) throw new Error('no entry script in dist/client/index.html');
    const index = await onTheWire(`${baseURL}${entry}`);
    const indexRaw = statSync(join(clientDir, entry)).size;
    recordResult(
      'index-js-wire-kb',
      index.bytes / 1024,
      'kB',
      `${entry} over HTTP (${index.encoding}, status ${index.status}) of ${(indexRaw / 1024).toFixed(0)} kB`,
    );

    const wasm = readdirSync(join(clientDir, 'assets')).find((f) => /^zxing_reader-.*\.wasm$/.test(f));
    if (wasm) {
      const decoder = await onTheWire(`${baseURL}/assets/${wasm}`);
      const raw = statSync(join(clientDir, 'assets', wasm)).size;
      recordResult(
        'decoder-wasm-wire-kb',
        decoder.bytes / 1024,
        'kB',
        `the barcode decoder's WebAssembly over HTTP (${decoder.encoding}) of ${(raw / 1024).toFixed(0)} kB`,
      );
    }

    const pull = await onTheWire(`${baseURL}/api/sync/pull`, api.authorization());
    const pullRaw = await decodedBytes(`${baseURL}/api/sync/pull`, {
      ...api.authorization(),
      'accept-encoding': 'identity',
    });
    recordResult(
      'first-pull-wire-kb',
      pull.bytes / 1024,
      'kB',
      `a device's first replica pull (demo store MI01) over HTTP (${pull.encoding}, status ${pull.status}) ` +
        `of ${(pullRaw / 1024).toFixed(0)} kB of JSON`,
    );

    const precache = precacheSize();
    recordResult(
      'precache-wire-kb',
      precache.wireKb,
      'kB',
      `the service worker's precache, ${precache.entries} files, as they travel (brotli) of ` +
        `${precache.rawKb.toFixed(0)} kB`,
    );
  });
}
