import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { signIn } from './support/sync-helpers';

// Issue 14, point 10: the precache holds what every handheld needs; pages not every device
// uses (the printing pages with the barcode renderer, the manager's screens, the zxing JS
// fallback) are fetched when first opened, then kept by the runtime cache for offline use. The
// demo's product pictures are never precached.
test.use({ serviceWorkers: 'allow' });

async function cachedPaths(page: Page): Promise<{ precache: string[]; runtime: string[] }> {
  return page.evaluate(async () => {
    const found = { precache: [] as string[], runtime: [] as string[] };
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      const paths = (await cache.keys()).map((request) => new URL(request.url).pathname);
      if (name.includes('precache')) found.precache.push(...paths);
      else found.runtime.push(...paths);
    }
    return found;
  });
}

test('the precache holds the floor screens; a printing page is cached when first opened', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  await signIn(page);
  // The labels page lists the replica's locations: wait for the first pull.
  await expect(page.locator('[data-testid^="order-row-"]').first()).toBeVisible({ timeout: 30_000 });

  const { precache } = await cachedPaths(page);
  const has = (pattern: RegExp) => precache.some((path) => pattern.test(path));
  for (const wanted of [
    /\/assets\/index-[^/]+\.js$/,
    /\/assets\/pick-page-/,
    /\/assets\/sign-in-page-/,
    /\.wasm$/,
  ]) {
    expect(has(wanted), `${wanted} is precached`).toBe(true);
  }
  for (const unwanted of [
    /\/assets\/location-labels-page-/,
    /\/assets\/manager-pages-/,
    /\/assets\/js-engine-/,
    // The demo's product pictures are for the customer's pages, not the floor (ADR 0055).
    /\/product-images\//,
  ]) {
    expect(has(unwanted), `${unwanted} is not precached`).toBe(false);
  }

  // First use, online: the page's chunks come from the network and stay, as scripts.
  await page.getByTestId('labels-link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Location labels' })).toBeVisible();
  const afterUse = await cachedPaths(page);
  expect(afterUse.runtime.some((path) => /\/assets\/location-labels-page-/.test(path))).toBe(true);

  // Later, offline, in a new tab: the page opens from the cache.
  await context.setOffline(true);
  const offline = await context.newPage();
  await offline.goto('/labels');
  await expect(offline.getByRole('heading', { level: 1, name: 'Location labels' })).toBeVisible();
  await context.setOffline(false);
});
