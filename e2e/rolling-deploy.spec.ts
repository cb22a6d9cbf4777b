import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { startDeployProxy, startNextRelease, type DeployProxy, type Release } from './support/rolling-deploy';
import {
  apiSignIn,
  claim,
  createOrder,
  expectDrained,
  expectPending,
  freshProducts,
  getOrder,
  goOffline,
  goOnline,
  openOrder,
  signIn,
  storedOutbox,
  wedgeScan,
} from './support/sync-helpers';

// Issue 12, point 5: "A deploy never breaks the app." A device on the old build, with actions
// queued, meets a rolling deploy: for a while the old and the new instance both answer (a file
// of the new build asked of the old instance is a 404, never the app's page), then only the new
// one. The new service worker installs only with the new build's exact files, waits for the
// outbox to drain (ADR 0006), and after "Update now" the new build renders and nothing queued
// was lost. The web server of playwright.config.ts is the old release and holds the database.

const NEXT_BUILD = `next-${Date.now().toString(36)}`;

// The service worker is the subject here (the project blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });
test.describe.configure({ timeout: 300_000 });

let release: Release;
let proxy: DeployProxy;

test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(300_000);
  release = await startNextRelease(NEXT_BUILD);
  proxy = await startDeployProxy(baseURL ?? '', release.baseURL);
});

test.afterAll(async () => {
  await proxy?.close();
  await release?.stop();
});

/** The build the page runs ('' while it is reloading). */
const buildOf = (page: Page) =>
  page.evaluate(() => document.documentElement.dataset.build ?? '').catch(() => '');

/** What the service worker's caches hold for the app's scripts: never a page. */
async function cachedScriptTypes(page: Page): Promise<{ url: string; type: string }[]> {
  return page.evaluate(async () => {
    const found: { url: string; type: string }[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        if (!/\.m?js(\?|$)/.test(new URL(request.url).pathname)) continue;
        const response = await cache.match(request);
        found.push({ url: new URL(request.url).pathname, type: response?.headers.get('content-type') ?? '' });
      }
    }
    return found;
  });
}

/** The browser's own update check (on navigation, or the app's hourly one), and its outcome. */
async function checkForUpdate(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update().catch(() => undefined);
    const installing = registration?.installing;
    if (!installing) return;
    await new Promise<void>((done) => {
      const settle = () => {
        if (installing.state === 'installed' || installing.state === 'redundant') done();
      };
      installing.addEventListener('statechange', settle);
      settle();
    });
  });
}

test('a rolling deploy lands on a device with queued actions, and the actions still sync', async ({
  browser,
  request,
}) => {
  const context = await browser.newContext({
    baseURL: proxy.baseURL,
    serviceWorkers: 'allow',
    locale: 'en-GB',
  });
  const page = await context.newPage();
  const session = await apiSignIn(request);
  const [product] = await freshProducts(request, session, 1);
  const order = await createOrder(request, [{ product: product!, qty: 2 }]);

  // The old release: the app installs and its worker controls the page.
  await signIn(page);
  const oldBuild = await buildOf(page);
  expect(oldBuild).not.toBe(NEXT_BUILD);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'))
    .toBe('activated');

  // Work queued offline, and the server unable to take it yet when the network is back.
  await openOrder(page, order);
  await goOffline(context, page);
  await claim(page);
  await wedgeScan(page, product!.barcode);
  await expectPending(page, 2);
  proxy.holdPushes = true;
  await goOnline(context, page);

  // Mid-rollout both instances answer, in turn. The old one has none of the new build's files:
  // each is a 404, so a new worker either installs with the new build's exact files or not at all.
  proxy.rollout = 'mixed';
  for (let check = 0; check < 4; check++) await checkForUpdate(page);
  const midRollout = await page.request.get(`/assets/not-in-this-build-${NEXT_BUILD}.js`);
  expect(midRollout.status()).toBe(404);
  for (const cached of await cachedScriptTypes(page)) expect(cached.type, cached.url).toMatch(/javascript/);
  // The old app keeps working meanwhile, from its own worker, with its work intact.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: `Order ${order.number}` })).toBeVisible();
  expect(await buildOf(page)).toBe(oldBuild);
  const unsynced = (await storedOutbox(page)).filter((command) => command.status !== 'acked');
  expect(unsynced.map((command) => command.name)).toHaveLength(2);

  // Rollout done: only the new instance answers. Its worker installs and waits.
  proxy.rollout = 'new';
  await checkForUpdate(page);
  const prompt = page.getByRole('status').filter({ hasText: 'A new version of Aisle is ready.' });
  await expect(prompt).toBeVisible({ timeout: 30_000 });
  for (const cached of await cachedScriptTypes(page)) expect(cached.type, cached.url).toMatch(/javascript/);

  // With actions unsynced the update waits, in words.
  const updateNow = prompt.getByRole('button', { name: 'Update now' });
  await expect(updateNow).toHaveAttribute('aria-disabled', 'true');
  await expect(prompt).toContainText('It will install once your actions are synced.');
  // It stays focusable so the reason is read out; a tap on it changes nothing.
  await updateNow.click({ force: true });
  expect(await buildOf(page)).toBe(oldBuild);
  await expectPending(page, 2);

  // The server takes pushes again: the queued actions sync (from the old build), then the update.
  proxy.holdPushes = false;
  await goOffline(context, page);
  await goOnline(context, page);
  await expectDrained(page, 30_000);
  await expect(updateNow).not.toHaveAttribute('aria-disabled', 'true');
  await updateNow.click();
  await expect.poll(() => buildOf(page), { timeout: 30_000 }).toBe(NEXT_BUILD);

  // The new build renders, signed in, with the work the old one queued on the server.
  await expect(page.getByRole('heading', { level: 1, name: `Order ${order.number}` })).toBeVisible();
  await expect(page.getByTestId('order-status')).toHaveText('Picking');
  await expectDrained(page);
  const onServer = await getOrder(request, session, order.id);
  expect(onServer.status).toBe('picking');
  expect(onServer.lines.reduce((sum, line) => sum + line.qtyPicked, 0)).toBe(1);
  expect(proxy.served.new.length).toBeGreaterThan(0);
  await context.close();
});
