import type { APIRequestContext, Page } from '@playwright/test';
import type { Session } from '../src/contract/auth';
import type { IntakeResult, OrderDetail, OrderLineView, QueueResponse } from '../src/contract/orders';
import { expect, test, type CheckA11y } from './support/fixtures';
import { chooseLanguage } from './support/header';

// The online BOPIS journey as an associate walks it: sign in, claim, pick with the hardware
// scanner (and a few wrong scans), stage, hand over to the customer. The order is created
// through the intake API by the test itself, so the run does not depend on the demo queue.

const STORE_ID = 'MI01';
const EMPLOYEE_ID = '1001';
const PIN = '1234';
const INTAKE_KEY = 'demo-intake-key';
const PICKUP_CODE = '482913';
// A bin, which holds several orders: the one-order shelves are e2e/shelves.spec.ts's.
const LOCATION = 'MI01-B04';
/** A real-format EAN-13 (valid check digit) that the demo catalogue does not hold. */
const FOREIGN_GTIN = '4006381333931';

interface Product {
  sku: string;
  barcode: string;
  gtin14: string;
}

interface JourneyOrder {
  id: string;
  number: string;
  single: Product;
  double: Product;
  /** In the catalogue, not in this order. */
  other: Product;
}

async function apiSignIn(request: APIRequestContext): Promise<Session> {
  const response = await request.post('/api/auth/sign-in', {
    data: { storeId: STORE_ID, employeeId: EMPLOYEE_ID, pin: PIN, deviceId: 'e2e-bopis-journey-device' },
  });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as Session;
}

const authHeaders = (session: Session) => ({
  Authorization: `Bearer ${session.accessToken}`,
  'X-Device-Id': 'e2e-bopis-journey-device',
});

/** Distinct products from the seeded queue: they exist in the catalogue and have shelf places. */
async function seededProducts(request: APIRequestContext, session: Session): Promise<Product[]> {
  const queue = await request.get('/api/queue', { headers: authHeaders(session) });
  expect(queue.ok()).toBe(true);
  const { orders } = (await queue.json()) as QueueResponse;
  const products = new Map<string, Product>();
  for (const item of orders.slice(0, 12)) {
    const response = await request.get(`/api/orders/${item.id}`, { headers: authHeaders(session) });
    if (!response.ok()) continue;
    const order = (await response.json()) as OrderDetail;
    for (const line of order.lines as OrderLineView[]) {
      if (![...products.values()].some((known) => known.gtin14 === line.gtin14)) {
        products.set(line.sku, { sku: line.sku, barcode: line.barcode, gtin14: line.gtin14 });
      }
    }
  }
  return [...products.values()];
}

/** A fresh pickup order: 1 unit of one product, 2 of another. Skips products out of stock. */
async function createOrder(request: APIRequestContext, session: Session): Promise<JourneyOrder> {
  const products = await seededProducts(request, session);
  expect(products.length, 'the seeded queue should name at least 3 distinct products').toBeGreaterThanOrEqual(
    3,
  );
  for (let i = 0; i + 1 < products.length; i++) {
    const single = products[i] as Product;
    const double = products[i + 1] as Product;
    const other = products.find((product) => product !== single && product !== double) as Product;
    const response = await request.post('/api/orders', {
      headers: { 'X-Api-Key': INTAKE_KEY },
      data: {
        externalId: `e2e-bopis-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
        channel: 'web',
        storeId: STORE_ID,
        fulfillmentType: 'pickup',
        promisedAt: new Date(Date.now() + 60 * 60_000).toISOString(),
        customer: {
          name: 'Giulia Verdi',
          email: 'giulia.verdi@example.com',
          phone: '+393331234567',
          language: 'it',
        },
        pickupCode: PICKUP_CODE,
        lines: [
          { sku: single.sku, qty: 1, unitPriceCents: 2990 },
          { sku: double.sku, qty: 2, unitPriceCents: 1490 },
        ],
      },
    });
    if (response.status() === 409) {
      const body = (await response.json()) as { code?: string };
      if (body.code === 'stock.insufficient') continue;
    }
    expect(response.status(), await response.text()).toBe(201);
    const result = (await response.json()) as IntakeResult;
    return { id: result.id, number: result.number, single, double, other };
  }
  throw new Error('No two seeded products had stock for a new order');
}

/** The wrong check digit of a real barcode: a misread that must never reach the server. */
function withBadCheckDigit(barcode: string): string {
  const last = Number(barcode.at(-1));
  return barcode.slice(0, -1) + String((last + 1) % 10);
}

async function expectNoHorizontalOverflow(page: Page, width: number) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, 'the page must not scroll sideways').toBeLessThanOrEqual(width);
}

/**
 * Scans like a keyboard-wedge scanner: a fast burst of keys and Enter, with no field focused.
 * Waits for the banner to show this scan's outcome (its sequence number moves on).
 */
async function wedgeScan(page: Page, code: string, outcome: string) {
  const banner = page.getByTestId('scan-feedback');
  const before = Number((await banner.getAttribute('data-seq')) ?? '0');
  await page.getByRole('heading', { level: 1 }).click();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.type(code, { delay: 5 });
  await page.keyboard.press('Enter');
  await expect(banner).not.toHaveAttribute('data-seq', String(before));
  await expect(banner).toHaveAttribute('data-outcome', outcome);
}

interface JourneyOptions {
  /** Set at the handheld size: the queue and the pick page must fit without sideways scroll. */
  narrowWidth?: number;
}

async function walkJourney(
  page: Page,
  request: APIRequestContext,
  checkA11y: CheckA11y,
  options: JourneyOptions = {},
) {
  const session = await apiSignIn(request);
  const order = await createOrder(request, session);

  // Sign in through the UI.
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByText('Demo: store Aisle Milano Duomo, employee 1001, PIN 1234')).toBeVisible();
  await checkA11y(page);
  await page.getByLabel('Store').selectOption(STORE_ID);
  await page.getByLabel('Employee ID').fill(EMPLOYEE_ID);
  await page.getByLabel('PIN', { exact: true }).fill(PIN);
  await page.getByRole('button', { name: 'Sign in' }).click();

  // The queue.
  await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
  const row = page.getByTestId(`order-row-${order.number}`);
  await expect(row).toBeVisible();
  await expect(row).toContainText('Giulia Verdi');
  await expect(row).toContainText(/Due in/);
  await checkA11y(page);
  if (options.narrowWidth) await expectNoHorizontalOverflow(page, options.narrowWidth);

  // Open and claim.
  await row.click();
  await expect(page.getByRole('heading', { level: 1, name: `Order ${order.number}` })).toBeVisible();
  await expect(page.getByTestId('order-status')).toHaveText('New');
  await page.getByRole('button', { name: 'Claim order' }).click();
  await expect(page.getByTestId('order-status')).toHaveText('Picking');
  const singleLine = page.getByTestId(`line-${order.single.sku}`);
  const doubleLine = page.getByTestId(`line-${order.double.sku}`);
  await expect(singleLine).toContainText('0 / 1');
  await expect(doubleLine).toContainText('0 / 2');
  if (options.narrowWidth) await expectNoHorizontalOverflow(page, options.narrowWidth);

  // Pick with the wedge scanner.
  await wedgeScan(page, order.single.barcode, 'success');
  await expect(singleLine).toContainText('1 / 1');
  await expect(singleLine).toContainText('Done');
  await wedgeScan(page, order.double.barcode, 'success');
  await expect(doubleLine).toContainText('1 / 2');

  // Scans that must be stopped.
  await wedgeScan(page, FOREIGN_GTIN, 'unknown');
  await wedgeScan(page, order.other.barcode, 'wrongItem');
  await expect(page.getByTestId('scan-feedback')).toContainText('Wrong item');
  await wedgeScan(page, order.single.barcode, 'alreadyComplete');
  await wedgeScan(page, withBadCheckDigit(order.single.barcode), 'unknown');
  await expect(singleLine).toContainText('1 / 1');
  await expect(doubleLine).toContainText('1 / 2');
  await checkA11y(page);

  // The last unit by typing its code (typed entry sits behind a button on the pick screen).
  await page.getByRole('button', { name: 'Type a code' }).click();
  await page.getByRole('textbox', { name: 'Product barcode' }).fill(order.double.barcode);
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-outcome', 'success');
  await expect(page.getByTestId('order-status')).toHaveText('Picked');

  // Italian, then back to English.
  await chooseLanguage(page, 'IT');
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
  await expect(page.getByRole('link', { name: 'Metti a scaffale' })).toBeVisible();
  await expect(page.getByTestId('order-status')).toHaveText('Prelevato');
  await checkA11y(page);
  await chooseLanguage(page, 'EN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // Stage to a shelf by typing its label code.
  await page.getByRole('link', { name: 'Stage order' }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${order.id}/stage$`));
  await page.getByRole('textbox', { name: 'Staging location' }).fill(LOCATION);
  await page.getByRole('button', { name: 'Stage', exact: true }).click();
  await expect(page.getByRole('heading', { name: `Ready for pickup at ${LOCATION}` })).toBeVisible();
  await expect(page.getByTestId('order-status')).toHaveText('Ready');

  // Hand over: a wrong code first, then the right one.
  await page.getByRole('link', { name: 'Hand over to customer' }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${order.id}/handover$`));
  await page.getByRole('textbox', { name: 'Pickup code' }).fill('111111');
  await page.getByRole('button', { name: 'Hand over', exact: true }).click();
  await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-outcome', 'error');
  await expect(page.getByTestId('scan-feedback')).toContainText('does not match');
  await expect(page.getByTestId('order-status')).toHaveText('Ready');
  await page.getByRole('textbox', { name: 'Pickup code' }).fill(PICKUP_CODE);
  await page.getByRole('button', { name: 'Hand over', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Collected' })).toBeVisible();
  await expect(page.getByTestId('order-status')).toHaveText('Collected');

  // The actions were saved on the device first; once the outbox drained, the server agrees.
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-pending', '0');
  await expect
    .poll(async () => {
      const response = await request.get(`/api/orders/${order.id}`, { headers: authHeaders(session) });
      return ((await response.json()) as OrderDetail).status;
    })
    .toBe('collected');
  const final = await request.get(`/api/orders/${order.id}`, { headers: authHeaders(session) });
  expect(final.ok()).toBe(true);
  const detail = (await final.json()) as OrderDetail;
  expect(detail.status).toBe('collected');
  expect(detail.stagingLocation).toBe(LOCATION);
  expect(detail.lines.map((line) => line.qtyPicked).sort()).toEqual([1, 2]);
}

test('BOPIS journey: sign in, claim, pick by scanner, stage, hand over', async ({
  page,
  request,
  checkA11y,
}) => {
  await walkJourney(page, request, checkA11y);
});

test.describe('on a 360 px handheld', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true });

  test('BOPIS journey fits the screen', async ({ page, request, checkA11y }) => {
    await walkJourney(page, request, checkA11y, { narrowWidth: 360 });
  });
});
