import type { PushBody } from '../src/contract/sync';
import { toGtin14 } from '../src/domain/gtin';
import { expect, test } from './support/fixtures';
import {
  apiSignIn,
  attentionItems,
  claim,
  createOrder,
  expectDrained,
  freshProducts,
  goOffline,
  goOnline,
  openActivity,
  openOrder,
  pickedBySku,
  signIn,
  wedgeScan,
} from './support/sync-helpers';

// Issue 12, point 3, on the device: whatever the server answers, the device isolates the
// command at fault. Here the server refuses, as a whole, every batch that holds one particular
// pick (as a proxy's body limit or a server bug would). The device must narrow its batches until
// that pick stands alone, park it under "Needs attention" in words, apply the others exactly
// once, and never resend the refused batch for ever.

test('a batch the server refuses is narrowed to the command at fault, which is parked', async ({
  page,
  context,
  request,
}) => {
  const session = await apiSignIn(request);
  const [first, poison, last] = await freshProducts(request, session, 3);
  const order = await createOrder(request, [
    { product: first!, qty: 1 },
    { product: poison!, qty: 1 },
    { product: last!, qty: 1 },
  ]);
  await signIn(page);
  await openOrder(page, order);
  await claim(page);
  await expectDrained(page);

  // The device sends a product's code as its GTIN-14, whatever form the label printed.
  const poisonCode = toGtin14(poison!.barcode);
  let poisoned = 0;
  await page.route('**/api/sync/push', async (route) => {
    const body = route.request().postDataJSON() as PushBody;
    const holdsPoison = body.mutations.some(
      (m) => m.name === 'pick.confirm' && (m.args as { code?: string }).code === poisonCode,
    );
    if (!holdsPoison) return route.continue();
    poisoned += 1;
    return route.fulfill({
      status: 413,
      contentType: 'application/json',
      body: JSON.stringify({ code: 'request.tooLarge', message: 'Request body is too large' }),
    });
  });

  await goOffline(context, page);
  await wedgeScan(page, first!.barcode);
  await wedgeScan(page, poison!.barcode);
  await wedgeScan(page, last!.barcode);
  await goOnline(context, page);

  await expect
    .poll(() => pickedBySku(request, session, order.id), { timeout: 30_000 })
    .toEqual({ [first!.sku]: 1, [poison!.sku]: 0, [last!.sku]: 1 });
  await expectDrained(page);

  await openActivity(page);
  const attention = attentionItems(page);
  await expect(attention).toHaveCount(1);
  await expect(attention).toHaveAttribute('data-name', 'pick.confirm');
  await expect(attention).toHaveAttribute('data-code', 'request.tooLarge');
  await expect(attention).not.toContainText('request.tooLarge');
  await expect(attention.getByRole('button', { name: 'Discard' })).toBeVisible();

  // Narrowing took a few batches; once parked, the command is never sent again.
  expect(poisoned).toBeGreaterThan(0);
  expect(poisoned).toBeLessThanOrEqual(5);
  const settled = poisoned;
  await page.waitForTimeout(3_000);
  expect(poisoned).toBe(settled);
});
