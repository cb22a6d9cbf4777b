import type { APIRequestContext, Page, Response } from '@playwright/test';
import type { IntakeResult, OrderDetail } from '../src/contract/orders';
import { expect, test } from './support/fixtures';
import { chooseLanguage } from './support/header';
import {
  INTAKE_KEY,
  STORE_ID,
  apiSignIn,
  authHeaders,
  expectDrained,
  freshProducts,
  getOrder,
  signIn,
  wedgeScan,
  type Product,
  type TestOrder,
} from './support/sync-helpers';

// Ship-from-store as an associate walks it on a 360 px handheld: two orders picked in one walk
// with the hardware scanner (each unit sorted into its tote), one of them packed in two boxes,
// labelled with the own fleet, marked shipped, and closed into the day's manifest.

const FLEET_NUMBER = /^AISMI01\d{7}[0-9A-Z]$/;

async function createShipOrder(
  request: APIRequestContext,
  lines: { product: Product; qty: number }[],
  promisedInMinutes: number,
  customerName: string,
): Promise<TestOrder> {
  const externalId = `e2e-ship-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const response = await request.post('/api/orders', {
    headers: { 'X-Api-Key': INTAKE_KEY },
    data: {
      externalId,
      channel: 'web',
      storeId: STORE_ID,
      fulfillmentType: 'ship_from_store',
      promisedAt: new Date(Date.now() + promisedInMinutes * 60_000).toISOString(),
      customer: { name: customerName, email: 'ship@example.com', language: 'it' },
      shippingAddress: {
        name: customerName,
        line1: 'Via della Spiga 8',
        postcode: '20121',
        city: 'Milano',
        province: 'MI',
        country: 'IT',
      },
      lines: lines.map(({ product, qty }) => ({ sku: product.sku, qty, unitPriceCents: 4990 })),
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  const result = (await response.json()) as IntakeResult;
  return { id: result.id, number: result.number, externalId, pickupCode: result.pickupCode };
}

async function expectNoHorizontalOverflow(page: Page) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, 'the page must not scroll sideways').toBeLessThanOrEqual(360);
}

/** Clicks a document button and checks the server answered with a PDF. */
async function expectPdf(page: Page, testId: string, path: RegExp) {
  const answer = page.waitForResponse((response: Response) => path.test(new URL(response.url()).pathname));
  await page.getByTestId(testId).click();
  const response = await answer;
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  // The link opens what the server sent, as a blob: URL. The page's policy (connect-src 'self')
  // rightly keeps even the test from fetching a blob: URL, and DevTools does not keep the body
  // of a response the page read as a blob, so the same request is made again from outside.
  const link = page.getByTestId(`${testId}-open`);
  await expect(link).toBeVisible();
  expect(await link.getAttribute('href')).toMatch(/^blob:/);
  expect(response.request().method()).toBe('GET');
  const again = await page.request.get(response.url(), { headers: await response.request().allHeaders() });
  expect(again.status()).toBe(200);
  const bytes = await again.body();
  const head = { magic: bytes.subarray(0, 5).toString('latin1'), size: bytes.length };
  expect(head.magic).toBe('%PDF-');
  expect(head.size).toBeGreaterThan(500);
}

test.use({ viewport: { width: 360, height: 740 }, hasTouch: true });

/*
 * The shared header is checked by the BOPIS journey at this size; here the ship screens are
 * (at the time of writing, a header link added in parallel crowds the language switch at 360 px).
 */
const screens = { exclude: ['.app-header'] };

test('ship from store: batch pick, pack, label, mark shipped, close the manifest', async ({
  page,
  request,
  checkA11y,
}) => {
  const session = await apiSignIn(request);
  const [shared, single, stranger] = (await freshProducts(request, session, 3)) as [
    Product,
    Product,
    Product,
  ];
  const urgent = await createShipOrder(
    request,
    [
      { product: shared, qty: 1 },
      { product: single, qty: 1 },
    ],
    30,
    'Chiara Neri',
  );
  const later = await createShipOrder(request, [{ product: shared, qty: 1 }], 90, 'Paolo Gallo');

  await signIn(page);
  await expectNoHorizontalOverflow(page);
  await page.getByTestId('ship-link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ship from store' })).toBeVisible();
  await expect(page.getByTestId(`choose-${urgent.number}`)).toBeVisible({ timeout: 15_000 });
  await checkA11y(page, screens);
  await expectNoHorizontalOverflow(page);

  // Choose the two orders (the later one first: the totes still go by urgency).
  await page.getByTestId(`choose-${later.number}`).click();
  await page.getByTestId(`choose-${urgent.number}`).click();
  await page.getByRole('button', { name: 'Pick selected (2)' }).click();
  await expect(page).toHaveURL(/\/ship\/batch$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Batch pick' })).toBeVisible();
  await expect(page.getByTestId('tote-1')).toContainText(urgent.number);
  await expect(page.getByTestId('tote-2')).toContainText(later.number);
  await expect(page.getByTestId('tote-1')).toContainText('Picking');
  await expect(page.getByTestId(`stop-${shared.sku}`)).toContainText('0 / 2');

  // A product no order of the batch wants is refused loudly.
  await wedgeScan(page, stranger.barcode, 'wrongItem');
  await expect(page.getByTestId('scan-feedback')).toContainText('No order in this batch needs this product');

  // Each unit goes to the most urgent order that still needs it.
  await wedgeScan(page, shared.barcode);
  await expect(page.getByTestId('scan-feedback')).toContainText(`Put in tote 1 · ${urgent.number}`);
  await wedgeScan(page, shared.barcode);
  await expect(page.getByTestId('scan-feedback')).toContainText(`Put in tote 2 · ${later.number}`);
  await expect(page.getByTestId(`stop-${shared.sku}`)).toContainText('2 / 2');
  await checkA11y(page, screens);
  await expectNoHorizontalOverflow(page);
  await wedgeScan(page, shared.barcode, 'alreadyComplete');
  await wedgeScan(page, single.barcode);
  await expect(page.getByTestId('scan-feedback')).toContainText(`Put in tote 1 · ${urgent.number}`);
  await expect(page.getByText('Every order of the batch is picked')).toBeVisible();
  await expect(page.getByTestId('tote-1')).toContainText('Picked');
  await expect(page.getByTestId('tote-2')).toContainText('Picked');

  // Pack the urgent order in two packages: a small box and a measured one.
  await page.getByRole('link', { name: `Pack ${urgent.number}` }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${urgent.id}/pack$`));
  await expect(page.getByRole('heading', { level: 1, name: `Pack order ${urgent.number}` })).toBeVisible();
  const first = page.getByRole('group', { name: 'Package 1' });
  await first.getByLabel('Package type').selectOption('box-s');
  await first.getByLabel('Weight (grams)').fill('850');
  await page.getByRole('button', { name: 'Add a package' }).click();
  const second = page.getByRole('group', { name: 'Package 2' });
  await second.getByLabel('Package type').selectOption('custom');
  await second.getByLabel('Weight (grams)').fill('120');
  await second.getByLabel('Length (mm)').fill('300');
  await second.getByLabel('Width (mm)').fill('200');
  // A missing side is refused on the device, with the words of the server's rule.
  await page.getByRole('button', { name: 'Save packing' }).click();
  await expect(page.getByRole('alert')).toContainText('Measure the package');
  await second.getByLabel('Height (mm)').fill('50');
  await checkA11y(page, screens);
  await expectNoHorizontalOverflow(page);
  await page.getByRole('button', { name: 'Save packing' }).click();
  await expect(page.getByTestId('order-status')).toHaveText('Packed');
  await expect(page.getByTestId('packed-package')).toHaveCount(2);

  // The label needs the network: the own fleet issues one tracking number per package.
  await expect(page.getByText('creating the label needs the network')).toBeVisible();
  await page.getByRole('button', { name: 'Create label' }).click();
  await expect(page.getByTestId('tracking-number')).toHaveCount(2);
  const tracking = await page.getByTestId('tracking-number').allTextContents();
  for (const number of tracking) expect(number).toMatch(FLEET_NUMBER);
  await expectPdf(page, 'labels-pdf', new RegExp(`/api/orders/${urgent.id}/labels\\.pdf$`));
  await expectPdf(page, 'slip-pdf', new RegExp(`/api/orders/${urgent.id}/packing-slip\\.pdf$`));
  await checkA11y(page, screens);
  await expectNoHorizontalOverflow(page);

  // Handed to the driver: queued like any action, then synced.
  await page.getByRole('button', { name: 'Mark shipped' }).click();
  await expect(page.getByTestId('order-status')).toHaveText('Shipped');
  await expectDrained(page);
  await expect.poll(async () => (await getOrder(request, session, urgent.id)).status).toBe('shipped');

  // The end of the day.
  await page.getByRole('link', { name: 'End-of-day manifest' }).click();
  await expect(page).toHaveURL(/\/ship\/manifest$/);
  await expect(page.getByRole('heading', { level: 1, name: 'End-of-day manifest' })).toBeVisible();
  await expect(page.getByTestId('manifest-row')).toHaveCount(2);
  for (const number of tracking) await expect(page.getByText(number)).toBeVisible();
  await expect(page.getByTestId('manifest-totals')).toHaveText('2 parcels · 1 order · 0.97 kg');
  await expect(page.getByText(`Labelled but not marked shipped`)).toBeHidden();
  await checkA11y(page, screens);
  await expectNoHorizontalOverflow(page);
  await page.getByRole('button', { name: 'Close the day' }).click();
  await expect(page.getByTestId('manifest-nothing')).toBeVisible();
  const closed = page.getByTestId('closed-manifest');
  await expect(closed).toHaveCount(1);
  await expect(closed).toContainText(/MI01-\d{8}-[0-9A-F]{6}/);
  await expect(closed).toContainText('2 parcels');
  await expectPdf(page, 'manifest-pdf', /\/api\/shipping\/manifests\/[0-9a-f-]{36}\.pdf$/);

  // The same screen in Italian.
  await chooseLanguage(page, 'IT');
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
  await expect(page.getByRole('heading', { level: 1, name: 'Distinta di fine giornata' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Chiuse oggi' })).toBeVisible();
  await checkA11y(page, screens);
  await chooseLanguage(page, 'EN');

  // The server agrees: shipped, with the booked label on the order.
  const response = await request.get(`/api/orders/${urgent.id}`, { headers: authHeaders(session) });
  const detail = (await response.json()) as OrderDetail;
  expect(detail.status).toBe('shipped');
  expect(detail.shipment?.packages.map((p) => p.trackingNumber)).toEqual(tracking);
  expect(detail.packages?.map((p) => [p.type, p.weightGrams])).toEqual([
    ['box-s', 850],
    ['custom', 120],
  ]);
  expect((await getOrder(request, session, later.id)).status).toBe('picked');
});
