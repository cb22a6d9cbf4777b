import { createServer, type AddressInfo, type Socket } from 'node:net';
import type { Page, Response } from '@playwright/test';
import type { PushBody, PushResponse } from '../src/contract/sync';
import { expect, test } from './support/fixtures';
import {
  LOCATION,
  PIN,
  apiSignIn,
  attentionItems,
  changesSince,
  claim,
  createOrder,
  deferred,
  expectDrained,
  expectPending,
  freshProducts,
  getOrder,
  goOffline,
  goOnline,
  handOver,
  openActivity,
  openOrder,
  outboxItems,
  pickedBySku,
  platformCancel,
  pushBodyOf,
  signIn,
  snapshot,
  stage,
  stockOf,
  storedOutbox,
  syncStatus,
  wedgeScan,
  type SeenPush,
} from './support/sync-helpers';

// Issue "Offline first": every associate action works offline, is queued in IndexedDB and
// synced when the network returns; nothing is lost and nothing is applied twice, and a conflict
// is explained in plain words. See docs/sync.md, "Testing it for real".
//
// The project blocks service workers, so `context.setOffline(true)` and `page.route` see every
// request of the page. Only the journey that reloads and reopens the app offline allows the
// worker, because without it an offline navigation has nothing to load.

/** Every push answer the page receives, with the batch it answered. */
function recordPushes(page: Page): SeenPush[] {
  const seen: SeenPush[] = [];
  page.on('response', (response: Response) => {
    if (!response.url().endsWith('/api/sync/push') || response.request().method() !== 'POST') return;
    const entry: SeenPush = { body: response.request().postDataJSON() as PushBody };
    seen.push(entry);
    response
      .json()
      .then((json) => (entry.response = json as PushResponse))
      .catch(() => undefined);
  });
  return seen;
}

/** A server that takes connections and never answers: a request sent there stays in flight. */
async function listenAndNeverAnswer(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const resultsFor = (pushes: SeenPush[], id: string) =>
  pushes.flatMap((push) => push.response?.results.filter((result) => result.id === id) ?? []);

test.describe('the whole BOPIS journey offline, across a reload and a reopened app', () => {
  // The worker precaches the shell, so the app itself starts with no network. It never
  // fetches /api (navigation fallback only), so setOffline still cuts the page's sync.
  test.use({ serviceWorkers: 'allow' });

  test('(a) claim, pick, stage and hand over offline; the queue survives; reconnect applies it exactly once', async ({
    page,
    context,
    request,
  }) => {
    const session = await apiSignIn(request);
    const [single, double] = await freshProducts(request, session, 2);
    if (!single || !double) throw new Error('need two products');
    const stockBefore = await stockOf(request, session, [single, double]);
    const order = await createOrder(request, [
      { product: single, qty: 1 },
      { product: double, qty: 2 },
    ]);
    const placed = await getOrder(request, session, order.id);

    await page.goto('/');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'))
      .toBe('activated');

    await signIn(page);
    await openOrder(page, order);

    // No network from here on.
    await goOffline(context, page);
    await claim(page);
    await wedgeScan(page, single.barcode);
    await wedgeScan(page, double.barcode);
    await wedgeScan(page, double.barcode);
    await expect(page.getByTestId('order-status')).toHaveText('Picked');
    await expect(page.getByTestId(`line-${double.sku}`)).toContainText('Picked 2 of 2');
    await stage(page, order);
    await handOver(page, order);
    await expectPending(page, 6);
    await expect(syncStatus(page)).toHaveAttribute('data-online', 'false');
    expect((await storedOutbox(page)).map((command) => command.name)).toEqual([
      'order.claim',
      'pick.confirm',
      'pick.confirm',
      'pick.confirm',
      'order.stage',
      'order.handover',
    ]);

    // A reload with no network: the shell comes from the worker, the work from IndexedDB.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: `Order ${order.number}` })).toBeVisible();
    await expect(page.getByTestId('order-status')).toHaveText('Collected');
    await expectPending(page, 6);

    // The app is closed and opened again, still offline: the queued actions are all there.
    await page.close();
    const reopened = await context.newPage();
    await reopened.goto('/');
    await expect(reopened.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
    await expectPending(reopened, 6);
    await openActivity(reopened);
    await expect(outboxItems(reopened)).toHaveCount(6);
    for (const item of await outboxItems(reopened).all()) {
      await expect(item).toHaveAttribute('data-status', /^(pending|retrying)$/);
    }
    await expect(outboxItems(reopened, 'order.handover')).toHaveCount(1);
    // Nothing reached the server while offline.
    expect((await getOrder(request, session, order.id)).status).toBe('new');

    // The network comes back: the outbox drains.
    const pushes = recordPushes(reopened);
    await goOnline(context, reopened);
    await expectDrained(reopened);
    for (const item of await outboxItems(reopened).all()) {
      await expect(item).toHaveAttribute('data-status', 'acked');
    }
    await expect(attentionItems(reopened)).toHaveCount(0);

    // The server state is exact: each command applied once, in order.
    const applied = pushes.flatMap((push) => push.response?.results ?? []);
    expect(applied.map((result) => result.status)).toEqual(Array(6).fill('applied'));
    const collected = await getOrder(request, session, order.id);
    expect(collected.status).toBe('collected');
    expect(collected.stagingLocation).toBe(LOCATION);
    expect(Object.fromEntries(collected.lines.map((line) => [line.sku, line.qtyPicked]))).toEqual({
      [single.sku]: 1,
      [double.sku]: 2,
    });
    // One version bump per applied command (claim, three picks, stage, handover), no more.
    expect(collected.version).toBe(placed.version + 6);
    const stockAfter = await stockOf(request, session, [single, double]);
    for (const [product, units] of [
      [single, 1],
      [double, 2],
    ] as const) {
      const before = stockBefore.get(product.id);
      const after = stockAfter.get(product.id);
      expect(after?.onHand, `${product.sku} on hand`).toBe((before?.onHand ?? NaN) - units);
      expect(after?.reserved, `${product.sku} reserved`).toBe(before?.reserved);
    }
  });
});

test('(b) a lost acknowledgement: the resend has exactly one effect', async ({ page, request }) => {
  const session = await apiSignIn(request);
  const [product] = await freshProducts(request, session, 1);
  if (!product) throw new Error('need a product');
  const order = await createOrder(request, [{ product, qty: 3 }]);

  await signIn(page);
  await openOrder(page, order);
  await claim(page);
  await expectDrained(page);
  const claimed = await getOrder(request, session, order.id);
  expect(claimed.status).toBe('picking');

  // Every push reaches the server and commits, then its answer is lost on the way back.
  const committed: string[] = [];
  await page.route('**/api/sync/push', async (route) => {
    const response = await route.fetch();
    const answer = (await response.json()) as PushResponse;
    committed.push(...answer.results.map((result) => result.id));
    await route.abort('connectionreset');
  });
  await wedgeScan(page, product.barcode);
  await wedgeScan(page, product.barcode);
  await expect(page.getByTestId(`line-${product.sku}`)).toContainText('2 / 3');
  await expect.poll(() => pickedBySku(request, session, order.id)).toEqual({ [product.sku]: 2 });
  // The device never heard back, so it still counts both picks as unsynced.
  await expectPending(page, 2);
  const picks = (await storedOutbox(page)).filter((command) => command.name === 'pick.confirm');
  expect(picks).toHaveLength(2);
  expect(new Set(committed)).toEqual(new Set(picks.map((command) => command.id)));

  // The network behaves again: the app resends the same commands and the server dedupes them.
  const pushes = recordPushes(page);
  await page.unroute('**/api/sync/push');
  await expectDrained(page, 45_000);
  for (const pick of picks) {
    const results = resultsFor(pushes, pick.id);
    expect(results.length, `pick ${pick.id} was resent`).toBeGreaterThan(0);
    expect(results.every((result) => result.status === 'duplicate')).toBe(true);
  }
  expect(await pickedBySku(request, session, order.id)).toEqual({ [product.sku]: 2 });
  expect((await getOrder(request, session, order.id)).version).toBe(claimed.version + 2);
  await expect(page.getByTestId(`line-${product.sku}`)).toContainText('2 / 3');

  await openActivity(page);
  await expect(outboxItems(page, 'pick.confirm')).toHaveCount(2);
  for (const item of await outboxItems(page, 'pick.confirm').all()) {
    await expect(item).toHaveAttribute('data-status', 'acked');
  }
  await expect(attentionItems(page)).toHaveCount(0);
});

test.describe('(c) the app is killed mid-push', () => {
  let blackHole: { url: string; close: () => Promise<void> };
  test.beforeEach(async () => {
    blackHole = await listenAndNeverAnswer();
  });
  test.afterEach(async () => {
    await blackHole.close();
  });

  for (const reachesServer of [false, true]) {
    test(`${reachesServer ? 'after' : 'before'} the server committed: resent and applied once`, async ({
      page,
      context,
      request,
    }) => {
      const session = await apiSignIn(request);
      const [product] = await freshProducts(request, session, 1);
      if (!product) throw new Error('need a product');
      const order = await createOrder(request, [{ product, qty: 3 }]);

      await signIn(page);
      await openOrder(page, order);
      await claim(page);
      await expectDrained(page);
      const claimed = await getOrder(request, session, order.id);

      // The next push is sent on to a server that never answers (optionally after the real server
      // applied it), so the tab dies with the request in flight. Holding the request paused in
      // Playwright's interception instead does not work: Playwright lets it go on to the network
      // when the tab closes, which a killed tab's request never does.
      const held = deferred<PushBody>();
      let holding = true;
      await page.route('**/api/sync/push', async (route) => {
        if (!holding) return route.continue();
        if (reachesServer) await route.fetch();
        held.resolve(pushBodyOf(route));
        await route.continue({ url: `${blackHole.url}/api/sync/push` });
      });
      await wedgeScan(page, product.barcode);
      await wedgeScan(page, product.barcode);
      const inFlight = await held.promise;
      const heldIds = inFlight.mutations.map((mutation) => mutation.id);
      expect(heldIds.length).toBeGreaterThan(0);
      await expect
        .poll(async () =>
          (await storedOutbox(page)).filter((command) => heldIds.includes(command.id)).map((c) => c.status),
        )
        .toEqual(heldIds.map(() => 'inflight'));
      const landed = { [product.sku]: reachesServer ? heldIds.length : 0 };
      expect(await pickedBySku(request, session, order.id)).toEqual(landed);

      holding = false;
      await page.close();
      // The killed tab's request went nowhere after the kill.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await pickedBySku(request, session, order.id)).toEqual(landed);

      // The associate opens the app again (same browser profile, same IndexedDB), online.
      const reopened = await context.newPage();
      const pushes = recordPushes(reopened);
      await reopened.goto(`/orders/${order.id}`);
      await expectDrained(reopened);
      for (const id of heldIds) {
        const results = resultsFor(pushes, id);
        expect(results.length, `command ${id} was resent`).toBeGreaterThan(0);
        expect(results[0]?.status).toBe(reachesServer ? 'duplicate' : 'applied');
      }
      expect(await pickedBySku(request, session, order.id)).toEqual({ [product.sku]: 2 });
      expect((await getOrder(request, session, order.id)).version).toBe(claimed.version + 2);
      await expect(reopened.getByTestId(`line-${product.sku}`)).toContainText('2 / 3');
    });
  }
});

test.describe('(e) two devices pick one line of 2 units', () => {
  for (const lastLine of [true, false]) {
    test(`the over-pick is refused and explained on the offline device (${
      lastLine ? 'the line is the whole order' : 'another line still open'
    })`, async ({ page: device1, context: context1, browser, request, checkA11y }) => {
      const session = await apiSignIn(request);
      const [product, other] = await freshProducts(request, session, 2);
      if (!product || !other) throw new Error('need two products');
      const order = await createOrder(request, [
        { product, qty: 2 },
        ...(lastLine ? [] : [{ product: other, qty: 1 }]),
      ]);
      const otherPicked = lastLine ? {} : { [other.sku]: 0 };

      // Two handhelds: two browser profiles, so two IndexedDBs and two device streams.
      // browser.newContext() in a test takes the project's options (base URL, locale, no workers).
      const context2 = await browser.newContext();
      const device2 = await context2.newPage();
      try {
        await signIn(device1);
        await signIn(device2);
        await openOrder(device1, order);
        await claim(device1);
        await expectDrained(device1);
        await openOrder(device2, order);
        await expect(device2.getByTestId('order-status')).toHaveText('Picking');

        // Device 1 loses the network and picks both units.
        await goOffline(context1, device1);
        await wedgeScan(device1, product.barcode);
        await wedgeScan(device1, product.barcode);
        if (lastLine) await expect(device1.getByTestId('order-status')).toHaveText('Picked');
        await expect(device1.getByTestId(`line-${product.sku}`)).toContainText(
          lastLine ? 'Picked 2 of 2' : '2 / 2',
        );
        await expectPending(device1, 2);

        // Meanwhile device 2 picks one unit, online.
        await wedgeScan(device2, product.barcode);
        await expectDrained(device2);
        expect(await pickedBySku(request, session, order.id)).toEqual({ [product.sku]: 1, ...otherPicked });

        // Device 1 comes back: one of its picks fits, the other is refused.
        await goOnline(context1, device1);
        await expectDrained(device1);
        expect(await pickedBySku(request, session, order.id)).toEqual({ [product.sku]: 2, ...otherPicked });
        expect((await getOrder(request, session, order.id)).status).toBe(lastLine ? 'picked' : 'picking');

        await openActivity(device1);
        const attention = attentionItems(device1);
        await expect(attention).toHaveCount(1);
        await expect(attention).toHaveAttribute('data-name', 'pick.confirm');
        await expect(attention).toHaveAttribute('data-code', /^pick\.(overPick|lineComplete)$/);
        // In plain words that say what to do, not an error code.
        await expect(attention).toContainText(/already picked/i);
        await expect(attention).toContainText(/put it back/i);
        await expect(attention).not.toContainText('pick.');
        await expect(attention.getByRole('button', { name: 'Discard' })).toBeVisible();
        await expect(attention.getByRole('button', { name: 'Send again' })).toBeVisible();
        await checkA11y(device1);

        // Discarding the refused pick clears it; nothing is sent for it.
        await attention.getByRole('button', { name: 'Discard' }).click();
        await expect(attentionItems(device1)).toHaveCount(0);
        await expectDrained(device1);
        expect(await pickedBySku(request, session, order.id)).toEqual({ [product.sku]: 2, ...otherPicked });
      } finally {
        await context2.close();
      }
    });
  }
});

test('(f) the platform cancels while the associate picks offline: picks refused, put-back task', async ({
  page,
  context,
  request,
  checkA11y,
}) => {
  const session = await apiSignIn(request);
  const [first, second] = await freshProducts(request, session, 2);
  if (!first || !second) throw new Error('need two products');
  const stockBefore = await stockOf(request, session, [first, second]);
  const order = await createOrder(request, [
    { product: first, qty: 2 },
    { product: second, qty: 1 },
  ]);

  await signIn(page);
  await openOrder(page, order);
  await claim(page);
  await wedgeScan(page, first.barcode);
  await expectDrained(page);
  expect(await pickedBySku(request, session, order.id)).toEqual({ [first.sku]: 1, [second.sku]: 0 });

  await goOffline(context, page);
  await wedgeScan(page, first.barcode);
  await wedgeScan(page, second.barcode);
  await expect(page.getByTestId('order-status')).toHaveText('Picked');
  await expectPending(page, 2);

  // The customer cancels online while the device is offline.
  await platformCancel(request, order);
  const cancelledCursor = (await snapshot(request, session)).cursor;

  await goOnline(context, page);
  await expectDrained(page);
  // The server refused the late picks: nothing beyond the one unit picked before the cancel.
  expect(await pickedBySku(request, session, order.id)).toEqual({ [first.sku]: 1, [second.sku]: 0 });
  expect((await getOrder(request, session, order.id)).status).toBe('cancelled');

  // The order page shows the cancel and what goes back: the unit the server counts as picked
  // and the two the associate picked offline, which the server refused but they are holding.
  await expect(page.getByTestId('order-status')).toHaveText('Cancelled');
  const task = page.getByTestId('put-back-task');
  await expect(task).toBeVisible();
  await expect(task.getByRole('listitem')).toHaveCount(2);
  await expect(task.getByRole('listitem').filter({ hasText: '2 units' })).toHaveCount(1);
  await expect(task.getByRole('listitem').filter({ hasText: '1 unit' })).toHaveCount(1);

  // The refusal is explained on the Activity page.
  await openActivity(page);
  const attention = attentionItems(page);
  await expect(attention.first()).toBeVisible();
  await expect(attention.first()).toHaveAttribute('data-code', 'order.illegalTransition');
  await expect(attention.first()).not.toContainText('order.illegalTransition');
  await expect(attention.first()).toContainText('The shop cancelled this order: put the items back.');
  for (const item of await outboxItems(page, 'pick.confirm').all()) {
    const status = await item.getAttribute('data-status');
    expect(['acked', 'rejected', 'blocked']).toContain(status);
  }
  await expect(
    outboxItems(page, 'pick.confirm').and(page.locator('[data-status="rejected"]')),
  ).not.toHaveCount(0);
  await checkA11y(page);

  // Back on the order, the associate puts the picked unit back and confirms it.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: `Order ${order.number}` })).toBeVisible();
  await task.getByRole('button', { name: 'Items are back on the shelf' }).click();
  await expect(task).toBeHidden();
  await expectDrained(page);
  const changes = await changesSince(request, session, cancelledCursor);
  const synced = changes.orders.find((candidate) => candidate.id === order.id);
  expect(synced?.putBackAt, 'the server recorded the put-back').toBeTruthy();

  // Cancelling released the reservation; nothing left the shelf.
  const stockAfter = await stockOf(request, session, [first, second]);
  for (const product of [first, second]) {
    expect(stockAfter.get(product.id)?.onHand).toBe(stockBefore.get(product.id)?.onHand);
    expect(stockAfter.get(product.id)?.reserved).toBe(stockBefore.get(product.id)?.reserved);
  }
});

test('the token expires while offline and refresh fails: the PIN brings syncing back', async ({
  page,
  context,
  request,
}) => {
  const session = await apiSignIn(request);
  const [product] = await freshProducts(request, session, 1);
  if (!product) throw new Error('need a product');
  const order = await createOrder(request, [{ product, qty: 2 }]);

  await signIn(page);
  await openOrder(page, order);
  await claim(page);
  await expectDrained(page);

  await goOffline(context, page);
  await wedgeScan(page, product.barcode);
  await expectPending(page, 1);

  // Back online, the server no longer takes the token and the refresh token is refused too.
  const expired = { code: 'auth.tokenExpired', message: 'The access token has expired' };
  await page.route('**/api/sync/**', (route) =>
    route.fulfill({ status: 401, contentType: 'application/json', body: JSON.stringify(expired) }),
  );
  await page.route('**/api/auth/refresh', (route) =>
    route.fulfill({
      status: 401,
      contentType: 'application/json',
      body: JSON.stringify({ code: 'auth.refreshInvalid', message: 'Sign in again' }),
    }),
  );
  await goOnline(context, page);
  const dialog = page.getByRole('dialog', { name: /Enter your PIN to continue syncing/ });
  await expect(dialog).toBeVisible({ timeout: 15_000 });
  // The work is kept while the associate is asked for the PIN.
  await expectPending(page, 1);
  expect(await pickedBySku(request, session, order.id)).toEqual({ [product.sku]: 0 });

  await page.unroute('**/api/sync/**');
  await page.unroute('**/api/auth/refresh');
  await dialog.getByLabel('PIN', { exact: true }).fill(PIN);
  await dialog.getByRole('button', { name: /continue|sign in/i }).click();
  await expect(dialog).toBeHidden();
  await expectDrained(page);
  expect(await pickedBySku(request, session, order.id)).toEqual({ [product.sku]: 1 });
});

test('the sync status in words, the offline banner and the Activity page pass axe (English)', async ({
  page,
  context,
  request,
  checkA11y,
}) => {
  const session = await apiSignIn(request);
  const [product] = await freshProducts(request, session, 1);
  if (!product) throw new Error('need a product');
  const order = await createOrder(request, [{ product, qty: 2 }]);

  await signIn(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await openOrder(page, order);
  await claim(page);
  await expectDrained(page);

  await expect(syncStatus(page)).toContainText('All synced');
  await expect(syncStatus(page)).toContainText(/last sync \d{2}:\d{2}/);

  await goOffline(context, page);
  const banner = page.getByTestId('offline-banner');
  await expect(banner).toHaveRole('status');
  await expect(banner).toContainText('your work is saved on this device');
  await wedgeScan(page, product.barcode);
  await expectPending(page, 1);
  await expect(syncStatus(page)).toContainText('Offline');
  await expect(syncStatus(page)).toContainText('1 action not synced');
  await expect(syncStatus(page)).toContainText(/oldest .+ ago/);
  await checkA11y(page);

  await openActivity(page);
  const pick = outboxItems(page, 'pick.confirm');
  await expect(pick).toHaveAttribute('data-status', /^(pending|retrying)$/);
  await expect(pick).toContainText('Waiting for network');
  await expect(banner).toBeVisible();
  await checkA11y(page);

  await goOnline(context, page);
  await expectDrained(page);
  await expect(pick).toHaveAttribute('data-status', 'acked');
  await expect(pick).toContainText('Synced');
  await expect(syncStatus(page)).toContainText('All synced');
  await checkA11y(page);
});

test('a screen whose code is not on the device yet, opened offline, says so and opens once the network is back', async ({
  page,
  context,
  checkA11y,
}) => {
  // The Activity screen's code never reached this device: the app was not left idle long enough
  // to preload it, and there is no service worker here to have precached it.
  let reachable = false;
  await page.route(/\/assets\/activity-page-[^/]+\.js$/, (route) =>
    reachable ? route.continue() : route.abort('internetdisconnected'),
  );
  await signIn(page);
  // Offline once the app has preloaded what it could (the sync engine among it): the Activity
  // screen's code is the one piece that never arrived.
  await goOffline(context, page);

  await openActivity(page);
  const notice = page.getByTestId('screen-not-on-device');
  await expect(notice).toHaveRole('status');
  await expect(notice).toContainText('Not on this device yet');
  await expect(notice).toContainText('opens by itself when the network is back');
  await expect(page.getByRole('alert').filter({ hasText: 'Something went wrong' })).toHaveCount(0);
  await checkA11y(page);

  reachable = true;
  await context.setOffline(false);
  await expect(page.getByRole('heading', { level: 1, name: 'Activity' })).toBeVisible();
  await expect(notice).toHaveCount(0);
});
