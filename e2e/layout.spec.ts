import { mkdirSync } from 'node:fs';
import type { APIRequestContext, Browser, Locator, Page } from '@playwright/test';
import type { Session } from '../src/contract/auth';
import type { IntakeResult } from '../src/contract/orders';
import type { PullResponse } from '../src/contract/sync';
import { expect, test, type CheckA11y } from './support/fixtures';
import { INTAKE_KEY, wedgeScan } from './support/sync-helpers';

// Issue 14, point 4: every associate screen at 320 and 360 px wide, in English and Italian:
// no sideways scrolling, the page opens at its top with its primary action in the first
// viewport (640 px tall), and axe finds nothing serious. Point 11: the same screens at 200%
// zoom (a 1280 × 720 window is 640 × 360 CSS px) do not scroll sideways, and each tab title
// names its screen. With AISLE_SCREENS=1 the 360 px runs also write docs/screens/*.png.

// A store of its own (Torino; its manager is 4000): the other specs leave customers waiting at
// MI01, and a waiting customer's alert rightly tops every screen there. Here the screens are
// measured as they are in a quiet moment; customer-screens.spec checks the alerts themselves.
const LAYOUT_STORE = 'TO01';
const MANAGER = { employeeId: '4000', pin: '9999' };
const DEVICE = 'e2e-layout-api';
const PICKUP_CODE = '246810';
const HEIGHT = 640;
const writeScreens = process.env.AISLE_SCREENS === '1';

interface Data {
  /** 5 lines, new. */
  fresh: IntakeResult;
  /** 5 lines, claimed by the manager through the API: the pick screen. */
  picking: IntakeResult;
  picked: IntakeResult;
  ready: IntakeResult;
  collected: IntakeResult;
  /** A ship-from-store order, picked: the pack screen. */
  shipPicked: string;
  /** A product this store stocks, with a barcode the scanner reads. */
  product: { id: string; barcode: string };
  collectedBarcode: string;
  /** Set by the first run, which submits the return; later runs open its receipt. */
  returnPath?: string;
}

const headers = (session: Session) => ({
  Authorization: `Bearer ${session.accessToken}`,
  'X-Device-Id': DEVICE,
});

async function managerSession(request: APIRequestContext): Promise<Session> {
  const response = await request.post('/api/auth/sign-in', {
    data: { storeId: LAYOUT_STORE, ...MANAGER, deviceId: DEVICE },
  });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as Session;
}

async function act(request: APIRequestContext, session: Session, orderId: string, path: string, data = {}) {
  const response = await request.post(`/api/orders/${orderId}/${path}`, { headers: headers(session), data });
  expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
}

let data: Promise<Data> | undefined;

/** The orders the screens show, made once through the intake API and the REST actions. */
function setUp(request: APIRequestContext): Promise<Data> {
  data ??= (async () => {
    const session = await managerSession(request);
    const pull = await request.get('/api/sync/pull', { headers: headers(session) });
    const { stock, products } = (await pull.json()) as PullResponse;
    const plenty = new Set(
      stock.filter((row) => row.onHand - row.reserved - row.safetyStock >= 8).map((row) => row.productId),
    );
    const usable = products
      .filter((product) => plenty.has(product.id) && /^\d{8,14}$/.test(product.barcode))
      .sort((a, b) => b.sku.localeCompare(a.sku));
    expect(usable.length, 'stocked products for the layout orders').toBeGreaterThanOrEqual(16);
    let next = 0;
    let serial = 0;
    const create = async (lines: number, ship = false): Promise<IntakeResult> => {
      const chosen = usable.slice(next, next + lines);
      next += lines;
      const response = await request.post('/api/orders', {
        headers: { 'X-Api-Key': INTAKE_KEY },
        data: {
          // A web order number as platforms print them ("W7001001"), unique within the run.
          externalId: `W${String(Date.now()).slice(-6)}${String(++serial).padStart(2, '0')}`,
          channel: 'web',
          storeId: LAYOUT_STORE,
          fulfillmentType: ship ? 'ship_from_store' : 'pickup',
          promisedAt: new Date(Date.now() + 45 * 60_000).toISOString(),
          customer: { name: 'Maria Antonietta Bianchi', email: 'maria.bianchi@example.com', language: 'it' },
          ...(ship
            ? {
                shippingAddress: {
                  name: 'Maria Antonietta Bianchi',
                  line1: 'Via Garibaldi 12',
                  postcode: '10122',
                  city: 'Torino',
                  province: 'TO',
                  country: 'IT',
                },
              }
            : { pickupCode: PICKUP_CODE }),
          lines: chosen.map((product, i) => ({ sku: product.sku, qty: 1 + (i % 2), unitPriceCents: 4990 })),
        },
      });
      expect(response.status(), await response.text()).toBe(201);
      return (await response.json()) as IntakeResult;
    };
    const pickAll = async (order: IntakeResult) => {
      const detail = await request.get(`/api/orders/${order.id}`, { headers: headers(session) });
      const { lines } = (await detail.json()) as { lines: { barcode: string; qtyOrdered: number }[] };
      for (const line of lines) {
        for (let unit = 0; unit < line.qtyOrdered; unit++) {
          await act(request, session, order.id, 'pick', { code: line.barcode, qty: 1 });
        }
      }
      // The line with the most units: the first run returns one of them, later runs scan another.
      return [...lines].sort((x, y) => y.qtyOrdered - x.qtyOrdered)[0]!.barcode;
    };

    const fresh = await create(5);
    const picking = await create(5);
    await act(request, session, picking.id, 'claim');
    const picked = await create(1);
    await act(request, session, picked.id, 'claim');
    await pickAll(picked);
    const ready = await create(1);
    await act(request, session, ready.id, 'claim');
    await pickAll(ready);
    await act(request, session, ready.id, 'stage', { locationCode: `${LAYOUT_STORE}-A07`, shareShelf: true });
    const collected = await create(2);
    await act(request, session, collected.id, 'claim');
    const collectedBarcode = await pickAll(collected);
    await act(request, session, collected.id, 'stage', {
      locationCode: `${LAYOUT_STORE}-A08`,
      shareShelf: true,
    });
    await act(request, session, collected.id, 'handover', { code: PICKUP_CODE });

    const ship = await create(2, true);
    await act(request, session, ship.id, 'claim');
    await pickAll(ship);
    const product = usable[usable.length - 1]!;
    return {
      fresh,
      picking,
      picked,
      ready,
      collected,
      shipPicked: ship.id,
      product: { id: product.id, barcode: product.barcode },
      collectedBarcode,
    };
  })();
  return data;
}

interface Screen {
  name: string;
  path: (data: Data) => string;
  /** What shows once the screen is ready; the page's h1 by default. */
  ready?: (page: Page) => Locator;
  /** The screen's main action, which must sit in the first viewport; the h1 where there is none. */
  primary?: (page: Page) => Locator[];
  /** Steps after the screen opens (a scan), before the checks. */
  then?: (page: Page, data: Data) => Promise<void>;
  /** docs/screens/<shot>-<lang>.png, at 360 px. */
  shot?: string;
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const scanSubmit = (page: Page) => [page.locator('main form.scan-field button[type="submit"]').first()];
const mainPrimary = (page: Page) => [page.locator('main .btn--primary').first()];

const screens: Screen[] = [
  {
    name: 'queue',
    path: () => '/',
    ready: (page) => page.getByTestId('next-order'),
    primary: (page) => [page.getByTestId('next-order')],
    shot: 'queue',
  },
  {
    name: 'order to claim',
    path: (d) => `/orders/${d.fresh.id}`,
    primary: (page) => [page.getByTestId('claim-order')],
  },
  {
    name: 'pick, 5 lines',
    path: (d) => `/orders/${d.picking.id}`,
    ready: (page) => page.locator('.pick-line--next'),
    // The next line, its aisle and bay, and its action; the scan strip above them.
    primary: (page) => [
      page.locator('.pick-line--next .pick-line__location'),
      page.locator('.pick-line--next button').first(),
      page.locator('.pick-line--next button').last(),
      page.getByTestId('typed-entry-toggle'),
    ],
    shot: 'pick',
  },
  { name: 'stage', path: (d) => `/orders/${d.picked.id}/stage`, primary: scanSubmit },
  { name: 'handover', path: (d) => `/orders/${d.ready.id}/handover`, primary: scanSubmit },
  { name: 'pickup pass', path: (d) => `/orders/${d.ready.id}/pass`, primary: mainPrimary },
  { name: 'pack', path: (d) => `/orders/${d.shipPicked}/pack` },
  { name: 'ship from store', path: () => '/ship' },
  { name: 'batch pick', path: () => '/ship/batch' },
  { name: 'manifest', path: () => '/ship/manifest' },
  { name: 'arrivals', path: () => '/arrivals', primary: scanSubmit },
  { name: 'labels', path: () => '/labels', primary: mainPrimary },
  { name: 'activity', path: () => '/activity' },
  { name: 'settings', path: () => '/settings' },
  { name: 'kiosks', path: () => '/settings/kiosks' },
  {
    name: 'stock',
    path: () => '/stock',
    primary: scanSubmit,
    then: async (page, d) => {
      await wedgeScan(page, d.product.barcode);
      await expect(page.getByTestId('stock-product')).toBeVisible();
    },
    shot: 'stock',
  },
  {
    name: 'reserve elsewhere',
    path: (d) => `/stock/products/${d.product.id}/reserve/MI02`,
  },
  { name: 'returns', path: () => '/returns', primary: scanSubmit },
  {
    name: 'return with refund',
    path: (d) => `/returns/new/${d.collected.id}`,
    then: async (page, d) => {
      await wedgeScan(page, d.collectedBarcode);
      // With a reason the refund and its table show.
      await page.locator('main select:has(option[value="tooSmall"])').first().selectOption('tooSmall');
      await expect(page.getByTestId('refund-total')).toBeVisible();
    },
    shot: 'return',
  },
  {
    name: 'return receipt',
    path: (d) => d.returnPath ?? '/returns',
  },
  { name: 'returns review', path: () => '/returns/review' },
  { name: 'manager queue', path: () => '/manager', shot: 'manager-queue' },
  { name: 'manager KPIs', path: () => '/manager/kpis' },
];

async function signIn(page: Page): Promise<void> {
  await page.goto('/sign-in');
  await page.locator('#root select').first().selectOption(LAYOUT_STORE);
  const inputs = page.locator('form input');
  await inputs.nth(0).fill(MANAGER.employeeId);
  await inputs.nth(1).fill(MANAGER.pin);
  await page.locator('form button[type="submit"]').click();
  await expect(page.getByTestId('next-order')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-online', 'true');
}

async function layoutProblems(page: Page, width: number, primary: Locator[] | null): Promise<string[]> {
  const problems: string[] = [];
  const geometry = await page.evaluate(() => ({
    scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
    scrollY: window.scrollY,
    header: document.querySelector('.app-header')?.getBoundingClientRect().height ?? 0,
    title: document.title,
    // What sticks out, to say where the sideways scroll comes from.
    wide: [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .slice(-3)
      .map((element) => `${element.tagName.toLowerCase()}.${String(element.className).split(' ')[0]}`),
  }));
  if (geometry.scrollWidth > width)
    problems.push(`scrolls sideways: ${geometry.scrollWidth} px > ${width} (${geometry.wide.join(', ')})`);
  if (geometry.scrollY !== 0) problems.push(`opens scrolled down by ${geometry.scrollY} px`);
  if (geometry.header > 64) problems.push(`header is ${geometry.header} px tall`);
  if (geometry.title === 'Aisle') problems.push('the tab title does not name the screen');
  for (const locator of primary ?? []) {
    const box = await locator.boundingBox();
    if (!box) problems.push(`primary action ${locator.toString()} not shown`);
    else if (box.y < 0 || box.y + box.height > HEIGHT)
      problems.push(
        `primary action ${locator.toString()} at ${Math.round(box.y)}–${Math.round(box.y + box.height)} px`,
      );
  }
  return problems;
}

async function visitAll(
  browser: Browser,
  request: APIRequestContext,
  checkA11y: CheckA11y,
  width: number,
  language: 'en' | 'it',
  baseURL: string | undefined,
  options: { axe: boolean; height?: number } = { axe: true },
) {
  const d = await setUp(request);
  const context = await browser.newContext({
    baseURL,
    viewport: { width, height: options.height ?? HEIGHT },
    serviceWorkers: 'block',
    locale: 'en-GB',
    hasTouch: true,
  });
  await context.addInitScript((lang) => localStorage.setItem('aisle.language', lang), language);
  const page = await context.newPage();
  const failures: string[] = [];
  try {
    // Signed out: the sign-in screen.
    await page.goto('/sign-in');
    await expect(page.locator('form button[type="submit"]')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    const signInPrimary = options.axe ? [page.locator('form button[type="submit"]')] : null;
    for (const problem of await layoutProblems(page, width, signInPrimary))
      failures.push(`sign-in: ${problem}`);
    if (options.axe) await checkA11y(page);
    await signIn(page);

    for (const screen of screens) {
      await page.goto(screen.path(d));
      await expect((screen.ready ?? h1)(page).first()).toBeVisible({ timeout: 15_000 });
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      const primary = options.axe ? (screen.primary ?? ((p) => [h1(p)]))(page) : null;
      const problems = await layoutProblems(page, width, primary);
      if (screen.then) {
        await screen.then(page, d);
        const after = await page.evaluate(() => document.documentElement.scrollWidth);
        if (after > width) problems.push(`after its step, scrolls sideways: ${after} px`);
      }
      failures.push(...problems.map((problem) => `${screen.name}: ${problem}`));
      if (options.axe) await checkA11y(page);
      if (writeScreens && width === 360 && options.height === undefined && screen.shot) {
        mkdirSync('docs/screens', { recursive: true });
        await page.screenshot({ path: `docs/screens/${screen.shot}-${language}.png` });
      }
      if (screen.name === 'return with refund' && d.returnPath === undefined) {
        await page.getByTestId('return-submit').click();
        await expect(page).toHaveURL(/\/returns\/r\/[0-9a-f-]{36}$/);
        d.returnPath = new URL(page.url()).pathname;
      }
    }
  } finally {
    await context.close();
  }
  expect(failures, failures.join('\n')).toEqual([]);
}

test.describe.configure({ timeout: 900_000 });

for (const width of [360, 320]) {
  for (const language of ['en', 'it'] as const) {
    test(`every screen fits ${width} px in ${language === 'en' ? 'English' : 'Italian'}`, async ({
      browser,
      request,
      checkA11y,
    }, testInfo) => {
      await visitAll(browser, request, checkA11y, width, language, testInfo.project.use.baseURL);
    });
  }
}

test('every screen works at 200% zoom (640 × 360 CSS px) without sideways scrolling', async ({
  browser,
  request,
  checkA11y,
}, testInfo) => {
  // The primary action is checked against 640 px of height above; at 360 px tall only the width is.
  await visitAll(browser, request, checkA11y, 640, 'en', testInfo.project.use.baseURL, {
    axe: false,
    height: 360,
  });
});
