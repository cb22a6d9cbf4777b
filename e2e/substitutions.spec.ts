import type { APIRequestContext, Browser, Locator, Page } from '@playwright/test';
import type { SubstitutionSettings } from '../src/contract/substitutions';
import { expect, test, type CheckA11y } from './support/fixtures';
import type { ReturnableOrder } from '../src/contract/returns';
import { chooseLanguage, openMenu } from './support/header';
import { waitForMail } from './support/mailbox';
import {
  apiSignIn,
  authHeaders,
  createOrder,
  claim,
  expectDrained,
  freshProducts,
  goOffline,
  goOnline,
  LOCATION,
  openOrder,
  signIn,
  snapshot,
  STORE_ID,
  type Product,
  type TestOrder,
  wedgeScan,
} from './support/sync-helpers';

// Issue 15: substitutions. The associate, offline, scans a substitute for an item not found;
// the customer asked to be asked, so it waits ("pending") while the picker goes on. Back online,
// the customer gets the e-mail with the signed link, sees both items and the money back, and
// accepts; the answer reaches the picker's screen by itself, and the order is staged.

/** A pickup order whose customer wants to be asked about each substitute. */
const askingOrder = (request: APIRequestContext, product: Product, unitPriceCents: number) =>
  createOrder(request, [{ product, qty: 1, unitPriceCents }], {
    customerName: 'Sara Neri',
    customerEmail: 'sara.neri@example.com',
    extra: {
      substitution: { mode: 'ask' },
      payment: { method: 'card', reference: 'PAY-E2E-SUBST' },
    },
  });

/** A hardware scanner's burst into the page, in one task (see wedgeScan in sync-helpers). */
async function scannerBurst(page: Page, code: string): Promise<void> {
  await expect(page.locator('html[data-wedge-scanner="listening"]')).toHaveCount(1);
  await page.evaluate(
    (keys) => {
      (document.activeElement as HTMLElement | null)?.blur();
      for (const key of keys) {
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      }
    },
    [...code, 'Enter'],
  );
}

function substitutionLink(text: string): string {
  const match = /https?:\/\/[^\s"<>]+\/substitution\/[A-Za-z0-9_-]+/.exec(text);
  expect(match, 'a substitution link in the e-mail').not.toBeNull();
  return match![0];
}

/** The customer's phone at 360 px, no sign-in, open at the link from the e-mail. */
async function openOnPhone(browser: Browser, mailText: string, locale: string) {
  const phone = await browser.newContext({
    locale,
    serviceWorkers: 'block',
    viewport: { width: 360, height: 740 },
  });
  const customer = await phone.newPage();
  await customer.goto(substitutionLink(mailText));
  return { phone, customer };
}

/** An <img> that loaded and was decoded: a blocked or broken picture has no natural width. */
async function expectDrawn(picture: Locator): Promise<void> {
  await expect(picture).toHaveAttribute('data-picture', 'shown');
  await expect
    .poll(() => picture.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)))
    .toBeGreaterThan(0);
}

/** The customer declines from the link, and the page says so. */
async function declineFromLink(customer: Page): Promise<void> {
  await customer.getByTestId('substitution-decline').click();
  await expect(customer.getByTestId('substitution-status')).toHaveAttribute('data-status', 'declined');
}

async function substituteOffline(page: Page, order: TestOrder, substitute: Product): Promise<void> {
  await page.getByTestId('substitute-open').click();
  await expect(page.getByRole('dialog', { name: 'Substitute' })).toBeVisible();
  await scannerBurst(page, substitute.barcode);
  const decision = page.getByTestId('substitute-decision');
  await expect(decision).toHaveAttribute('data-status', 'pending');
  await expect(decision).toHaveText('Needs approval: the customer asked to be asked each time.');
  await page.getByTestId('substitute-done').click();
  await expect(page.getByTestId('line-substitute')).toHaveAttribute('data-status', 'pending');
  await expect(page.getByTestId('order-status')).toHaveText('Picked');
  expect(order.number).toBeTruthy();
}

test('an offline substitute the customer approves from the link, and the difference refunded', async ({
  page,
  context,
  browser,
  request,
  checkA11y,
}) => {
  // Two devices, and seven axe scans: the picker offline, the customer in two languages at 360 and
  // 320 px, the refund in two.
  test.setTimeout(120_000);
  const session = await apiSignIn(request);
  const [ordered, substitute] = (await freshProducts(request, session, 2)) as [Product, Product];
  const order = await askingOrder(request, ordered, 99_900);
  await signIn(page);
  await openOrder(page, order);
  await claim(page);

  await goOffline(context, page);
  await substituteOffline(page, order, substitute);
  await checkA11y(page);
  await goOnline(context, page);
  await expectDrained(page);

  const mail = await waitForMail(order.number, /sostituto/);

  // The customer, on their phone, at 360 px: no sign-in.
  const { phone, customer } = await openOnPhone(browser, mail.text, 'it-IT');
  await expect(
    customer.getByRole('heading', { level: 1, name: 'Un sostituto per il tuo ordine' }),
  ).toBeVisible();
  await expect(customer.getByTestId('substitution-difference')).toContainText('ti rimborsiamo');
  // Both products with their pictures (the demo's drawings, served by the app itself), each
  // named by the product, and really drawn: a blocked or broken picture has no natural width.
  const catalogue = (await snapshot(request, session)).products;
  const offered = catalogue.find((p) => p.id === substitute.id)!;
  const picture = customer.getByTestId('substitution-offered-picture');
  await expect(picture).toHaveAttribute('alt', offered.nameIt);
  await expectDrawn(picture);
  await expectDrawn(customer.getByTestId('substitution-ordered-picture'));
  await checkA11y(customer);
  await customer.getByRole('button', { name: 'English' }).click();
  await expect(
    customer.getByRole('heading', { level: 1, name: 'A substitute for your order' }),
  ).toBeVisible();
  await expect(customer.getByTestId('substitution-difference')).toContainText('we refund you');
  await expect(picture).toHaveAttribute('alt', offered.nameEn);
  await checkA11y(customer);
  expect(await customer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  // At 320 px the two products still sit side by side, in both languages, with nothing sideways.
  await customer.setViewportSize({ width: 320, height: 640 });
  await checkA11y(customer);
  expect(await customer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await customer.getByRole('button', { name: 'Italiano' }).click();
  await expect(picture).toHaveAttribute('alt', offered.nameIt);
  await checkA11y(customer);
  expect(await customer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  const [left, right] = await Promise.all(
    ['substitution-ordered-picture', 'substitution-offered-picture'].map(
      async (id) => (await customer.getByTestId(id).boundingBox())!,
    ),
  );
  expect(Math.abs(left!.y - right!.y), 'side by side').toBeLessThan(2);
  await customer.getByTestId('substitution-accept').click();
  await expect(customer.getByTestId('substitution-status')).toHaveAttribute('data-status', 'accepted');

  // The picker's screen shows the answer by itself.
  await expect(page.getByTestId('line-substitute')).toHaveAttribute('data-status', 'accepted', {
    timeout: 15_000,
  });
  await page.getByRole('link', { name: 'Stage order' }).click();
  await page.getByRole('textbox', { name: 'Staging location' }).fill(LOCATION);
  await page.getByRole('button', { name: 'Stage', exact: true }).click();
  await expect(page.getByTestId('order-status')).toHaveText('Ready');
  await expectDrained(page);
  await phone.close();

  // Staging settled it: the difference went back to the card, once, and the order says so.
  const price = offered.priceCents;
  const refund = 99_900 - price;
  const shown = page.getByTestId('substitution-refund');
  await expect(shown).toHaveAttribute('data-cents', String(refund));
  const amount = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(refund / 100);
  await expect(shown).toHaveText(`Refunded ${amount}: the substitute is cheaper`);
  await checkA11y(page);
  await chooseLanguage(page, 'IT');
  await expect(shown).toHaveText(
    `Rimborsati ${new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR' }).format(refund / 100)}: il sostituto costa meno`,
  );
  await checkA11y(page);

  // Collected (the substitute is all the order holds), then brought back: at the returns counter
  // the kept substitute is an item of its own, by its own name and code, refunded at what the
  // customer paid for it (its own price: the difference went back at staging), and restocked
  // under its own product.
  await chooseLanguage(page, 'EN');
  await page.getByRole('link', { name: 'Hand over to customer' }).click();
  await expect(page.getByTestId(`handover-substitute-${substitute.sku}`)).toBeVisible();
  await expect(page.getByTestId(`refuse-substitute-${substitute.sku}`)).toBeVisible();
  await noSidewaysScroll(page);
  await page.getByRole('textbox', { name: 'Pickup code' }).fill(order.pickupCode);
  await page.getByRole('button', { name: 'Hand over', exact: true }).click();
  await expect(page.getByTestId('order-status')).toHaveText('Collected');
  await expectDrained(page);
  await returnKeptSubstitute(page, request, order, substitute, price, checkA11y);
});

/** The screen fits a 320 and a 360 px handheld without sideways scroll, then goes back to its size. */
async function noSidewaysScroll(page: Page): Promise<void> {
  const size = page.viewportSize()!;
  for (const width of [320, 360]) {
    await page.setViewportSize({ width, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }
  await page.setViewportSize(size);
}

/** The counter takes back the kept substitute of a collected order, and the refund is its price. */
async function returnKeptSubstitute(
  page: Page,
  request: APIRequestContext,
  order: TestOrder,
  substitute: Product,
  price: number,
  checkA11y: CheckA11y,
): Promise<void> {
  const session = await apiSignIn(request);
  const onHand = async () =>
    (await snapshot(request, session)).stock.find((row) => row.productId === substitute.id)?.onHand ?? 0;
  const before = await onHand();
  const viewed = await request.get(`/api/returns/orders/${order.id}`, { headers: authHeaders(session) });
  const item = ((await viewed.json()) as ReturnableOrder).lines.find((l) => l.productId === substitute.id)!;
  expect(item).toMatchObject({ sku: substitute.sku, unitPriceCents: price, qtyDelivered: 1 });

  await openMenu(page);
  await page.getByRole('link', { name: 'Returns', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Returns' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Find the order' }).fill(order.number);
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  await page.getByRole('link', { name: new RegExp(`^Order ${order.number}`) }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Return of order ${order.number}` }),
  ).toBeVisible();
  const line = page.getByTestId(`return-line-${substitute.sku}`);
  await expect(line.getByTestId('return-line-substitute')).toContainText('Kept instead of');
  await wedgeScan(page, substitute.barcode);
  await expect(line).toHaveAttribute('data-count', '1');
  await page.getByRole('combobox', { name: `Reason, ${item.nameEn} unit 1` }).selectOption('changedMind');
  const amount = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(price / 100);
  await expect(page.getByTestId('refund-total')).toHaveAttribute('data-cents', String(price));
  await expect(page.getByTestId('refund-total')).toHaveText(amount);
  await checkA11y(page);
  await noSidewaysScroll(page);

  await page.getByTestId('return-submit').click();
  await expect(page).toHaveURL(/\/returns\/r\/[0-9a-f-]{36}$/);
  // A hygiene substitute would wait for a manager (the catalogue's rule); any other is refunded.
  const state = item.returnable ? 'refunded' : 'review';
  test.info().annotations.push({ type: 'substitute return', description: state });
  await expect(page.getByTestId('return-state')).toHaveAttribute('data-state', state, { timeout: 20_000 });
  if (state === 'refunded') expect(await onHand()).toBe(before + 1);
}

test('a decline, and a substitute still pending staged without it', async ({
  page,
  browser,
  request,
  checkA11y,
}) => {
  const session = await apiSignIn(request);
  const [first, second, substitute] = (await freshProducts(request, session, 3)) as [
    Product,
    Product,
    Product,
  ];
  const declined = await askingOrder(request, first, 5_000);
  const waiting = await askingOrder(request, second, 5_000);
  await signIn(page);

  await openOrder(page, declined);
  await claim(page);
  await substituteOffline(page, declined, substitute);
  await expectDrained(page);
  const { phone, customer } = await openOnPhone(
    browser,
    (await waitForMail(declined.number, /sostituto/)).text,
    'en-GB',
  );
  await declineFromLink(customer);
  await expect(page.getByTestId('line-substitute')).toHaveAttribute('data-status', 'declined', {
    timeout: 15_000,
  });
  // A second answer is refused in words.
  await customer.reload();
  await expect(customer.getByTestId('substitution-status')).toHaveAttribute('data-status', 'declined');
  await phone.close();

  await page.goto('/');
  await openOrder(page, waiting);
  await claim(page);
  await substituteOffline(page, waiting, substitute);
  await expectDrained(page);
  await page.getByRole('link', { name: 'Stage order' }).click();
  await expect(page.getByTestId('stage-pending')).toBeVisible();
  await checkA11y(page);
  await page.getByTestId('stage-without-pending').click();
  await page.getByRole('textbox', { name: 'Staging location' }).fill(LOCATION);
  await page.getByRole('button', { name: 'Stage', exact: true }).click();
  await expect(page.getByTestId('order-status')).toHaveText('Ready');
  await expectDrained(page);
});

/** The store's substitution settings, as its manager reads and sets them. */
async function substitutionSettings(
  request: APIRequestContext,
): Promise<{ read(): Promise<SubstitutionSettings>; write(settings: SubstitutionSettings): Promise<void> }> {
  const deviceId = 'e2e-substitution-manager';
  const signedIn = await request.post('/api/auth/sign-in', {
    data: { storeId: STORE_ID, employeeId: '1000', pin: '9999', deviceId },
  });
  expect(signedIn.status(), await signedIn.text()).toBe(200);
  const { accessToken } = (await signedIn.json()) as { accessToken: string };
  const headers = { Authorization: `Bearer ${accessToken}`, 'X-Device-Id': deviceId };
  return {
    async read() {
      const response = await request.get('/api/manager/substitution-settings', { headers });
      expect(response.status(), await response.text()).toBe(200);
      return (await response.json()) as SubstitutionSettings;
    },
    async write(settings) {
      const response = await request.put('/api/manager/substitution-settings', { headers, data: settings });
      expect(response.status(), await response.text()).toBe(200);
    },
  };
}

/** The associate scans a substitute for a line of a longer order: it waits for the customer. */
async function substituteLine(page: Page, line: Locator, substitute: Product): Promise<void> {
  await line.getByTestId('substitute-open').click();
  await expect(page.getByRole('dialog', { name: 'Substitute' })).toBeVisible();
  await scannerBurst(page, substitute.barcode);
  await expect(page.getByTestId('substitute-decision')).toHaveAttribute('data-status', 'pending');
  await page.getByTestId('substitute-done').click();
  // On the line while the pick goes on; once picked, in the order's list of substitutes.
  await expect(substituteNotes(page, 'pending')).toHaveCount(1);
}

/** The substitute notes on the picker's screen in one state. */
const substituteNotes = (page: Page, status: string) =>
  page.locator(`[data-testid="line-substitute"][data-status="${status}"]`);

test('a decline from the link, then the deadline: both reach the picker, and staging waits for neither', async ({
  page,
  browser,
  request,
  checkA11y,
}) => {
  // The customer has a minute to answer (the shortest the store may set); the e2e server checks
  // deadlines every 2 s (SUBSTITUTION_CHECK_SECONDS), so the silence is noticed soon after.
  test.setTimeout(180_000);
  const session = await apiSignIn(request);
  const [first, second, forFirst, forSecond] = (await freshProducts(request, session, 4)) as [
    Product,
    Product,
    Product,
    Product,
  ];
  const settings = await substitutionSettings(request);
  const before = await settings.read();
  let order: TestOrder;
  await settings.write({ ...before, answerMinutes: 1 });
  try {
    // The order keeps the minute it was taken under; the store goes back to its own at once.
    order = await createOrder(
      request,
      [
        { product: first, qty: 1, unitPriceCents: 5_000 },
        { product: second, qty: 1, unitPriceCents: 5_000 },
      ],
      {
        customerName: 'Sara Neri',
        customerEmail: 'sara.neri@example.com',
        extra: {
          substitution: { mode: 'ask' },
          payment: { method: 'card', reference: 'PAY-E2E-DEADLINE' },
        },
      },
    );
  } finally {
    await settings.write(before);
  }

  await signIn(page);
  await openOrder(page, order);
  await claim(page);
  const firstLine = page.getByTestId(`line-${first.sku}`);

  // The first substitute: the customer declines it from the link.
  await substituteLine(page, firstLine, forFirst);
  await expectDrained(page);
  const { phone, customer } = await openOnPhone(
    browser,
    (await waitForMail(order.number, /sostituto/)).text,
    'en-GB',
  );
  await declineFromLink(customer);
  await phone.close();
  await expect(firstLine.getByTestId('line-substitute')).toHaveAttribute('data-status', 'declined', {
    timeout: 15_000,
  });
  await expect(substituteNotes(page, 'pending')).toHaveCount(0);

  // The second: nobody answers. At its deadline the server declines it, and the picker's screen
  // shows it by itself.
  await substituteLine(page, page.getByTestId(`line-${second.sku}`), forSecond);
  await expectDrained(page);
  await expect(page.getByTestId('order-status')).toHaveText('Picked');
  await expect(substituteNotes(page, 'declined')).toHaveCount(1);
  await expect(substituteNotes(page, 'pending')).toHaveCount(0, { timeout: 120_000 });
  await expect(substituteNotes(page, 'declined')).toHaveCount(2);
  await checkA11y(page);

  // Nothing waits any more: staging asks nothing about answers.
  await page.getByRole('link', { name: 'Stage order' }).click();
  await page.getByRole('textbox', { name: 'Staging location' }).fill(LOCATION);
  await expect(page.getByTestId('stage-pending')).toHaveCount(0);
  await expect(page.getByTestId('stage-without-pending')).toHaveCount(0);
  await page.getByRole('button', { name: 'Stage', exact: true }).click();
  await expect(page.getByTestId('order-status')).toHaveText('Ready');
  await expectDrained(page);
});

test('the Substitute dialog at 320 and 360 px, in English and Italian: axe, and no sideways scroll', async ({
  page,
  request,
  checkA11y,
}) => {
  // Nine axe scans: two widths, two languages, the scan step and a refusal, then the decision.
  test.setTimeout(240_000);
  const session = await apiSignIn(request);
  const [ordered, substitute] = (await freshProducts(request, session, 2)) as [Product, Product];
  const order = await createOrder(request, [{ product: ordered, qty: 2, unitPriceCents: 5_000 }], {
    extra: { substitution: { mode: 'ask' } },
  });
  await signIn(page);
  await openOrder(page, order);
  await claim(page);

  const noSidewaysScroll = async () => {
    const overflow = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth - window.innerWidth,
      dialog: [...document.querySelectorAll('dialog[open] *')].some(
        (el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible',
      ),
    }));
    expect(overflow).toEqual({ page: expect.any(Number), dialog: false });
    expect(overflow.page).toBeLessThanOrEqual(0);
  };
  const words = {
    EN: { title: 'Substitute', cancel: 'Cancel' },
    IT: { title: 'Sostituto', cancel: 'Annulla' },
  } as const;

  for (const width of [320, 360]) {
    await page.setViewportSize({ width, height: width === 320 ? 640 : 740 });
    for (const language of ['IT', 'EN'] as const) {
      // The header is inert behind a dialog: the language first.
      await chooseLanguage(page, language);
      await page.getByTestId('substitute-open').click();
      const dialog = page.getByRole('dialog', { name: words[language].title });
      await expect(dialog).toBeVisible();
      await checkA11y(page);
      await noSidewaysScroll();
      // A refusal in words (the ordered product itself), checked as well.
      await scannerBurst(page, ordered.barcode);
      await expect(dialog.getByRole('alert')).toBeVisible();
      await checkA11y(page);
      await noSidewaysScroll();
      await dialog.getByRole('button', { name: words[language].cancel, exact: true }).click();
      await expect(dialog).toBeHidden();
    }
  }

  // The decision, at the narrowest, in Italian.
  await page.setViewportSize({ width: 320, height: 640 });
  await chooseLanguage(page, 'IT');
  await page.getByTestId('substitute-open').click();
  await scannerBurst(page, substitute.barcode);
  await expect(page.getByTestId('substitute-decision')).toHaveAttribute('data-status', 'pending');
  await checkA11y(page);
  await noSidewaysScroll();
  await page.getByTestId('substitute-done').click();
  await expectDrained(page);
});
