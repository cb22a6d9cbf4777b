import type { APIRequestContext, Page } from '@playwright/test';
import type { EnrolledKiosk } from '../src/contract/kiosk';
import type { PickupPassResponse } from '../src/contract/passes';
import { barcodeVideo, launchWithCamera } from './support/fake-camera';
import type { Session } from '../src/contract/auth';
import { expect, test, type CheckA11y } from './support/fixtures';
import {
  apiSignIn,
  authHeaders,
  createOrder,
  freshProducts,
  LOCATION,
  signIn,
  STORE_ID,
  type TestOrder,
} from './support/sync-helpers';

// Issue 7, the counter kiosk: a manager enrolls a device as the store's kiosk, a customer checks
// in there by order number and pickup code, the associate's device is alerted, the board shows
// the order as ready without the customer's name, and after the handover the customer rates it.

const MANAGER_ID = '1000';
const MANAGER_PIN = '9999';
const CUSTOMER = 'Giulia Verdi';

/** A pickup order made ready through the API: claimed, picked and staged by an associate. */
async function readyOrder(request: APIRequestContext, session: Session): Promise<TestOrder> {
  const [product] = await freshProducts(request, session, 1);
  const order = await createOrder(request, [{ product: product!, qty: 1 }], CUSTOMER);
  const headers = authHeaders(session);
  const steps: [string, object][] = [
    ['claim', {}],
    ['pick', { code: product!.barcode }],
    ['stage', { locationCode: LOCATION }],
  ];
  for (const [step, data] of steps) {
    const response = await request.post(`/api/orders/${order.id}/${step}`, { headers, data });
    expect(response.status(), `${step}: ${await response.text()}`).toBe(200);
  }
  return order;
}

/** The manager signs in on the kiosk device and makes it the store's kiosk from Settings. */
async function enrollThisDevice(page: Page, checkA11y: CheckA11y): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Store').selectOption(STORE_ID);
  await page.getByLabel('Employee ID').fill(MANAGER_ID);
  await page.getByLabel('PIN', { exact: true }).fill(MANAGER_PIN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
  await page.goto('/settings/kiosks');
  await expect(page.getByRole('heading', { level: 1, name: 'Counter kiosk and board' })).toBeVisible();
  await page.getByTestId('enroll-this-device').click();
  await expect(page.getByText('This device is now the kiosk')).toBeVisible();
  await expect(page.getByTestId('kiosk-row').first()).toBeVisible();
  // The manager's enrollment screen passes axe in both languages too.
  await checkA11y(page);
  await page.getByRole('button', { name: 'IT', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
  await checkA11y(page);
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('link', { name: 'Open the counter' }).click();
}

test('a customer checks in at the kiosk, the associate is alerted, the board shows it, and they rate the pickup', async ({
  browser,
  request,
  checkA11y,
}) => {
  const api = await apiSignIn(request);
  const order = await readyOrder(request, api);

  const associateContext = await browser.newContext();
  const associate = await associateContext.newPage();
  await signIn(associate);

  const kioskContext = await browser.newContext();
  const kiosk = await kioskContext.newPage();
  await enrollThisDevice(kiosk, checkA11y);

  // The counter opens in Italian, with a toggle to English; both pass axe.
  await expect(kiosk).toHaveURL(/\/counter$/);
  await expect(kiosk.getByRole('heading', { name: 'Ritiri un ordine online?' })).toBeVisible();
  await checkA11y(kiosk);
  await kiosk.getByRole('button', { name: 'English' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Collecting an online order?' })).toBeVisible();
  await checkA11y(kiosk);

  // A wrong code says so without telling whether the order exists.
  const form = kiosk.getByTestId('check-in-form');
  await form.getByLabel('Order number').fill(order.number);
  await form.getByLabel('Pickup code (6 digits)').fill('000000');
  await form.getByRole('button', { name: 'Check in' }).click();
  await expect(kiosk.getByTestId('check-in-error')).toContainText(
    'The order number or the code is not right',
  );

  await form.getByLabel('Pickup code (6 digits)').fill(order.pickupCode);
  await form.getByRole('button', { name: 'Check in' }).click();
  const outcome = kiosk.getByTestId('check-in-outcome');
  await expect(outcome).toHaveAttribute('data-outcome', 'arrived');
  await expect(outcome).toContainText('We are bringing your order');
  await expect(outcome).toContainText('Giulia V.');
  await expect(outcome).toContainText(`•••${order.number.slice(-3)}`);
  await expect(outcome).not.toContainText(order.number);
  await expect(outcome).not.toContainText(LOCATION);
  await checkA11y(kiosk);

  // The associate's device is alerted at once (a poke, then a pull).
  const alert = associate.locator(
    `[data-testid="customer-arrival-alert"][data-order-number="${order.number}"]`,
  );
  await expect(alert).toBeVisible({ timeout: 20_000 });
  await expect(alert).toHaveAttribute('data-kind', 'counter');

  // The board, on the same enrolled device: the order is ready, named only by "123 · G.".
  const board = await kioskContext.newPage();
  await board.goto('/board');
  const ready = board.getByTestId('board-ready');
  await expect(ready.getByText(`${order.number.slice(-3)} · G.`, { exact: true }).first()).toBeVisible();
  await expect(board.locator('body')).not.toContainText('Giulia');
  await expect(board.locator('body')).not.toContainText(order.number);
  await expect(board.getByRole('heading', { name: 'Pronti per il ritiro' })).toBeVisible();
  await checkA11y(board);
  await board.getByRole('button', { name: 'English' }).click();
  await expect(board.getByRole('heading', { name: 'Ready for pickup' })).toBeVisible();
  await checkA11y(board);
  await board.close();

  // The associate hands the order over; the counter then offers the rating.
  const handover = await request.post(`/api/orders/${order.id}/handover`, {
    headers: authHeaders(api),
    data: { code: order.pickupCode },
  });
  expect(handover.status(), await handover.text()).toBe(200);
  await kiosk.getByRole('button', { name: /^(Done|Fatto)$/ }).click();
  const rating = kiosk.getByTestId('rating-step');
  await expect(rating).toBeVisible({ timeout: 25_000 });
  await kiosk.getByRole('button', { name: 'English' }).click();
  await checkA11y(kiosk);
  await rating.getByRole('radio', { name: '5 stars' }).check();
  await rating.getByLabel('Anything to tell us? (optional)').fill('Quick and friendly');
  await rating.getByRole('button', { name: 'Send rating' }).click();
  await expect(kiosk.getByTestId('rating-thanks')).toBeVisible();

  // Once per order.
  const again = await request.post('/api/kiosk/rating', {
    headers: {
      Authorization: `Kiosk ${await kiosk.evaluate(() => localStorage.getItem('aisle.kioskSecret'))}`,
    },
    data: { orderId: order.id, rating: 1 },
  });
  expect(again.status()).toBe(409);

  await associateContext.close();
  await kioskContext.close();
});

test('an unenrolled device explains how to enroll it, in Italian and English', async ({
  page,
  checkA11y,
}) => {
  await page.goto('/counter');
  await expect(page.getByTestId('kiosk-not-enrolled')).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Questo dispositivo non è configurato come chiosco' }),
  ).toBeVisible();
  await checkA11y(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'This device is not set up as a kiosk' })).toBeVisible();
  await checkA11y(page);
  await page.goto('/board');
  await expect(page.getByTestId('kiosk-not-enrolled')).toBeVisible();
});

test('the customer scans the pickup pass QR with the kiosk camera', async ({ request }, testInfo) => {
  const api = await apiSignIn(request);
  const order = await readyOrder(request, api);
  const pass = await request.get(`/api/orders/${order.id}/pickup-pass`, { headers: authHeaders(api) });
  expect(pass.status(), await pass.text()).toBe(200);
  const { text } = (await pass.json()) as PickupPassResponse;

  const managerSignIn = await request.post('/api/auth/sign-in', {
    data: { storeId: STORE_ID, employeeId: MANAGER_ID, pin: MANAGER_PIN, deviceId: 'e2e-kiosk-manager' },
  });
  const manager = (await managerSignIn.json()) as Session;
  const enrolled = await request.post('/api/kiosks', {
    headers: { Authorization: `Bearer ${manager.accessToken}` },
    data: { name: 'Camera kiosk' },
  });
  expect(enrolled.status(), await enrolled.text()).toBe(201);
  const { secret } = (await enrolled.json()) as EnrolledKiosk;

  const camera = await barcodeVideo(text, 'qrcode', { seconds: 3 });
  const cameraBrowser = await launchWithCamera(camera.video);
  try {
    const context = await cameraBrowser.newContext({
      baseURL: testInfo.project.use.baseURL,
      serviceWorkers: 'block',
      locale: 'en-GB',
    });
    await context.addInitScript((key) => localStorage.setItem('aisle.kioskSecret', key), secret);
    const page = await context.newPage();
    await page.goto('/counter');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('camera-toggle').click();
    const outcome = page.getByTestId('check-in-outcome');
    await expect(outcome).toHaveAttribute('data-outcome', 'arrived', { timeout: 20_000 });
    await expect(outcome).toContainText('We are bringing your order');
    // The camera is released once the pass is read.
    await expect(page.getByTestId('camera-panel')).toHaveCount(0);
  } finally {
    await cameraBrowser.close();
    camera.dispose();
  }
});
