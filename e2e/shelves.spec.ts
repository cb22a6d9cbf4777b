import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import {
  apiSignIn,
  authHeaders,
  createOrder,
  expectDrained,
  freshProducts,
  getOrder,
  goOffline,
  goOnline,
  openOrder,
  signIn,
  snapshot,
  type TestOrder,
} from './support/sync-helpers';

// Issue 14, point 6: "free" means free, and a second order on a one-order shelf is asked about
// in words, offline too (the device knows what is on each shelf from its replica).

async function pickedOrder(request: APIRequestContext, stageAt?: string): Promise<TestOrder> {
  const session = await apiSignIn(request);
  const [product] = await freshProducts(request, session, 1);
  const order = await createOrder(request, [{ product: product!, qty: 1 }]);
  const post = async (path: string, data: object) => {
    const response = await request.post(`/api/orders/${order.id}/${path}`, {
      headers: authHeaders(session),
      data,
    });
    expect(response.status(), await response.text()).toBe(200);
  };
  await post('claim', {});
  await post('pick', { code: product!.barcode });
  if (stageAt) await post('stage', { locationCode: stageAt });
  return order;
}

/** One-order shelves that nothing is on now (the demo's ready orders sit on some). */
async function freeShelves(request: APIRequestContext): Promise<string[]> {
  const store = await snapshot(request, await apiSignIn(request));
  const taken = new Set(store.orders.filter((o) => o.status === 'ready').map((o) => o.stagingLocation));
  return store.locations
    .filter((l) => l.kind === 'shelf' && l.capacity === 1 && !taken.has(l.code))
    .map((l) => l.code);
}

async function openStage(page: Page, order: TestOrder): Promise<void> {
  // The first download of the store's orders takes a while on a busy machine.
  await expect(page.getByTestId(`order-row-${order.number}`)).toBeVisible({ timeout: 60_000 });
  await openOrder(page, order);
  await page.getByRole('link', { name: 'Stage order' }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${order.id}/stage$`));
  await expect(page.getByTestId('free-shelves')).toBeVisible();
}

test.describe('offline, with the app installed', () => {
  // The service worker holds the app's code, as on a handheld: the checks load offline.
  test.use({ serviceWorkers: 'allow' });

  test('an occupied shelf is not offered, and staging on it offline asks first', async ({
    page,
    context,
    request,
    checkA11y,
  }) => {
    test.setTimeout(180_000); // a shared, busy machine: the first download alone can take a minute
    const [full, other] = (await freeShelves(request)) as [string, string];
    await pickedOrder(request, full);
    const order = await pickedOrder(request);
    await page.goto('/');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'))
      .toBe('activated');
    await signIn(page);
    await openStage(page, order);
    await goOffline(context, page);

    await expect(page.getByTestId(`free-shelf-${other}`)).toBeVisible();
    await expect(page.getByTestId(`free-shelf-${full}`)).toHaveCount(0);
    await expect(page.getByTestId('free-shelf-MI01-L03')).toContainText('3 places free');
    await expect(page.getByTestId('full-shelves')).toContainText(/full shel/);

    await page.getByRole('textbox', { name: 'Staging location' }).fill(`${full}`);
    await page.getByRole('button', { name: 'Stage', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `${full} is full` });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(`${full} already holds 1 order (room for 1 order).`);
    await expect(dialog).toContainText(`Put order ${order.number} there too, or choose another shelf?`);
    await checkA11y(page);

    // "Choose another" leaves the order as it was.
    await dialog.getByRole('button', { name: 'Choose another shelf' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('order-status')).toHaveText('Picked');

    await page.getByRole('textbox', { name: 'Staging location' }).fill(`${full}`);
    await page.getByRole('button', { name: 'Stage', exact: true }).click();
    await dialog.getByRole('button', { name: `Put it on ${full} too` }).click();
    await expect(page.getByRole('heading', { name: `Ready for pickup at ${full}` })).toBeVisible();

    await goOnline(context, page);
    await expectDrained(page);
    const session = await apiSignIn(request);
    expect(await getOrder(request, session, order.id)).toMatchObject({
      status: 'ready',
      stagingLocation: full,
    });
  });
});

for (const [language, heading, fullTitle] of [
  ['en', 'Free shelves and lockers', '{code} is full'],
  ['it', 'Scaffali e armadietti liberi', '{code} è pieno'],
] as const) {
  test(`staging fits a 360-px handheld, dialog included, in ${language}`, async ({
    browser,
    request,
    checkA11y,
  }, testInfo) => {
    test.setTimeout(180_000);
    const [shelf] = (await freeShelves(request)) as [string];
    const dialogTitle = fullTitle.replace('{code}', shelf);
    await pickedOrder(request, shelf);
    const order = await pickedOrder(request);
    const context = await browser.newContext({
      baseURL: testInfo.project.use.baseURL,
      serviceWorkers: 'block',
      locale: 'en-GB',
      viewport: { width: 360, height: 740 },
    });
    const page = await context.newPage();
    await signIn(page);
    await openStage(page, order);
    await page.evaluate((lang) => localStorage.setItem('aisle.language', lang), language);
    await page.reload();
    await expect(page.getByRole('heading', { name: heading })).toBeVisible({ timeout: 30_000 });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await overflow()).toBeLessThanOrEqual(360);
    await checkA11y(page);

    await page.locator('input[name="staging-location"]').fill(shelf);
    await page.locator('input[name="staging-location"]').press('Enter');
    await expect(page.getByRole('dialog', { name: dialogTitle })).toBeVisible();
    expect(await overflow()).toBeLessThanOrEqual(360);
    await checkA11y(page);
    await context.close();
  });
}
