import type { Browser, Page } from '@playwright/test';
import type { ReturnableOrder } from '../src/contract/returns';
import type { ProductRow } from '../src/contract/sync';
import { demoReturnOrders } from '../src/server/demo/demo-returns';
import { styleCode } from '../src/domain/shelf-find';
import { launchWithCamera } from './support/fake-camera';
import { expect, test } from './support/fixtures';
import { chooseLanguage } from './support/header';
import { sceneVideo, symbologyOf } from './support/rendered-scenes';
import {
  apiSignIn,
  authHeaders,
  claim,
  createOrder,
  expectDrained,
  getOrder,
  openOrder,
  platformCancel,
  signIn,
  snapshot,
  wedgeScan,
} from './support/sync-helpers';

// Find and count (issue 17) with Chromium's fake camera playing a shelf of 12 product codes,
// rendered with bwip-js and encoded by ffmpeg during the test. The codes are real products of
// the store: the one looked for, another size or colour of it, and ten others.

test.describe.configure({ mode: 'serial' });
// Each test renders its shelf and launches a browser with it as the camera.
test.slow();

async function pageIn(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    serviceWorkers: 'block',
    locale: 'en-GB',
    viewport: { width: 360, height: 900 },
  });
  return context.newPage();
}

/** A product with another size or colour in the catalogue, and ten products of other styles. */
async function shelfOf(request: Parameters<typeof apiSignIn>[0]) {
  const session = await apiSignIn(request);
  const { products, stock } = await snapshot(request, session);
  const available = new Set(
    stock.filter((row) => row.onHand - row.reserved - row.safetyStock >= 4).map((row) => row.productId),
  );
  const readable = products
    .filter((p) => /^\d{13}$/.test(p.barcode))
    .sort((a, b) => a.sku.localeCompare(b.sku));
  const byStyle = new Map<string, ProductRow[]>();
  for (const p of readable) {
    const style = styleCode(p.sku);
    if (style) byStyle.set(style, [...(byStyle.get(style) ?? []), p]);
  }
  const family = [...byStyle.values()].find(
    (members) => members.length >= 2 && members.some((p) => available.has(p.id)),
  );
  if (!family) throw new Error('no style with two variants in stock');
  const target = family.find((p) => available.has(p.id))!;
  const variant = family.find((p) => p.id !== target.id)!;
  const others: ProductRow[] = [];
  for (const [style, members] of byStyle) {
    if (style === styleCode(target.sku)) continue;
    const inStock = members.find((p) => available.has(p.id));
    if (inStock) others.push(inStock);
    if (others.length === 10) break;
  }
  return { session, target, variant, others };
}

/** Signs in and waits for the store's replica (its first download can be slow on a busy machine). */
async function signInAndOpen(page: Page, order: Awaited<ReturnType<typeof createOrder>>) {
  await signIn(page);
  await expect(page.getByTestId(`order-row-${order.number}`)).toBeVisible({ timeout: 60_000 });
  await openOrder(page, order);
}

/** No sideways scrolling at the phone's width. */
async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

test('find: the product is outlined among look-alikes on a shelf and a tap on it picks it', async ({
  request,
  checkA11y,
}, testInfo) => {
  const { session, target, variant, others } = await shelfOf(request);
  const order = await createOrder(request, [{ product: target, qty: 1 }]);
  // Top-left, away from the middle, so the pick is the tap's and not the hold's.
  const codes = [target, variant, ...others].map((p) => ({ text: p.barcode, bcid: symbologyOf(p.barcode) }));
  const camera = await sceneVideo({ codes, width: 960, height: 540, noise: 4 });
  const browser = await launchWithCamera(camera.video);
  try {
    const page = await pageIn(browser, testInfo.project.use.baseURL);
    await signInAndOpen(page, order);
    await claim(page);

    await page.getByTestId('find-open').click();
    const view = page.getByTestId('find-camera');
    await expect(view).toHaveAttribute('data-status', 'scanning');
    const targetCode = view.locator('[data-testid="shelf-code"][data-tone="target"]');
    await expect(targetCode).toHaveCount(1, { timeout: 15_000 });
    await expect(targetCode).toHaveAttribute('data-code', target.barcode);
    await expect(view.locator('[data-testid="shelf-code"][data-tone="variant"]')).toHaveAttribute(
      'data-code',
      variant.barcode,
    );
    // The other ten are read too, and dimmed with the rest of the picture.
    await expect(view.locator('[data-testid="shelf-code"][data-tone="dim"]')).toHaveCount(10);
    await expect(page.getByTestId('find-status')).toHaveAttribute('data-found', 'true');
    await expectNoSidewaysScroll(page);
    await checkA11y(page);

    // A finger's tap on the outline where it is now. The outline follows the live picture, so
    // it is never "stable" to Playwright's liking for two frames in a row.
    const box = await targetCode.boundingBox();
    if (!box) throw new Error('the outlined code is not on screen');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-outcome', 'success');
    await expect(page.getByTestId('order-status')).toHaveText('Picked');
    // The line is done: the shelf camera is closed and lets the camera go.
    await expect(page.getByTestId('find-panel')).toHaveCount(0);
    await expect
      .poll(() =>
        page.evaluate(() =>
          [...document.querySelectorAll('video')].some((video) => video.srcObject !== null),
        ),
      )
      .toBe(false);
    await expect(async () => {
      const synced = await getOrder(request, session, order.id);
      expect(synced.lines[0]?.qtyPicked).toBe(1);
    }).toPass({ timeout: 15_000 });

    await chooseLanguage(page, 'IT');
    await checkA11y(page);
  } finally {
    await browser.close();
    camera.dispose();
  }
});

test('find from the stock lookup: a product asked about is outlined on the shelf', async ({
  request,
  checkA11y,
}, testInfo) => {
  const { target, variant, others } = await shelfOf(request);
  const codes = [target, variant, ...others].map((p) => ({ text: p.barcode, bcid: symbologyOf(p.barcode) }));
  const camera = await sceneVideo({ codes, width: 960, height: 540, noise: 4 });
  const browser = await launchWithCamera(camera.video);
  try {
    const page = await pageIn(browser, testInfo.project.use.baseURL);
    await signIn(page);
    await page.goto(`/stock/products/${target.id}`);
    await expect(page.getByTestId('stock-product')).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Find on the shelf' }).click();
    const view = page.getByTestId('find-camera');
    const targetCode = view.locator('[data-testid="shelf-code"][data-tone="target"]');
    await expect(targetCode).toHaveAttribute('data-code', target.barcode, { timeout: 15_000 });
    await expectNoSidewaysScroll(page);
    await checkA11y(page);
    const box = await targetCode.boundingBox();
    if (!box) throw new Error('the outlined code is not on screen');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect(page.getByTestId('find-panel')).toHaveCount(0);
    await expect(page.getByTestId('stock-found')).toContainText('on the shelf');
    await expect(page.getByRole('button', { name: 'Find on the shelf' })).toBeFocused();
  } finally {
    await browser.close();
    camera.dispose();
  }
});

test('count: the put-back is counted in one look and confirmed as one command', async ({
  request,
  checkA11y,
}, testInfo) => {
  const { session, target, variant, others } = await shelfOf(request);
  const [first, second] = others as [ProductRow, ProductRow];
  const order = await createOrder(request, [
    { product: first, qty: 1 },
    { product: second, qty: 1 },
  ]);
  const codes = [target, variant, ...others].map((p) => ({ text: p.barcode, bcid: symbologyOf(p.barcode) }));
  const camera = await sceneVideo({ codes, width: 960, height: 540, noise: 4 });
  const browser = await launchWithCamera(camera.video);
  try {
    const page = await pageIn(browser, testInfo.project.use.baseURL);
    await signInAndOpen(page, order);
    await claim(page);
    await wedgeScan(page, first.barcode);
    await wedgeScan(page, second.barcode);
    await expect(page.getByTestId('order-status')).toHaveText('Picked');
    await expectDrained(page);
    await platformCancel(request, order);

    const task = page.getByTestId('put-back-task');
    await expect(task).toBeVisible({ timeout: 20_000 });
    await task.getByTestId('count-open').click();
    const panel = page.getByTestId('count-panel');
    await expect(panel.getByTestId('count-camera')).toHaveAttribute('data-status', 'scanning');
    // Both picked units found, none missing; the ten other products on the shelf are unexpected.
    await expect(panel.getByTestId('count-found').locator('li')).toHaveCount(2, { timeout: 15_000 });
    await expect(panel.getByTestId('count-found').locator(`li[data-gtin="${first.gtin14}"]`)).toContainText(
      '1 of 1',
    );
    await expect(panel.getByTestId('count-missing')).toContainText('None');
    await expect(panel.getByTestId('count-unexpected').locator('li')).toHaveCount(10);
    await expect(panel.getByTestId('count-summary')).toHaveText('2 of 2 found, 10 unexpected');
    // Frame after frame, each code is still counted once.
    await page.waitForTimeout(1_500);
    await expect(panel.getByTestId('count-summary')).toHaveText('2 of 2 found, 10 unexpected');
    await expectNoSidewaysScroll(page);
    await checkA11y(page);

    await panel.getByTestId('count-confirm').click();
    await expect(task).toHaveCount(0);
    await expectDrained(page);
    await expect(async () => {
      const { orders } = await snapshot(request, session);
      expect(orders.find((o) => o.id === order.id)?.putBackAt).toEqual(expect.any(String));
    }).toPass({ timeout: 15_000 });
  } finally {
    await browser.close();
    camera.dispose();
  }
});

test('count at the return counter: the units on the counter go into the return in one look', async ({
  request,
  checkA11y,
}, testInfo) => {
  const session = await apiSignIn(request);
  const { number } = demoReturnOrders.shipped;
  const response = await request.get(`/api/returns/orders?q=${encodeURIComponent(number)}`, {
    headers: authHeaders(session),
  });
  expect(response.status(), await response.text()).toBe(200);
  const order = ((await response.json()) as { orders: ReturnableOrder[] }).orders[0]!;
  const open = order.lines.filter((line) => line.qtyDelivered - line.qtyReturned - line.qtyInReview > 0);
  expect(open.length, 'a line that can still come back').toBeGreaterThan(0);
  // On the counter: one unit of each line that can come back, and two products not on the order.
  const { others } = await shelfOf(request);
  const strangers = others.filter((p) => !order.lines.some((line) => line.gtin14 === p.gtin14)).slice(0, 2);
  const codes = [...open.map((line) => line.barcode), ...strangers.map((p) => p.barcode)].map((text) => ({
    text,
    bcid: symbologyOf(text),
  }));
  const camera = await sceneVideo({ codes, width: 960, height: 540, noise: 4 });
  const browser = await launchWithCamera(camera.video);
  try {
    const page = await pageIn(browser, testInfo.project.use.baseURL);
    await signIn(page);
    // The order as the counter opens it once found (e2e/returns.spec.ts finds it by e-mail).
    await page.goto(`/returns/new/${order.id}`);
    await expect(page.getByRole('heading', { level: 1, name: `Return of order ${number}` })).toBeVisible();

    await page.getByTestId('count-open').click();
    const panel = page.getByTestId('count-panel');
    await expect(panel.getByTestId('count-camera')).toHaveAttribute('data-status', 'scanning');
    await expect(panel.getByTestId('count-found').locator('li')).toHaveCount(open.length, {
      timeout: 15_000,
    });
    await expect(panel.getByTestId('count-unexpected').locator('li')).toHaveCount(strangers.length);
    await expectNoSidewaysScroll(page);
    await checkA11y(page);

    await panel.getByTestId('count-confirm').click();
    await expect(panel).toHaveCount(0);
    await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-outcome', 'success');
    // Each line that can come back has its counted unit; the products not on the order are not in it.
    for (const line of open)
      await expect(page.getByTestId(`return-line-${line.sku}`)).toHaveAttribute('data-count', '1');
    await expect(page.getByTestId('return-submit')).toBeEnabled();
    await expectNoSidewaysScroll(page);
    await checkA11y(page);
    await chooseLanguage(page, 'IT');
    await checkA11y(page);
  } finally {
    await browser.close();
    camera.dispose();
  }
});
