import type { APIRequestContext, Browser, Page } from '@playwright/test';
import type { Session } from '../src/contract/auth';
import type { ProductAvailability } from '../src/contract/stock';
import type { PullResponse } from '../src/contract/sync';
import { expect, test } from './support/fixtures';
import {
  INTAKE_KEY,
  PIN,
  expectDrained,
  goOffline,
  goOnline,
  openActivity,
  signIn,
  wedgeScan,
} from './support/sync-helpers';

// Issue 5, "stock everywhere": an associate of Milano Duomo scans a product a walk-in customer
// wants, sees it in the other stores nearest first, and reserves it at Milano Porta Nuova; the
// order lands in that store's queue at once, on a device signed in there. Also offline: the
// last answer is shown with its age, and a reservation made offline arrives once back online.

const OTHER_STORE = 'MI02';
const OTHER_STORE_NAME = 'Aisle Milano Porta Nuova';
const OTHER_EMPLOYEE = '2001';

interface Candidate {
  id: string;
  sku: string;
  barcode: string;
  available: number;
}

let nextCandidate = 0;

async function apiSession(request: APIRequestContext, storeId: string, employeeId: string): Promise<Session> {
  const response = await request.post('/api/auth/sign-in', {
    data: { storeId, employeeId, pin: PIN, deviceId: `e2e-reserve-${storeId}` },
  });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as Session;
}

const bearer = (session: Session) => ({ Authorization: `Bearer ${session.accessToken}` });

/**
 * A product with a scannable barcode that Milano Duomo sees at Milano Porta Nuova with at least
 * `minAvailable` units, read through the lookup API itself. Each test takes another one.
 */
async function productAtOtherStore(request: APIRequestContext, minAvailable: number): Promise<Candidate> {
  const here = await apiSession(request, 'MI01', '1001');
  const pull = (await (
    await request.get('/api/sync/pull', { headers: bearer(here) })
  ).json()) as PullResponse;
  const candidates = pull.products
    .filter((p) => /^\d{12,13}$/.test(p.barcode))
    .sort((a, b) => a.sku.localeCompare(b.sku));
  for (let tries = 0; tries < 60; tries++) {
    const product = candidates[(nextCandidate++ * 13) % candidates.length]!;
    const response = await request.get(`/api/stock/products/${product.id}`, { headers: bearer(here) });
    const body = (await response.json()) as ProductAvailability;
    const there = body.others.find((o) => o.store.id === OTHER_STORE);
    if (there && there.available >= minAvailable) {
      return { id: product.id, sku: product.sku, barcode: product.barcode, available: there.available };
    }
  }
  throw new Error(`no product with ${minAvailable} available at ${OTHER_STORE}`);
}

async function availableAtOtherStore(request: APIRequestContext, productId: string): Promise<number> {
  const session = await apiSession(request, OTHER_STORE, OTHER_EMPLOYEE);
  const pull = (await (
    await request.get('/api/sync/pull', { headers: bearer(session) })
  ).json()) as PullResponse;
  const row = pull.stock.find((s) => s.productId === productId)!;
  return row.onHand - row.reserved - row.safetyStock;
}

/** A second handheld, signed in at the other store, showing its queue. */
async function otherStoreDevice(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block', locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByLabel('Store').selectOption(OTHER_STORE);
  await page.getByLabel('Employee ID').fill(OTHER_EMPLOYEE);
  await page.getByLabel('PIN', { exact: true }).fill(PIN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-online', 'true');
  return page;
}

/** "/stock/reservations/<id>" → the order number the other store will show (domain rule). */
function orderNumberOf(page: Page): string {
  const id = /\/stock\/reservations\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
  if (!id) throw new Error(`not a reservation page: ${page.url()}`);
  return `R${id.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}

async function fillCustomer(page: Page, labels: { name: string; phone: string; email: string }, qty: number) {
  await page.getByLabel(labels.name, { exact: true }).fill('Giulia Verdi');
  await page.getByLabel(labels.phone, { exact: true }).fill('333 123 4567');
  await page.getByLabel(labels.email, { exact: true }).fill('giulia.verdi@example.com');
  await page.getByRole('combobox', { name: /Quantity|Quantità/ }).selectOption(String(qty));
}

test('scan a product, reserve it at another store, and see it land in that store’s queue', async ({
  page,
  request,
  browser,
  checkA11y,
}, testInfo) => {
  const product = await productAtOtherStore(request, 2);
  const before = await availableAtOtherStore(request, product.id);
  const otherStore = await otherStoreDevice(browser, testInfo.project.use.baseURL);

  await signIn(page);
  await page.getByRole('link', { name: 'Stock lookup' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Stock lookup' })).toBeVisible();
  await checkA11y();

  // The hardware scanner, with no field focused.
  await wedgeScan(page, product.barcode);
  const answer = page.getByTestId('stock-product');
  await expect(answer.getByRole('heading', { level: 2 })).toBeVisible();
  await expect(page.getByTestId('stock-here')).toContainText('This store');
  const row = page.getByTestId(`store-${OTHER_STORE}`);
  await expect(row).toContainText(OTHER_STORE_NAME);
  await expect(row).toContainText(`${before} available`);
  await expect(row).toContainText(/updated .+ ago/);
  await expect(row).toContainText(/\d km/);
  await checkA11y();

  await row.getByRole('link', { name: `Reserve at ${OTHER_STORE_NAME}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reserve for a customer' })).toBeVisible();
  await checkA11y();

  // Nothing filled in: every problem is said next to its field, checked by the domain's rules.
  await page.getByRole('button', { name: 'Reserve', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Check the highlighted fields.');
  await expect(page.getByText('Enter the customer’s name.')).toBeVisible();
  await expect(page.getByText('Enter a phone number or an e-mail.')).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
  await checkA11y();
  await fillCustomer(page, { name: 'Name', phone: 'Phone', email: 'E-mail' }, 2);
  await page.getByLabel('E-mail', { exact: true }).fill('giulia.verdi@example');
  await page.getByRole('button', { name: 'Reserve', exact: true }).click();
  await expect(page.getByText('This e-mail address is not valid.')).toBeVisible();
  await page.getByLabel('E-mail', { exact: true }).fill('giulia.verdi@example.com');
  await page.getByRole('button', { name: 'Reserve', exact: true }).click();

  // The confirmation: the code at once, then the order number once the other store has it.
  await expect(page.getByRole('heading', { level: 1, name: 'Reservation' })).toBeVisible();
  const code = page.getByTestId('pickup-code');
  await expect(code).toHaveAttribute('data-code', /^\d{6}$/);
  await expect(page.getByText('It will also be sent to giulia.verdi@example.com.')).toBeVisible();
  await expect(page.getByText(/Piazza Gae Aulenti 4, \d{5} Milano/)).toBeVisible();
  const number = orderNumberOf(page);
  await expect(page.getByTestId('reservation-state')).toHaveAttribute('data-state', 'confirmed', {
    timeout: 15_000,
  });
  await expect(page.getByTestId('reservation-order-number')).toHaveText(number);
  await expect(page.getByTestId('reservation-state')).toContainText(
    `Confirmed: order ${number} is in the queue of ${OTHER_STORE_NAME}.`,
  );
  await checkA11y();

  // The other store's handheld was never reloaded: the poke brought the order into its queue.
  const queued = otherStore.getByTestId(`order-row-${number}`);
  await expect(queued).toBeVisible({ timeout: 10_000 });
  await expect(queued).toContainText('Reserve & collect');
  await expect(queued).toContainText('Giulia Verdi');
  expect(await availableAtOtherStore(request, product.id)).toBe(before - 2);

  // And this device lists it among the reservations made here.
  await page.getByRole('link', { name: 'New lookup' }).click();
  await expect(page.getByTestId('reservation-item').first()).toHaveAttribute('data-state', 'confirmed');
  await otherStore.context().close();
});

test('offline: the last answer with its age, and a reservation that reaches the other store once online (Italian)', async ({
  page,
  context,
  request,
  browser,
  checkA11y,
}, testInfo) => {
  const product = await productAtOtherStore(request, 1);
  const otherStore = await otherStoreDevice(browser, testInfo.project.use.baseURL);

  await signIn(page);
  await page.getByRole('button', { name: 'IT', exact: true }).click();
  await page.getByRole('link', { name: 'Cerca disponibilità' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cerca disponibilità' })).toBeVisible();

  // Search by the start of the SKU (every size of one colour), then open the product.
  const family = product.sku.split('-').slice(0, -1).join('-');
  await page.getByRole('textbox', { name: 'Codice a barre, SKU o nome del prodotto' }).fill(family);
  await page.getByRole('button', { name: 'Cerca', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: `Risultati per «${family}»` })).toBeVisible();
  await checkA11y();
  await page.getByTestId(`hit-${product.sku}`).click();
  await expect(page.getByTestId(`store-${OTHER_STORE}`)).toContainText('disponibili');
  await expect(page.getByTestId('lookup-cached')).toHaveCount(0);
  await checkA11y();

  // A fresh start of the app (nothing in memory), then no network.
  await page.reload();
  await expect(page.getByTestId(`store-${OTHER_STORE}`)).toBeVisible();
  await goOffline(context, page);
  await page.getByRole('link', { name: 'Nuova ricerca' }).click();
  const searchFor = async (text: string) => {
    await page.getByRole('textbox', { name: 'Codice a barre, SKU o nome del prodotto' }).fill(text);
    await page.getByRole('button', { name: 'Cerca', exact: true }).click();
  };
  // A search never made on this device cannot be answered, and says so.
  await searchFor('zzqx');
  await expect(page.getByTestId('lookup-offline')).toBeVisible();
  // One made before shows the device's copy, with its age.
  await searchFor(family);
  await expect(page.getByTestId('lookup-cached')).toHaveText(
    /^Dati delle \d\d[:.]\d\d, .+ fa — sei offline$/,
  );
  await page.getByTestId(`hit-${product.sku}`).click();
  await expect(page.getByTestId('lookup-cached')).toBeVisible();
  await checkA11y();

  // Reserve while offline: the code is given at once, the order waits on the device.
  await page
    .getByTestId(`store-${OTHER_STORE}`)
    .getByRole('link', { name: `Prenota presso ${OTHER_STORE_NAME}` })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Prenota per un cliente' })).toBeVisible();
  await checkA11y();
  await fillCustomer(page, { name: 'Nome', phone: 'Telefono', email: 'E-mail' }, 1);
  await page.getByRole('button', { name: 'Prenota', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Prenotazione' })).toBeVisible();
  await expect(page.getByTestId('pickup-code')).toHaveAttribute('data-code', /^\d{6}$/);
  await expect(page.getByTestId('reservation-state')).toHaveAttribute('data-state', 'saved');
  await expect(page.getByTestId('reservation-state')).toContainText('Salvata su questo dispositivo');
  await checkA11y();
  const number = orderNumberOf(page);
  await page.waitForTimeout(1_000);
  await expect(otherStore.getByTestId(`order-row-${number}`)).toHaveCount(0);

  await goOnline(context, page);
  await expectDrained(page);
  await expect(page.getByTestId('reservation-state')).toHaveAttribute('data-state', 'confirmed');
  await expect(page.getByTestId('reservation-order-number')).toHaveText(number);
  await expect(otherStore.getByTestId(`order-row-${number}`)).toBeVisible({ timeout: 10_000 });
  await otherStore.context().close();
});

test('a reservation the other store can no longer honour is refused in plain words, with what to do', async ({
  page,
  context,
  request,
}) => {
  const product = await productAtOtherStore(request, 1);
  const available = await availableAtOtherStore(request, product.id);

  await signIn(page);
  await page.getByRole('link', { name: 'Stock lookup' }).click();
  // The associate scans once the page is there (its scanner listener comes with it).
  await expect(page.getByRole('heading', { level: 1, name: 'Stock lookup' })).toBeVisible();
  await wedgeScan(page, product.barcode);
  await expect(page.getByTestId(`store-${OTHER_STORE}`)).toContainText(`${available} available`);
  await goOffline(context, page);
  await page
    .getByTestId(`store-${OTHER_STORE}`)
    .getByRole('link', { name: `Reserve at ${OTHER_STORE_NAME}` })
    .click();
  await fillCustomer(page, { name: 'Name', phone: 'Phone', email: 'E-mail' }, available);
  await page.getByRole('button', { name: 'Reserve', exact: true }).click();
  await expect(page.getByTestId('reservation-state')).toHaveAttribute('data-state', 'saved');

  // Meanwhile a web order takes every unit the other store had.
  const sold = await request.post('/api/orders', {
    headers: { 'X-Api-Key': INTAKE_KEY },
    data: {
      externalId: `e2e-reserve-race-${Date.now()}`,
      channel: 'web',
      storeId: OTHER_STORE,
      fulfillmentType: 'pickup',
      promisedAt: new Date(Date.now() + 3_600_000).toISOString(),
      customer: { name: 'Web Buyer', email: 'web.buyer@example.com', language: 'it' },
      lines: [{ sku: product.sku, qty: available, unitPriceCents: 1990 }],
    },
  });
  expect(sold.status(), await sold.text()).toBe(201);

  await goOnline(context, page);
  const state = page.getByTestId('reservation-state');
  await expect(state).toHaveAttribute('data-state', 'refused', { timeout: 15_000 });
  await expect(state).toContainText(`Not accepted by ${OTHER_STORE_NAME}.`);
  await expect(state).toContainText('The store does not have that many available.');
  await expect(state).toContainText('Tell the customer the code is not valid.');
  await expect(page.getByTestId('pickup-code')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Look up again' })).toBeVisible();

  // The same refusal waits in Activity → Needs attention, with the usual choices.
  await openActivity(page);
  const item = page.locator('[data-testid="attention-item"][data-name="stock.reserveElsewhere"]');
  await expect(item).toHaveAttribute('data-code', 'stock.notAvailable');
  await expect(item).toContainText('The customer’s pickup code is not valid.');
  await item.getByRole('button', { name: 'Discard' }).click();
  await expect(item).toHaveCount(0);
});
