// Browser benchmarks of scanning: how long a code held up to the camera takes to become a
// confirmed pick. (How much JavaScript the first screen loads is in ./first-load.ts.)
// They drive the BUILT app (dist/): run `npm run build` first.
import type { Page } from '@playwright/test';
import { barcodeVideo, launchWithCamera } from '../e2e/support/fake-camera';
import type { Api } from './browser-harness';
import { median, openAndClaim, percentile, signIn, withBuiltApp } from './browser-harness';
import { recordResult } from './report';

const CAMERA_RUNS = 12;

const symbologyOf = (barcode: string) => ({ 8: 'ean8', 12: 'upca', 13: 'ean13' })[barcode.length] ?? 'ean13';

/**
 * One camera scan: open the camera on the pick step, and time from its first frame on screen
 * (the code is in view from the first frame) to the line confirmed, i.e. the pick's
 * 'aisle-action' measure (command durable in IndexedDB and the line updated on screen).
 */
async function cameraScan(page: Page): Promise<number> {
  await page.evaluate(() => {
    performance.clearMarks('aisle-camera-first-frame');
    performance.clearMeasures('aisle-action');
  });
  await page.getByTestId('camera-toggle').click();
  await page.waitForFunction(() => performance.getEntriesByName('aisle-action', 'measure').length > 0, null, {
    polling: 'raf',
    timeout: 10_000,
  });
  const ms = await page.evaluate(() => {
    const [frame] = performance.getEntriesByName('aisle-camera-first-frame', 'mark');
    const [action] = performance.getEntriesByName('aisle-action', 'measure');
    if (!frame || !action) throw new Error('missing camera or action timing');
    return action.startTime + action.duration - frame.startTime;
  });
  await page.getByTestId('camera-toggle').click(); // close: the camera and the worker go
  await page.getByTestId('camera-panel').waitFor({ state: 'detached' });
  return ms;
}

async function scanToConfirm(baseURL: string, api: Api, product: { sku: string; barcode: string }) {
  const camera = await barcodeVideo(product.barcode, symbologyOf(product.barcode));
  const browser = await launchWithCamera(camera.video);
  try {
    const context = await browser.newContext({ baseURL, serviceWorkers: 'block', locale: 'en-GB' });
    const page = await context.newPage();
    const order = await api.createOrder(product.sku, CAMERA_RUNS + 1);
    await signIn(page);
    await openAndClaim(page, order);
    const samples: number[] = [];
    for (let i = 0; i < CAMERA_RUNS; i++) samples.push(await cameraScan(page));
    if ((await api.pickedUnits(order.id)) === 0) {
      // Online, the picks sync within a second; a figure for picks that never land would be a lie.
      await page.waitForTimeout(2_000);
      if ((await api.pickedUnits(order.id)) === 0)
        throw new Error('the camera picks never reached the server');
    }
    return { samples, first: samples[0]!, median: median(samples), p95: percentile(samples, 95) };
  } finally {
    await browser.close();
    camera.dispose();
  }
}

export async function runBrowserScanBench(): Promise<void> {
  await withBuiltApp('browser scan benchmarks', async ({ baseURL, api }) => {
    const [product] = await api.products();
    if (!product) throw new Error('the demo store has no products');

    const scan = await scanToConfirm(baseURL, api, product);
    recordResult(
      'scan-to-confirm-ms',
      scan.median,
      'ms',
      `fake camera (Chromium playing a bwip-js/ffmpeg video of the product's ${product.barcode.length}-digit barcode, 640×480): ` +
        `camera's first frame → line confirmed (command durable + shown), median of ${CAMERA_RUNS} opens of the camera ` +
        `(p95 ${scan.p95.toFixed(0)}, first ${scan.first.toFixed(0)} incl. compiling the decoder); budget ≤ 400`,
    );
  });
}
