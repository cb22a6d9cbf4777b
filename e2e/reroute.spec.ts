import { expect, test } from './support/fixtures';
import {
  apiSignIn,
  claim,
  createOrder,
  expectDrained,
  freshProducts,
  getOrder,
  openOrder,
  signIn,
  wedgeScan,
} from './support/sync-helpers';

// Issue 5, point 4: a line picked short moves to the nearest store that has it, as a new order
// of the same customer journey. On a 360 px handheld.

test.use({ viewport: { width: 360, height: 740 } });

test('a short unit is found in another store and moved there', async ({ page, request, checkA11y }) => {
  const session = await apiSignIn(request);
  const [product] = await freshProducts(request, session, 1);
  const order = await createOrder(request, [{ product: product!, qty: 2 }]);

  await signIn(page);
  await openOrder(page, order);
  await claim(page);
  await wedgeScan(page, product!.barcode);
  await page.getByRole('button', { name: 'Short…' }).click();
  await page.getByRole('button', { name: 'Report short' }).click();
  await expect(page.getByTestId('order-status')).toHaveText('Picked');

  await page.getByRole('button', { name: 'Find it in another store' }).click();
  const proposal = page.getByText(/^Move 1 to .+, .+ km, \d+ available$/);
  await expect(proposal).toBeVisible({ timeout: 15_000 });
  await checkA11y();
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expectDrained(page);
  await expect(page.getByText(/^Moved to .+ · order W[0-9A-F]{8}$/)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(/^Also in this journey: W[0-9A-F]{8} at /)).toBeVisible();
  await checkA11y();

  const detail = await getOrder(request, session, order.id);
  const movedTo = detail.lines[0]!.reroutedTo!;
  expect(movedTo.storeId).not.toBe('MI01');
  expect(detail.journey).toEqual([
    expect.objectContaining({ id: movedTo.orderId, storeId: movedTo.storeId, status: 'new' }),
  ]);
});
