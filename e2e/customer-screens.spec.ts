import type { APIRequestContext, Browser, Page } from '@playwright/test';
import type { Session } from '../src/contract/auth';
import type { EnrolledKiosk, EnrollmentCode } from '../src/contract/kiosk';
import { barcodeVideo, launchWithCamera } from './support/fake-camera';
import { expect, test, watchCsp, type CheckA11y } from './support/fixtures';
import {
  apiSignIn,
  authHeaders,
  createOrder,
  freshProducts,
  INTAKE_KEY,
  LOCATION,
  openOrder,
  signIn,
  STORE_ID,
  type Product,
  type TestOrder,
} from './support/sync-helpers';

// Issue 14, point 9: the customers' screens, reachable from the demo. A kiosk enrolls by
// scanning the QR a manager's screen shows (camera or scanner); the counter keeps the
// customer's language through the rating; the board pages through long lists and fits a TV and
// a tablet without scrolling; the order screen shows the curbside link as a QR and copies it.

const MANAGER_ID = '1000';
const MANAGER_PIN = '9999';

async function managerSession(request: APIRequestContext): Promise<Session> {
  const response = await request.post('/api/auth/sign-in', {
    data: { storeId: STORE_ID, employeeId: MANAGER_ID, pin: MANAGER_PIN, deviceId: 'e2e-customer-manager' },
  });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as Session;
}

async function issueCode(request: APIRequestContext, name: string): Promise<EnrollmentCode> {
  const manager = await managerSession(request);
  const response = await request.post('/api/kiosks/enrollment-codes', {
    headers: { Authorization: `Bearer ${manager.accessToken}` },
    data: { name },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as EnrollmentCode;
}

/** A kiosk enrolled through the API, the way an already set-up device holds its secret. */
async function enrolledKiosk(browser: Browser, request: APIRequestContext, name: string) {
  const manager = await managerSession(request);
  const enrolled = await request.post('/api/kiosks', {
    headers: { Authorization: `Bearer ${manager.accessToken}` },
    data: { name },
  });
  expect(enrolled.status(), await enrolled.text()).toBe(201);
  const { secret } = (await enrolled.json()) as EnrolledKiosk;
  const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-GB' });
  watchCsp(context);
  await context.addInitScript((key) => localStorage.setItem('aisle.kioskSecret', key), secret);
  return context;
}

async function readyOrder(request: APIRequestContext, customer: string): Promise<TestOrder> {
  const session = await apiSignIn(request);
  const [product] = await freshProducts(request, session, 1);
  const order = await createOrder(request, [{ product: product!, qty: 1 }], customer);
  for (const [step, data] of [
    ['claim', {}],
    ['pick', { code: product!.barcode }],
    ['stage', { locationCode: LOCATION, shareShelf: true }],
  ] as const) {
    const response = await request.post(`/api/orders/${order.id}/${step}`, {
      headers: authHeaders(session),
      data,
    });
    expect(response.status(), `${step}: ${await response.text()}`).toBe(200);
  }
  return order;
}

async function handOver(request: APIRequestContext, order: TestOrder): Promise<void> {
  const response = await request.post(`/api/orders/${order.id}/handover`, {
    headers: authHeaders(await apiSignIn(request)),
    data: { code: order.pickupCode },
  });
  expect(response.status(), await response.text()).toBe(200);
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
    width: window.innerWidth,
  }));
  expect(scroll, 'the page must not scroll sideways').toBeLessThanOrEqual(width);
}

/** At each phone width, in the page's current state: nothing wider than the screen. */
async function expectPhoneWidths(page: Page, check?: () => Promise<void>): Promise<void> {
  const before = page.viewportSize();
  for (const width of [320, 360]) {
    await page.setViewportSize({ width, height: 640 });
    await expectNoSidewaysScroll(page);
    await check?.();
  }
  if (before) await page.setViewportSize(before);
}

/** Both languages through the header's toggle of a public screen, axe-checked in each. */
async function checkBothLanguages(page: Page, checkA11y: CheckA11y): Promise<void> {
  await page.getByRole('button', { name: 'Italiano' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
  await checkA11y(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await checkA11y(page);
}

/** Scans like a keyboard-wedge scanner: one burst of keys ending in Enter, no field focused. */
async function wedge(page: Page, text: string): Promise<void> {
  await page.evaluate(
    (keys) => {
      (document.activeElement as HTMLElement | null)?.blur();
      for (const key of keys) {
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      }
    },
    [...text, 'Enter'],
  );
}

test("a kiosk enrolls by scanning the QR on the manager's screen with its camera", async ({
  page,
  request,
  checkA11y,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.goto('/sign-in');
  await page.getByLabel('Store').selectOption(STORE_ID);
  await page.getByLabel('Employee ID').fill(MANAGER_ID);
  await page.getByLabel('PIN', { exact: true }).fill(MANAGER_PIN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
  await page.goto('/settings/kiosks');
  await page.getByRole('textbox', { name: 'Kiosk name' }).fill('Counter QR');
  await page.getByTestId('show-enrollment-qr').click();
  const shown = page.getByTestId('enrollment-qr');
  await expect(shown).toHaveAttribute('data-state', 'waiting');
  const qr = page.getByRole('img', { name: 'Enrollment QR code for the kiosk "Counter QR"' });
  await expect(qr).toBeVisible();
  const text = (await qr.getAttribute('data-qr')) ?? '';
  expect(text).toMatch(/^AISLE:KIOSK:1:[A-Za-z0-9_-]{48}$/);
  await checkA11y(page);
  await page.getByRole('button', { name: 'IT', exact: true }).click();
  await expect(
    page.getByRole('img', { name: 'Codice QR di configurazione del chiosco "Counter QR"' }),
  ).toBeVisible();
  await checkA11y(page);
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expectPhoneWidths(page);

  // The kiosk: a tablet whose camera sees the manager's screen.
  const camera = await barcodeVideo(text, 'qrcode', { seconds: 3 });
  const cameraBrowser = await launchWithCamera(camera.video);
  try {
    const context = await cameraBrowser.newContext({
      baseURL: testInfo.project.use.baseURL,
      serviceWorkers: 'block',
      locale: 'en-GB',
    });
    watchCsp(context);
    const kiosk = await context.newPage();
    await kiosk.goto('/counter');
    const setup = kiosk.getByTestId('kiosk-not-enrolled');
    await expect(setup).toBeVisible();
    await expect(
      kiosk.getByRole('heading', { name: 'Questo dispositivo non è configurato come chiosco' }),
    ).toBeVisible();
    await checkA11y(kiosk);
    await kiosk.getByRole('button', { name: 'English' }).click();
    await expect(setup).toContainText('shows an enrollment QR code');
    await checkA11y(kiosk);
    await expectPhoneWidths(kiosk);

    await kiosk.getByTestId('camera-toggle').click();
    // Enrolled: the counter opens (in Italian, for the first customer), and it does not take the
    // manager's QR still in front of its camera for a pickup pass.
    await expect(kiosk.getByRole('heading', { name: 'Ritiri un ordine online?' })).toBeVisible({
      timeout: 20_000,
    });
    await expect(kiosk.getByTestId('check-in-error')).toHaveCount(0);
    expect(await kiosk.evaluate(() => localStorage.getItem('aisle.kioskSecret'))).toMatch(/^kiosk_/);
  } finally {
    await cameraBrowser.close();
    camera.dispose();
  }

  // The manager's screen says so, and lists the new kiosk.
  await expect(shown).toHaveAttribute('data-state', 'used', { timeout: 10_000 });
  await expect(shown).toContainText('Done: the kiosk "Counter QR" is enrolled.');
  await expect(page.getByTestId('kiosk-row').filter({ hasText: 'Counter QR' })).toBeVisible();
  await checkA11y(page);

  // Used once: the same QR enrolls nothing more.
  const again = await request.post('/api/kiosk/enroll', { data: { code: text } });
  expect(again.status()).toBe(409);
  expect(((await again.json()) as { code: string }).code).toBe('kiosk.enrollmentUsed');
});

test('a board enrolls from a hardware scanner, and a wrong code says what to do', async ({
  page,
  request,
  checkA11y,
}) => {
  await page.goto('/board');
  const setup = page.getByTestId('kiosk-not-enrolled');
  await expect(setup).toBeVisible();
  await checkBothLanguages(page, checkA11y);
  await expectPhoneWidths(page);

  await wedge(page, '8001234567890');
  await expect(page.getByTestId('kiosk-setup-status')).toHaveText(
    'That is not a kiosk enrollment code. Scan the QR code on the manager’s screen.',
  );
  const code = await issueCode(request, 'Board by the door');
  await wedge(page, code.text);
  await expect(page.getByTestId('board-ready')).toBeVisible({ timeout: 10_000 });
  await expect(setup).toHaveCount(0);
});

test("the counter keeps the customer's language through the rating, until it resets for the next one", async ({
  browser,
  request,
  checkA11y,
}) => {
  // Two handovers, each waiting for the counter's 10-second status poll.
  test.setTimeout(120_000);
  const context = await enrolledKiosk(browser, request, 'Counter languages');
  const kiosk = await context.newPage();
  const checkIn = async (order: TestOrder, labels: { number: string; code: string; submit: string }) => {
    const form = kiosk.getByTestId('check-in-form');
    await form.getByLabel(labels.number).fill(order.number);
    await form.getByLabel(labels.code).fill(order.pickupCode);
    await form.getByRole('button', { name: labels.submit }).click();
    await expect(kiosk.getByTestId('check-in-outcome')).toHaveAttribute('data-outcome', 'arrived');
  };
  const italian = { number: 'Numero d’ordine', code: 'Codice di ritiro (6 cifre)', submit: 'Registrati' };
  const english = { number: 'Order number', code: 'Pickup code (6 digits)', submit: 'Check in' };

  // An Italian customer picks Italian, checks in, and steps back from the screen.
  const first = await readyOrder(request, 'Paola Neri');
  await kiosk.goto('/counter');
  await kiosk.getByRole('button', { name: 'English' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Collecting an online order?' })).toBeVisible();
  await kiosk.getByRole('button', { name: 'Italiano' }).click();
  await checkIn(first, italian);
  await expect(kiosk.getByTestId('check-in-outcome')).toContainText('Stiamo portando il tuo ordine');
  await kiosk.getByRole('button', { name: 'Fatto' }).click();
  // Meanwhile someone else turns the kiosk to English.
  await kiosk.getByRole('button', { name: 'English' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Collecting an online order?' })).toBeVisible();

  // Her order is handed over: the rating is hers, so it is asked in Italian, to the end.
  await handOver(request, first);
  const rating = kiosk.getByTestId('rating-step');
  await expect(rating).toBeVisible({ timeout: 25_000 });
  await expect(rating.getByRole('heading', { name: 'Com’è andato il ritiro?' })).toBeVisible();
  await expect(kiosk.locator('html')).toHaveAttribute('lang', 'it');
  await expect(kiosk.getByRole('button', { name: 'Italiano' })).toHaveAttribute('aria-pressed', 'true');
  await checkA11y(kiosk);
  await expectPhoneWidths(kiosk, () => expect(rating).toBeVisible());
  await rating.getByRole('radio', { name: '4 stelle' }).check();
  await rating.getByRole('button', { name: 'Invia il voto' }).click();
  const thanks = kiosk.getByTestId('rating-thanks');
  await expect(thanks).toHaveText(/Grazie per il tuo parere!/);
  await thanks.getByRole('button', { name: 'Fatto' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Ritiri un ordine online?' })).toBeVisible();

  // An English customer: checks in in English, the kiosk resets to Italian for the next one,
  // and the rating comes in English.
  const second = await readyOrder(request, 'John Smith');
  await kiosk.getByRole('button', { name: 'English' }).click();
  await checkIn(second, english);
  await expect(kiosk.getByTestId('check-in-outcome')).toContainText('We are bringing your order');
  await kiosk.getByRole('button', { name: 'Done' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Ritiri un ordine online?' })).toBeVisible();
  await handOver(request, second);
  await expect(rating.getByRole('heading', { name: 'How was your pickup?' })).toBeVisible({
    timeout: 25_000,
  });
  await expect(kiosk.locator('html')).toHaveAttribute('lang', 'en');
  await checkA11y(kiosk);
  await rating.getByRole('button', { name: 'No thanks' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Ritiri un ordine online?' })).toBeVisible();
  await context.close();
});

/** Orders waiting to be prepared, promised days ahead so other journeys' queues barely see them. */
async function waitingOrders(request: APIRequestContext, count: number): Promise<string[]> {
  const session = await apiSignIn(request);
  const products: Product[] = await freshProducts(request, session, Math.ceil(count / 3), 6);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const externalId = `e2e-board-${Date.now()}-${i}`;
    const response = await request.post('/api/orders', {
      headers: { 'X-Api-Key': INTAKE_KEY },
      data: {
        externalId,
        channel: 'web',
        storeId: STORE_ID,
        fulfillmentType: 'pickup',
        promisedAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
        customer: { name: `Board Customer${i}`, email: `board${i}@example.com`, language: 'it' },
        lines: [{ sku: products[i % products.length]!.sku, qty: 1, unitPriceCents: 990 }],
      },
    });
    expect(response.status(), await response.text()).toBe(201);
    ids.push(externalId);
  }
  return ids;
}

async function cancelOrders(request: APIRequestContext, externalIds: string[]): Promise<void> {
  for (const externalId of externalIds) {
    await request.post(`/api/orders/external/${externalId}/cancel`, {
      headers: { 'X-Api-Key': INTAKE_KEY },
      data: { reason: 'e2e board paging done' },
    });
  }
}

/** The board fits the screen: no scroll either way, every shown entry inside the viewport. */
async function expectBoardFits(board: Page): Promise<void> {
  const geometry = await board.evaluate(() => {
    const outside = [...document.querySelectorAll('[data-testid="board-entry"]')].filter((entry) => {
      const box = entry.getBoundingClientRect();
      return box.bottom > window.innerHeight + 0.5 || box.right > window.innerWidth + 0.5;
    }).length;
    const root = document.documentElement;
    return {
      outside,
      tall: root.scrollHeight - window.innerHeight,
      wide: Math.max(root.scrollWidth, document.body.scrollWidth) - window.innerWidth,
    };
  });
  expect(geometry).toEqual({ outside: 0, tall: 0, wide: 0 });
}

test('the board pages through a long list on a timer, sized for a 1080p TV and a tablet', async ({
  browser,
  request,
  checkA11y,
}) => {
  test.setTimeout(120_000);
  const context = await enrolledKiosk(browser, request, 'Board TV');
  const board = await context.newPage();
  await board.clock.install();
  await board.setViewportSize({ width: 1920, height: 1080 });
  await board.goto('/board');
  const preparing = board.getByTestId('board-preparing');
  await expect(preparing).toBeVisible();
  const perPage = Number(await preparing.getAttribute('data-per-page'));
  expect(perPage).toBeGreaterThan(6);
  const shown = await preparing.getByTestId('board-entry').count();
  const created = await waitingOrders(request, Math.max(0, perPage + 4 - shown));
  try {
    await board.reload();
    await expect(preparing).not.toHaveAttribute('data-pages', '1');
    const pages = Number(await preparing.getAttribute('data-pages'));
    await expect(preparing).toHaveAttribute('data-page', '1');
    await expect(preparing.getByTestId('board-entry')).toHaveCount(perPage);
    await expect(board.getByTestId('board-preparing-pager')).toContainText(`Pagina 1 di ${pages}`);
    await expectBoardFits(board);
    await checkA11y(board);

    // The clock turns the page, and wraps around; "stop" holds it.
    await board.clock.fastForward(8_100);
    await expect(preparing).toHaveAttribute('data-page', '2');
    await expect(board.getByTestId('board-preparing-pager')).toContainText(`Pagina 2 di ${pages}`);
    await board.getByTestId('board-pause').click();
    await expect(board.getByTestId('board-pause')).toHaveAttribute('aria-pressed', 'true');
    await board.clock.fastForward(20_000);
    await expect(preparing).toHaveAttribute('data-page', '2');
    await board.getByTestId('board-pause').click();

    await board.getByRole('button', { name: 'English' }).click();
    await expect(board.getByTestId('board-preparing-pager')).toContainText(/Page \d+ of \d+/);
    await checkA11y(board);

    // A tablet either way up, and a phone: smaller pages, still no scrolling.
    for (const size of [
      { width: 1280, height: 800 },
      { width: 800, height: 1280 },
      { width: 1024, height: 768 },
    ]) {
      await board.setViewportSize(size);
      await expect
        .poll(async () => Number(await preparing.getAttribute('data-per-page')))
        .toBeLessThan(perPage);
      await expectBoardFits(board);
    }
    for (const width of [320, 360]) {
      await board.setViewportSize({ width, height: 640 });
      await expectNoSidewaysScroll(board);
    }

    // Pages fade in, except for those who asked for less motion.
    const animation = () =>
      board.evaluate(() => getComputedStyle(document.querySelector('.board__list')!).animationName);
    expect(await animation()).toBe('board-page-in');
    await board.emulateMedia({ reducedMotion: 'reduce' });
    expect(await animation()).toBe('none');
  } finally {
    await cancelOrders(request, created);
    await context.close();
  }
});

test('the order screen shows the curbside link as a QR, and copies it', async ({
  page,
  context,
  browser,
  request,
  checkA11y,
}, testInfo) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: String(testInfo.project.use.baseURL),
  });
  const order = await readyOrder(request, 'Marco Gialli');
  await signIn(page);
  await openOrder(page, order);
  const panel = page.getByTestId('curbside-link');
  await expect(panel.getByRole('heading', { name: 'Curbside pickup' })).toBeVisible();
  await panel.getByRole('button', { name: 'Show the curbside link' }).click();
  const qr = panel.getByRole('img', { name: `QR code of the curbside link for order ${order.number}` });
  await expect(qr).toBeVisible();
  const url = (await qr.getAttribute('data-qr')) ?? '';
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/curbside\/[A-Za-z0-9_-]{48}$/);
  await expect(panel.getByTestId('curbside-link-url')).toHaveValue(url);
  await panel.getByRole('button', { name: 'Copy the link' }).click();
  await expect(panel.getByTestId('curbside-link-copy')).toHaveText('Link copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await checkA11y(page);
  await page.getByRole('button', { name: 'IT', exact: true }).click();
  await expect(panel.getByRole('button', { name: 'Nascondi il link per il ritiro in auto' })).toBeVisible();
  await expect(
    panel.getByRole('img', { name: `Codice QR del link per il ritiro in auto dell’ordine ${order.number}` }),
  ).toBeVisible();
  await checkA11y(page);
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expectPhoneWidths(page, () =>
    expect(panel.getByRole('button', { name: 'Copy the link' })).toBeVisible(),
  );

  // The customer's phone opens it: the curbside page of this order.
  const phone = await browser.newContext({ locale: 'it-IT', serviceWorkers: 'block' });
  watchCsp(phone);
  const customer = await phone.newPage();
  await customer.goto(url);
  await expect(customer.getByRole('heading', { level: 1, name: 'Ritiro in auto' })).toBeVisible();
  await expect(customer.getByText(`Ordine ${order.number}`)).toBeVisible();
  await phone.close();
});
