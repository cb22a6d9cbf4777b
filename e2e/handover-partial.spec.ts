import type { APIRequestContext, Page } from '@playwright/test';
import type { Session } from '../src/contract/auth';
import type { OrderDetail } from '../src/contract/orders';
import type { ReturnableOrder } from '../src/contract/returns';
import { expect, test, type CheckA11y } from './support/fixtures';
import { chooseLanguage } from './support/header';
import {
  apiSignIn,
  createOrder,
  authHeaders,
  expectDrained,
  expectPending,
  freshProducts,
  goOffline,
  goOnline,
  getOrder,
  PICKUP_CODE,
  signIn,
  stockOf,
  type Product,
} from './support/sync-helpers';

// The handover at the counter (issue 15, ADR 0047), as an associate walks it: a partial
// handover then the rest, a refused item restocked and refunded, and an age-restricted order
// that cannot be handed over without the ID step. Each order is placed through the intake API
// and staged through the REST actions, so each test starts at the counter.

// A bin that holds several orders, used by no other spec.
const BIN = 'MI01-B05';

interface Staged {
  order: OrderDetail;
  products: Product[];
}

async function stagedOrder(
  request: APIRequestContext,
  session: Session,
  lines: { qty: number; minimumAge?: number }[],
): Promise<Staged> {
  const products = await freshProducts(request, session, lines.length);
  const { id } = await createOrder(
    request,
    lines.map((line, i) => ({
      product: products[i]!,
      qty: line.qty,
      unitPriceCents: 2500,
      extra: line.minimumAge ? { minimumAge: line.minimumAge } : undefined,
    })),
    { promisedInMinutes: 30 },
  );
  const act = async (action: string, data: object) => {
    const response = await request.post(`/api/orders/${id}/${action}`, {
      headers: authHeaders(session),
      data,
    });
    expect(response.status(), await response.text()).toBe(200);
  };
  await act('claim', {});
  for (const [i, line] of lines.entries()) await act('pick', { code: products[i]!.barcode, qty: line.qty });
  await act('stage', { locationCode: BIN, shareShelf: true });
  return { order: await getOrder(request, session, id), products };
}

async function openHandover(page: Page, order: OrderDetail): Promise<void> {
  await signIn(page);
  await page.goto(`/orders/${order.id}/handover`);
  await expect(
    page.getByRole('heading', { level: 1, name: `Hand over order ${order.number}` }),
  ).toBeVisible();
}

const lineOf = (order: OrderDetail, product: Product) => order.lines.find((l) => l.sku === product.sku)!;

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** axe in both languages, back in English after. */
async function checkBothLanguages(page: Page, checkA11y: CheckA11y): Promise<void> {
  await checkA11y(page);
  await chooseLanguage(page, 'IT');
  await checkA11y(page);
  await expectNoSidewaysScroll(page);
  await chooseLanguage(page, 'EN');
}

test('a partial handover, then the rest', async ({ page, request, checkA11y }) => {
  const session = await apiSignIn(request);
  const { order, products } = await stagedOrder(request, session, [{ qty: 2 }, { qty: 1 }]);
  const [shoes, belt] = products as [Product, Product];
  const before = await stockOf(request, session, products);
  await openHandover(page, order);
  await checkBothLanguages(page, checkA11y);

  // One of two now; the belt stays on the shelf.
  await page.getByTestId(`take-${shoes.sku}`).selectOption('1');
  await page.getByTestId(`take-${belt.sku}`).selectOption('0');
  await page.getByRole('textbox', { name: 'Pickup code' }).fill(PICKUP_CODE);
  await page.getByRole('button', { name: 'Hand over 1 now' }).click();
  await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-outcome', 'success');
  await expect(page.getByTestId(`handover-line-${shoes.sku}`)).toContainText('Taken earlier: 1');
  await expect(page.getByTestId('order-status')).toHaveText('Ready');
  await expect(page.getByTestId('partly-collected')).toHaveText(
    'Partly collected: 2 unit(s) still wait on the shelf.',
  );
  await expectDrained(page);
  const part = await getOrder(request, session, order.id);
  expect(part.status).toBe('ready');
  expect(lineOf(part, shoes).qtyHandedOver).toBe(1);
  expect(lineOf(part, belt).qtyHandedOver).toBe(0);
  const between = await stockOf(request, session, products);
  expect(between.get(shoes.id)).toMatchObject({
    onHand: before.get(shoes.id)!.onHand - 1,
    reserved: before.get(shoes.id)!.reserved - 1,
  });

  // The customer comes back for the rest.
  await page.getByRole('textbox', { name: 'Pickup code' }).fill(PICKUP_CODE);
  await page.getByRole('button', { name: 'Hand over', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Collected' })).toBeVisible();
  await expectDrained(page);
  const done = await getOrder(request, session, order.id);
  expect(done.status).toBe('collected');
  expect(done.lines.map((l) => l.qtyHandedOver)).toEqual(done.lines.map((l) => l.qtyPicked));
});

test('a refused item goes back on the shelf and is refunded', async ({ page, request, checkA11y }) => {
  const session = await apiSignIn(request);
  const { order, products } = await stagedOrder(request, session, [{ qty: 2 }]);
  const [shirt] = products as [Product];
  const before = await stockOf(request, session, products);
  await openHandover(page, order);

  // The refusal dialog in Italian first (the header is inert behind a dialog), then in English.
  await chooseLanguage(page, 'IT');
  await page.getByTestId(`refuse-${shirt.sku}`).click();
  const dialogIt = page.getByRole('dialog', { name: 'Il cliente rifiuta degli articoli' });
  await expect(dialogIt).toBeVisible();
  await checkA11y(page);
  await dialogIt.getByRole('button', { name: 'Annulla' }).click();
  await expect(dialogIt).toBeHidden();
  await chooseLanguage(page, 'EN');
  await page.getByTestId(`refuse-${shirt.sku}`).click();
  const dialog = page.getByRole('dialog', { name: 'The customer refuses items' });
  await expect(dialog).toBeVisible();
  await checkA11y(page);
  await dialog.getByLabel('Changed mind').check();
  await dialog.getByLabel('Back on the shelf').check();
  await dialog.getByTestId('refuse-submit').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId(`handover-line-${shirt.sku}`)).toContainText('refused: 1');
  await expectDrained(page);

  // Restocked: still on hand, out of the reservation, so the shop can sell it again.
  const after = await stockOf(request, session, products);
  expect(after.get(shirt.id)).toMatchObject({
    onHand: before.get(shirt.id)!.onHand,
    reserved: before.get(shirt.id)!.reserved - 1,
  });
  // Refunded once, as a return the returns counter sees.
  const returnable = await request.get(`/api/returns/orders/${order.id}`, { headers: authHeaders(session) });
  expect(returnable.status(), await returnable.text()).toBe(200);
  const seen = (await returnable.json()) as ReturnableOrder;
  expect(seen.lines[0]).toMatchObject({ qtyReturned: 1 });

  await page.getByRole('textbox', { name: 'Pickup code' }).fill(PICKUP_CODE);
  await page.getByRole('button', { name: 'Hand over', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Collected' })).toBeVisible();
  await expectDrained(page);
  const done = await getOrder(request, session, order.id);
  expect(done.lines[0]).toMatchObject({ qtyHandedOver: 1, qtyRefused: 1 });
});

test('offline, a refusal and a partial handover wait in the outbox and drain when back online', async ({
  page,
  context,
  request,
}) => {
  const session = await apiSignIn(request);
  const { order, products } = await stagedOrder(request, session, [{ qty: 3 }]);
  const [socks] = products as [Product];
  await openHandover(page, order);
  await goOffline(context, page);

  await page.getByTestId(`refuse-${socks.sku}`).click();
  const dialog = page.getByRole('dialog', { name: 'The customer refuses items' });
  await dialog.getByLabel('Damaged', { exact: true }).check();
  await dialog.getByLabel('Damaged, not for sale').check();
  await dialog.getByTestId('refuse-submit').click();
  await expect(dialog).toBeHidden();
  await page.getByTestId(`take-${socks.sku}`).selectOption('1');
  await page.getByRole('textbox', { name: 'Pickup code' }).fill(PICKUP_CODE);
  await page.getByRole('button', { name: 'Hand over 1 now' }).click();
  await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-outcome', 'success');
  // The device shows both at once; the server has neither yet.
  await expect(page.getByTestId(`handover-line-${socks.sku}`)).toContainText('Taken earlier: 1 · refused: 1');
  await expectPending(page, 2);
  expect((await getOrder(request, session, order.id)).lines[0]).toMatchObject({
    qtyHandedOver: 0,
    qtyRefused: 0,
  });

  await goOnline(context, page);
  await expectDrained(page);
  const synced = await getOrder(request, session, order.id);
  expect(synced.status).toBe('ready');
  expect(synced.lines[0]).toMatchObject({ qtyHandedOver: 1, qtyRefused: 1 });
});

test.describe('on a 360 px handheld', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true });

  test('an age-restricted order cannot be handed over without the ID step', async ({
    page,
    request,
    checkA11y,
  }) => {
    const session = await apiSignIn(request);
    const { order } = await stagedOrder(request, session, [{ qty: 1, minimumAge: 18 }, { qty: 1 }]);
    await openHandover(page, order);

    // No pickup code to type until the ID is checked; the server refuses a handover anyway.
    await expect(page.getByTestId('id-first')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Pickup code' })).toHaveCount(0);
    await checkBothLanguages(page, checkA11y);
    // The narrowest handheld too: the form and the lines fit without sideways scrolling.
    await page.setViewportSize({ width: 320, height: 640 });
    await expectNoSidewaysScroll(page);
    await page.setViewportSize({ width: 360, height: 740 });
    const refused = await request.post(`/api/orders/${order.id}/handover`, {
      headers: authHeaders(session),
      data: { code: PICKUP_CODE },
    });
    expect(refused.status()).toBe(409);
    expect(((await refused.json()) as { code: string }).code).toBe('idCheck.required');

    const year = new Date().getUTCFullYear();
    await page.getByLabel('Document', { exact: true }).selectOption('identityCard');
    await page.getByTestId('id-last4').fill('ab12');
    await page.getByTestId('id-birth').fill(`${year - 16}-05-01`);
    await page.getByTestId('id-submit').click();
    await expect(page.getByRole('alert')).toContainText('under the minimum age');
    await expect(page.getByTestId('id-first')).toBeVisible();

    await page.getByTestId('id-birth').fill(`${year - 30}-05-01`);
    await page.getByTestId('id-submit').click();
    await expect(page.getByTestId('id-checked')).toContainText('AB12');
    // The form that had focus is gone: the confirmation takes it, for keyboard and screen reader.
    await expect(page.getByTestId('id-checked')).toBeFocused();
    await checkBothLanguages(page, checkA11y);
    await page.getByRole('textbox', { name: 'Pickup code' }).fill(PICKUP_CODE);
    await page.getByRole('button', { name: 'Hand over', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Collected' })).toBeVisible();
    await expectDrained(page);
    const done = await getOrder(request, session, order.id);
    expect(done.status).toBe('collected');
    expect(done.idCheck).toMatchObject({ documentType: 'identityCard', last4: 'AB12' });
  });
});
