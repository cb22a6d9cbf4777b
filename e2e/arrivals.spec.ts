import type { APIRequestContext } from '@playwright/test';
import type { IntakeResult } from '../src/contract/orders';
import { gtinCheckDigit } from '../src/domain/gtin-check-digit';
import { expect, test } from './support/fixtures';
import {
  INTAKE_KEY,
  LOCATION,
  STORE_ID,
  apiSignIn,
  expectDrained,
  freshProducts,
  getOrder,
  signIn,
  wedgeScan,
  type Product,
} from './support/sync-helpers';

// Ship-to-store: the warehouse sends a parcel to the store; the associate scans its GS1-128
// label on the Arrivals screen, puts it on a shelf, and the order is ready for the customer.

/** A fresh SSCC each run ("00" + extension 3 + Italian company prefix + serial + check digit). */
function newSscc(): string {
  const body = `3801234${String(Date.now()).slice(-10)}`;
  return `00${body}${gtinCheckDigit(body)}`;
}

async function createShipToStoreOrder(request: APIRequestContext, product: Product, sscc: string) {
  const response = await request.post('/api/orders', {
    headers: { 'X-Api-Key': INTAKE_KEY },
    data: {
      externalId: `e2e-arrival-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
      channel: 'web',
      storeId: STORE_ID,
      fulfillmentType: 'ship_to_store',
      promisedAt: new Date(Date.now() + 48 * 3_600_000).toISOString(),
      customer: { name: 'Elena Ricci', email: 'elena.ricci@example.com', language: 'it' },
      inbound: { trackingNumber: sscc },
      lines: [{ sku: product.sku, qty: 1, unitPriceCents: 8990 }],
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as IntakeResult;
}

test('a scanned parcel makes its ship-to-store order ready at a shelf', async ({
  page,
  request,
  checkA11y,
}) => {
  const session = await apiSignIn(request);
  const [product] = (await freshProducts(request, session, 1)) as [Product];
  const sscc = newSscc();
  const order = await createShipToStoreOrder(request, product, sscc);

  await signIn(page);
  await page.getByTestId('arrivals-link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Arrivals' })).toBeVisible();
  await expect(page.getByTestId('arrivals-waiting')).toContainText(order.number, { timeout: 15_000 });
  await checkA11y(page);

  // A parcel no order waits for is refused loudly.
  await wedgeScan(page, '00380123459999999995', 'unknown');
  await expect(page.getByTestId('scan-feedback')).toContainText('No order here waits for this parcel');

  await wedgeScan(page, sscc);
  await expect(page.getByTestId('scan-feedback')).toContainText(`Parcel for order ${order.number}`);
  await page.getByRole('textbox', { name: 'Staging location' }).fill(LOCATION);
  await page.getByRole('button', { name: 'Stage', exact: true }).click();

  await expect(
    page.getByRole('heading', { name: `Order ${order.number} is ready at ${LOCATION}` }),
  ).toBeVisible();
  await expect(page.getByTestId('arrival-status')).toHaveText('Ready');
  await checkA11y(page);
  await expectDrained(page);
  expect(await getOrder(request, session, order.id)).toMatchObject({
    status: 'ready',
    stagingLocation: LOCATION,
  });
});
