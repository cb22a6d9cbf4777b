import type { APIRequestContext, BrowserContext, Page, Route } from '@playwright/test';
import type { Session } from '../../src/contract/auth';
import type { IntakeResult, OrderDetail } from '../../src/contract/orders';
import type { PullResponse, PushBody, PushResponse, StockRow } from '../../src/contract/sync';
import { expect } from './fixtures';

// Helpers for the offline-sync journeys: the server side is read and driven through the real
// API (intake, platform cancel, pull), the device side only through the UI.

export const STORE_ID = 'MI01';
export const EMPLOYEE_ID = '1001';
export const PIN = '1234';
export const INTAKE_KEY = 'demo-intake-key';
export const PICKUP_CODE = '482913';
/** A bin: it takes several orders, so specs that leave theirs on it do not fill it for the next. */
export const LOCATION = 'MI01-B01';

export interface Product {
  id: string;
  sku: string;
  barcode: string;
}

export interface TestOrder {
  id: string;
  number: string;
  externalId: string;
  pickupCode: string;
}

const API_DEVICE = 'e2e-offline-sync-api';

export async function apiSignIn(request: APIRequestContext, employeeId = EMPLOYEE_ID): Promise<Session> {
  const response = await request.post('/api/auth/sign-in', {
    data: { storeId: STORE_ID, employeeId, pin: PIN, deviceId: API_DEVICE },
  });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as Session;
}

export const authHeaders = (session: Session) => ({
  Authorization: `Bearer ${session.accessToken}`,
  'X-Device-Id': API_DEVICE,
});

/** The store's full snapshot, as a device's first pull sees it. */
export async function snapshot(request: APIRequestContext, session: Session): Promise<PullResponse> {
  const response = await request.get('/api/sync/pull', { headers: authHeaders(session) });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as PullResponse;
}

export async function changesSince(
  request: APIRequestContext,
  session: Session,
  cursor: string,
): Promise<PullResponse> {
  const response = await request.get(`/api/sync/pull?cursor=${encodeURIComponent(cursor)}`, {
    headers: authHeaders(session),
  });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as PullResponse;
}

/** The store's stock rows of these products, by product id, read through the pull snapshot. */
export async function stockOf(
  request: APIRequestContext,
  session: Session,
  products: Product[],
): Promise<Map<string, StockRow>> {
  const { stock } = await snapshot(request, session);
  const rows = new Map<string, StockRow>();
  for (const product of products) {
    const row = stock.find((candidate) => candidate.productId === product.id);
    expect(row, `a stock row for ${product.sku}`).toBeDefined();
    rows.set(product.id, row as StockRow);
  }
  return rows;
}

// Each test takes products nobody else in this run has used, so stock figures are its own.
let nextProduct = 0;

/** `count` distinct products the store can still promise `minAvailable` units of. */
export async function freshProducts(
  request: APIRequestContext,
  session: Session,
  count: number,
  minAvailable = 4,
): Promise<Product[]> {
  const { stock, products } = await snapshot(request, session);
  const available = new Set(
    stock
      .filter((row) => row.onHand - row.reserved - row.safetyStock >= minAvailable)
      .map((row) => row.productId),
  );
  // A real barcode that the scanner path can read (EAN-13/UPC-A/EAN-8 digits only).
  const candidates = products
    .filter((product) => available.has(product.id) && /^\d{8,14}$/.test(product.barcode))
    .sort((a, b) => a.sku.localeCompare(b.sku));
  // Different products per test, spread out so the seeded orders' products are rarely reused.
  const picked: Product[] = [];
  while (picked.length < count) {
    const candidate = candidates[(nextProduct++ * 7) % candidates.length];
    if (!candidate) throw new Error('the store has no stocked products');
    if (picked.some((product) => product.id === candidate.id)) continue;
    picked.push({ id: candidate.id, sku: candidate.sku, barcode: candidate.barcode });
  }
  return picked;
}

/** What an order line or the order adds to the intake body beyond the basics (a preference, flags). */
type IntakeExtra = Record<string, unknown>;

export interface OrderOptions {
  customerName?: string;
  customerEmail?: string;
  /** Minutes until the promised pickup (60). */
  promisedInMinutes?: number;
  /** Merged into the intake body: `substitution`, `payment`, `idCheck`… */
  extra?: IntakeExtra;
}

/** Places a pickup order through the platform's intake API. */
export async function createOrder(
  request: APIRequestContext,
  lines: { product: Pick<Product, 'sku'>; qty: number; unitPriceCents?: number; extra?: IntakeExtra }[],
  options: OrderOptions | string = {},
): Promise<TestOrder> {
  const {
    customerName = 'Giulia Verdi',
    customerEmail = 'giulia.verdi@example.com',
    promisedInMinutes = 60,
    extra = {},
  } = typeof options === 'string' ? { customerName: options } : options;
  const externalId = `e2e-sync-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const response = await request.post('/api/orders', {
    headers: { 'X-Api-Key': INTAKE_KEY },
    data: {
      externalId,
      channel: 'web',
      storeId: STORE_ID,
      fulfillmentType: 'pickup',
      promisedAt: new Date(Date.now() + promisedInMinutes * 60_000).toISOString(),
      customer: { name: customerName, email: customerEmail, language: 'it' },
      pickupCode: PICKUP_CODE,
      lines: lines.map(({ product, qty, unitPriceCents = 1990, extra: lineExtra }) => ({
        sku: product.sku,
        qty,
        unitPriceCents,
        ...lineExtra,
      })),
      ...extra,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  const result = (await response.json()) as IntakeResult;
  return { id: result.id, number: result.number, externalId, pickupCode: result.pickupCode };
}

export async function getOrder(
  request: APIRequestContext,
  session: Session,
  orderId: string,
): Promise<OrderDetail> {
  const response = await request.get(`/api/orders/${orderId}`, { headers: authHeaders(session) });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as OrderDetail;
}

/** qtyPicked of each line, by SKU. */
export async function pickedBySku(
  request: APIRequestContext,
  session: Session,
  orderId: string,
): Promise<Record<string, number>> {
  const order = await getOrder(request, session, orderId);
  return Object.fromEntries(order.lines.map((line) => [line.sku, line.qtyPicked]));
}

/** The e-commerce platform cancels the order (the customer cancelled online). */
export async function platformCancel(request: APIRequestContext, order: TestOrder): Promise<void> {
  const response = await request.post(`/api/orders/external/${order.externalId}/cancel`, {
    headers: { 'X-Api-Key': INTAKE_KEY },
    data: { reason: 'customer cancelled online' },
  });
  expect(response.status(), await response.text()).toBe(200);
}

// ---------------------------------------------------------------------------------------------
// The device side.

/** Signs in through the form and waits for the queue, i.e. for the first pull to land. */
export async function signIn(page: Page, employeeId = EMPLOYEE_ID): Promise<void> {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByLabel('Store').selectOption(STORE_ID);
  await page.getByLabel('Employee ID').fill(employeeId);
  await page.getByLabel('PIN', { exact: true }).fill(PIN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-online', 'true');
}

/**
 * Opens an order from the queue (client-side navigation: it works offline too). The queue's
 * "All" tab shows it whatever its state (To do holds only work; ready orders wait in their tab).
 */
export async function openOrder(page: Page, order: TestOrder): Promise<void> {
  const allTab = page.getByTestId('queue-tab-all');
  await expect(allTab).toBeVisible({ timeout: 15_000 });
  if ((await allTab.getAttribute('aria-pressed')) !== 'true') await allTab.click();
  const row = page.getByTestId(`order-row-${order.number}`);
  await expect(row).toBeVisible({ timeout: 15_000 });
  await row.click();
  await expect(page.getByRole('heading', { level: 1, name: `Order ${order.number}` })).toBeVisible();
}

export async function claim(page: Page): Promise<void> {
  await expect(page.getByTestId('order-status')).toHaveText('New');
  await page.getByRole('button', { name: 'Claim order' }).click();
  await expect(page.getByTestId('order-status')).toHaveText('Picking');
}

/**
 * Scans like a keyboard-wedge scanner: a burst of keydowns and Enter, with no field focused.
 * Waits for the banner to show this scan's outcome (its sequence number moves on).
 *
 * The burst is dispatched inside the page, in one task. `page.keyboard.type` sends one key per
 * DevTools round trip, and while the page is busy (a push, a live query, trace snapshots) two
 * keys can land more than the scanner's 50 ms apart: the listener then rightly takes them for
 * a person typing and starts over, dropping the first digits. A hardware scanner's keys keep
 * their own timestamps however busy the page is, which is what a single task reproduces.
 */
export async function wedgeScan(page: Page, code: string, outcome = 'success'): Promise<void> {
  // As an associate scans once the screen is up: a screen still opening has no listener yet.
  await expect(page.locator('html[data-wedge-scanner="listening"]')).toHaveCount(1);
  const banner = page.getByTestId('scan-feedback');
  const before = (await banner.count()) ? ((await banner.getAttribute('data-seq')) ?? '0') : '0';
  await page.evaluate(
    (keys) => {
      (document.activeElement as HTMLElement | null)?.blur();
      for (const key of keys) {
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      }
    },
    [...code, 'Enter'],
  );
  await expect(banner).not.toHaveAttribute('data-seq', before);
  await expect(banner).toHaveAttribute('data-outcome', outcome);
}

export async function stage(page: Page, order: TestOrder, location = LOCATION): Promise<void> {
  await page.getByRole('link', { name: 'Stage order' }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${order.id}/stage$`));
  await page.getByRole('textbox', { name: 'Staging location' }).fill(location);
  await page.getByRole('button', { name: 'Stage', exact: true }).click();
  await expect(page.getByRole('heading', { name: `Ready for pickup at ${location}` })).toBeVisible();
  await expect(page.getByTestId('order-status')).toHaveText('Ready');
}

export async function handOver(page: Page, order: TestOrder): Promise<void> {
  await page.getByRole('link', { name: 'Hand over to customer' }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${order.id}/handover$`));
  await page.getByRole('textbox', { name: 'Pickup code' }).fill(order.pickupCode);
  await page.getByRole('button', { name: 'Hand over', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Collected' })).toBeVisible();
  await expect(page.getByTestId('order-status')).toHaveText('Collected');
}

export const syncStatus = (page: Page) => page.getByTestId('sync-status');

export async function expectPending(page: Page, count: number, timeout?: number): Promise<void> {
  await expect(syncStatus(page)).toHaveAttribute('data-pending', String(count), timeout ? { timeout } : {});
}

/** Waits until every queued action is acknowledged by the server. */
export async function expectDrained(page: Page, timeout = 20_000): Promise<void> {
  await expect(syncStatus(page)).toHaveAttribute('data-online', 'true', { timeout });
  await expectPending(page, 0, timeout);
}

/** Cuts the page's network and waits for the app to say so (the banner is debounced). */
export async function goOffline(context: BrowserContext, page: Page): Promise<void> {
  // Tests run without the service worker, so a page's code is on the device only once the app
  // has preloaded it, as it does when left idle for a moment; a device that has been in use
  // for a while has it (and the worker's precache) before the Wi-Fi drops.
  await expect(page.locator('html')).toHaveAttribute('data-preloaded', 'true', { timeout: 30_000 });
  await context.setOffline(true);
  await expect(page.getByTestId('offline-banner')).toBeVisible({ timeout: 5_000 });
  await expect(syncStatus(page)).toHaveAttribute('data-online', 'false');
}

export async function goOnline(context: BrowserContext, page: Page): Promise<void> {
  await context.setOffline(false);
  await expect(page.getByTestId('offline-banner')).toBeHidden({ timeout: 10_000 });
}

/** Opens the Activity page through the sync status link (client-side: works offline). */
export async function openActivity(page: Page): Promise<void> {
  await syncStatus(page).click();
  await expect(page).toHaveURL(/\/activity$/);
}

export const outboxItems = (page: Page, name?: string) =>
  name ? page.locator(`[data-testid="outbox-item"][data-name="${name}"]`) : page.getByTestId('outbox-item');

export const attentionItems = (page: Page) => page.getByTestId('attention-item');

/** Reads one push's body and its answer, for checking what was resent. */
export interface SeenPush {
  body: PushBody;
  response?: PushResponse;
}

export function pushBodyOf(route: Route): PushBody {
  return route.request().postDataJSON() as PushBody;
}

export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export interface StoredCommand {
  id: string;
  name: string;
  status: string;
  seq: number | null;
}

/**
 * The device's outbox as it sits in IndexedDB, read with the raw API (not through the app), so
 * a test sees what survives a reload or a killed page, not what React happens to show.
 */
export async function storedOutbox(page: Page): Promise<StoredCommand[]> {
  return page.evaluate(
    () =>
      new Promise<StoredCommand[]>((resolve, reject) => {
        const open = indexedDB.open('aisle');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const idb = open.result;
          if (!idb.objectStoreNames.contains('outbox')) {
            idb.close();
            resolve([]);
            return;
          }
          const all = idb.transaction('outbox', 'readonly').objectStore('outbox').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            idb.close();
            const rows = all.result as (StoredCommand & { localOrder: number })[];
            resolve(
              rows
                .sort((a, b) => a.localOrder - b.localOrder)
                .map(({ id, name, status, seq }) => ({ id, name, status, seq })),
            );
          };
        };
      }),
  );
}
