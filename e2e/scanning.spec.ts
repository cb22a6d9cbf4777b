import type { Browser, Page } from '@playwright/test';
import { barcodeVideo, launchWithCamera, launchWithDeniedCamera } from './support/fake-camera';
import { expect, test, watchCsp } from './support/fixtures';
import {
  apiSignIn,
  claim,
  createOrder,
  freshProducts,
  getOrder,
  openOrder,
  pickedBySku,
  signIn,
} from './support/sync-helpers';

// Scanning as an associate does it: the camera (Chromium's fake camera playing a video of the
// product's barcode, rendered with bwip-js and encoded with ffmpeg during the test), and a
// hardware scanner set up with a prefix and a suffix.

const symbologyOf = (barcode: string) => ({ 8: 'ean8', 12: 'upca', 13: 'ean13' })[barcode.length] ?? 'ean13';

async function pageIn(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block', locale: 'en-GB' });
  watchCsp(context);
  return context.newPage();
}

test('the camera reads the product barcode and picks the line, then lets the camera go', async ({
  request,
}, testInfo) => {
  const session = await apiSignIn(request);
  const [product] = await freshProducts(request, session, 1);
  const order = await createOrder(request, [{ product: product!, qty: 1 }]);
  const camera = await barcodeVideo(product!.barcode, symbologyOf(product!.barcode));
  const browser = await launchWithCamera(camera.video);
  try {
    const page = await pageIn(browser, testInfo.project.use.baseURL);
    await signIn(page);
    await openOrder(page, order);
    await claim(page);

    await page.getByTestId('camera-toggle').click();
    await expect(page.getByTestId('camera-toggle')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-outcome', 'success');
    await expect(page.getByTestId('order-status')).toHaveText('Picked');
    // The pick step is over: its camera is released, and the one scan counted once.
    await expect(page.getByTestId('camera-panel')).toHaveCount(0);
    expect(
      await page.evaluate(() =>
        [...document.querySelectorAll('video')].some((video) => video.srcObject !== null),
      ),
    ).toBe(false);
    await expect(async () => {
      expect((await pickedBySku(request, session, order.id))[product!.sku]).toBe(1);
      expect((await getOrder(request, session, order.id)).status).toBe('picked');
    }).toPass({ timeout: 15_000 });
  } finally {
    await browser.close();
    camera.dispose();
  }
});

test('a refused camera says what to do, and typed entry still picks', async ({
  request,
  checkA11y,
}, testInfo) => {
  const session = await apiSignIn(request);
  const [product] = await freshProducts(request, session, 1);
  const order = await createOrder(request, [{ product: product!, qty: 2 }]);
  const browser = await launchWithDeniedCamera();
  try {
    const page = await pageIn(browser, testInfo.project.use.baseURL);
    await signIn(page);
    await openOrder(page, order);
    await claim(page);
    await page.getByTestId('camera-toggle').click();
    const panel = page.getByTestId('camera-panel');
    await expect(panel).toHaveAttribute('data-status', 'error');
    await expect(panel.getByRole('status')).toContainText('not allowed to use the camera');
    await checkA11y(page);

    await page.getByRole('button', { name: 'Type a code' }).click();
    await page.getByRole('textbox', { name: 'Product barcode' }).fill(product!.barcode);
    await page.getByRole('button', { name: 'Confirm', exact: true }).click();
    await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-outcome', 'success');
  } finally {
    await browser.close();
  }
});

test('a hardware scanner with a prefix and a suffix, ending in Tab, is read anywhere on the page', async ({
  page,
  checkA11y,
}) => {
  await signIn(page);
  await page.getByTestId('settings-link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Prefix' }).fill('*');
  await page.getByRole('textbox', { name: 'Suffix (before Enter or Tab)' }).fill('#');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await checkA11y(page);

  // A burst of keys in one task, as a scanner types them, with no field focused.
  await page.evaluate(
    (keys) => {
      (document.activeElement as HTMLElement | null)?.blur();
      for (const key of keys) {
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      }
    },
    [...'*4006381333931#', 'Tab'],
  );
  await expect(page.getByTestId('scanner-test-result')).toHaveText(
    'Received “4006381333931” from the scanner.',
  );

  // Slow typing is a person, not a scanner: it does not count as a scan.
  await page.keyboard.press('Escape');
  for (const key of [...'*123#']) {
    await page.evaluate((k) => {
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
    }, key);
    await page.waitForTimeout(120);
  }
  await page.evaluate(() =>
    document.body.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }),
    ),
  );
  await expect(page.getByTestId('scanner-test-result')).toHaveText(
    'Received “4006381333931” from the scanner.',
  );

  await page.getByRole('button', { name: 'IT', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Impostazioni' })).toBeVisible();
  await checkA11y(page);
});
