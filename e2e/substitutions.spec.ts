import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { waitForMail } from './support/mailbox';
import {
  apiSignIn,
  createOrder,
  claim,
  expectDrained,
  freshProducts,
  goOffline,
  goOnline,
  LOCATION,
  openOrder,
  signIn,
  type Product,
  type TestOrder,
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
  const link = substitutionLink(mail.text);

  // The customer, on their phone, at 360 px: no sign-in.
  const phone = await browser.newContext({
    locale: 'it-IT',
    serviceWorkers: 'block',
    viewport: { width: 360, height: 740 },
  });
  const customer = await phone.newPage();
  await customer.goto(link);
  await expect(
    customer.getByRole('heading', { level: 1, name: 'Un sostituto per il tuo ordine' }),
  ).toBeVisible();
  await expect(customer.getByTestId('substitution-difference')).toContainText('ti rimborsiamo');
  await checkA11y(customer);
  await customer.getByRole('button', { name: 'English' }).click();
  await expect(
    customer.getByRole('heading', { level: 1, name: 'A substitute for your order' }),
  ).toBeVisible();
  await expect(customer.getByTestId('substitution-difference')).toContainText('we refund you');
  await checkA11y(customer);
  expect(await customer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
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
});

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
  const link = substitutionLink((await waitForMail(declined.number, /sostituto/)).text);
  const phone = await browser.newContext({
    locale: 'en-GB',
    serviceWorkers: 'block',
    viewport: { width: 360, height: 740 },
  });
  const customer = await phone.newPage();
  await customer.goto(link);
  await customer.getByTestId('substitution-decline').click();
  await expect(customer.getByTestId('substitution-status')).toHaveAttribute('data-status', 'declined');
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
