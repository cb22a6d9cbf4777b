import type { APIRequestContext } from '@playwright/test';
import type { Session } from '../src/contract/auth';
import { expect, test } from './support/fixtures';
import { curbsideLink, waitForMail } from './support/mailbox';
import {
  apiSignIn,
  authHeaders,
  createOrder,
  expectDrained,
  freshProducts,
  LOCATION,
  signIn,
  type TestOrder,
} from './support/sync-helpers';

// A curbside arrival (issue 7): the order is made ready through the API, the ready-for-pickup
// e-mail reaches the test SMTP server with the curbside link, the customer says "I'm here" from
// the car, the associate's device alerts with the spot and the car, the associate takes it and
// hands the order over at the car, and the customer's page says so.

async function makeReady(request: APIRequestContext, session: Session): Promise<TestOrder> {
  const [product] = await freshProducts(request, session, 1);
  const order = await createOrder(request, [{ product: product!, qty: 1 }], 'Marta Bianchi');
  const post = async (path: string, data: Record<string, unknown>) => {
    const response = await request.post(`/api/orders/${order.id}/${path}`, {
      headers: authHeaders(session),
      data,
    });
    expect(response.status(), await response.text()).toBe(200);
  };
  await post('claim', {});
  await post('pick', { code: product!.barcode });
  await post('stage', { locationCode: LOCATION });
  return order;
}

test('a curbside arrival: "I\'m here", the alert, "I\'m on it", the handover at the car', async ({
  page,
  browser,
  request,
  checkA11y,
}) => {
  const session = await apiSignIn(request);
  await signIn(page);
  const order = await makeReady(request, session);

  const mail = await waitForMail(order.number);
  const link = curbsideLink(mail);

  // The customer, on their phone: no sign-in.
  const phone = await browser.newContext({ locale: 'it-IT', serviceWorkers: 'block' });
  const customer = await phone.newPage();
  await customer.goto(link);
  await expect(customer.getByRole('heading', { level: 1, name: 'Ritiro in auto' })).toBeVisible();
  await expect(customer.getByText(`Ordine ${order.number}`)).toBeVisible();
  await checkA11y(customer);
  await customer.getByRole('button', { name: 'English' }).click();
  await expect(customer.getByRole('heading', { level: 1, name: 'Curbside pickup' })).toBeVisible();
  await checkA11y(customer);

  await customer.getByLabel('Parking spot number').fill('4');
  await customer.getByLabel('Car make').fill('Fiat');
  await customer.getByLabel('Colour').fill('red');
  await customer.getByRole('button', { name: 'I’m here' }).click();
  await expect(customer.getByTestId('curbside-status')).toHaveAttribute('data-state', 'arrived');
  await expect(customer.getByTestId('curbside-status')).toContainText('An associate is on the way');

  // The associate's device, on whatever screen: the alert with the spot and the car.
  const alert = page.locator(
    `[data-testid="customer-arrival-alert"][data-order-number="${order.number}"][data-kind="curbside"]`,
  );
  await expect(alert).toBeVisible({ timeout: 15_000 });
  await expect(alert).toContainText('Parking spot 4');
  await expect(alert).toContainText('red Fiat');
  await expect(page.getByTestId('alert-badge')).toHaveAttribute('data-count', /[1-9]/);
  await checkA11y(page, { include: ['.customer-alerts', '#alert-badge-slot'] });
  await page.getByRole('button', { name: 'IT', exact: true }).click();
  await expect(alert).toContainText('Posto auto 4');
  await checkA11y(page, { include: ['.customer-alerts', '#alert-badge-slot'] });
  await page.getByRole('button', { name: 'EN', exact: true }).click();

  await alert.getByRole('button', { name: 'I’m on it' }).click();
  await expect(alert).toHaveAttribute('data-acknowledged', 'true');
  await expect(alert).toContainText('You are on it');
  await expectDrained(page);
  await expect(customer.getByTestId('curbside-status')).toHaveAttribute('data-state', 'onTheWay', {
    timeout: 15_000,
  });

  // At the car: the handover, from the alert.
  await alert.getByRole('link', { name: `Hand over order ${order.number}` }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${order.id}/handover$`));
  await page.getByRole('textbox', { name: 'Pickup code' }).fill(order.pickupCode);
  await page.getByRole('button', { name: 'Hand over', exact: true }).click();
  await expect(page.getByTestId('order-status')).toHaveText('Collected');
  await expectDrained(page);
  await expect(alert).toHaveCount(0, { timeout: 15_000 });

  await expect(customer.getByTestId('curbside-status')).toHaveAttribute('data-state', 'handedOver', {
    timeout: 15_000,
  });
  await expect(customer.getByTestId('curbside-status')).toContainText('Enjoy');
  await phone.close();
});

test('a new order landing alerts the associate on any screen, with the count on the header badge', async ({
  page,
  request,
  checkA11y,
}) => {
  const session = await apiSignIn(request);
  await signIn(page);
  await page.getByTestId('settings-link').click();
  await expect(page.getByTestId('alert-settings')).toBeVisible();
  await expect(page.getByTestId('new-order-alert')).toHaveCount(0);

  const [product] = await freshProducts(request, session, 1);
  await createOrder(request, [{ product: product!, qty: 1 }]);
  const alert = page.getByTestId('new-order-alert');
  await expect(alert).toBeVisible({ timeout: 15_000 });
  await expect(alert).toContainText('A new order in the queue');
  await expect(page.getByTestId('alert-badge')).toBeVisible();
  await checkA11y(page);

  // Looking at the queue is seeing them.
  await alert.getByRole('link', { name: 'Open the queue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
  await expect(page.getByTestId('new-order-alert')).toHaveCount(0);
});
