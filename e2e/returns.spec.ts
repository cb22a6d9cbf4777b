import { randomUUID } from 'node:crypto';
import type { APIRequestContext, Browser, BrowserContext, Page } from '@playwright/test';
import type { Session } from '../src/contract/auth';
import type { ReturnDetail, ReturnableOrder, ReturnSubmitArgs } from '../src/contract/returns';
import type { PullResponse, PushResponse } from '../src/contract/sync';
import { computeRefund, DEFAULT_SHIPPING_RULE, orderPaidCents, type RefundOrder } from '../src/domain/refund';
import { refundRequestOf, type ReturnUnit } from '../src/domain/return-units';
import { demoReturnOrders as demo } from '../src/server/demo/demo-returns';
import { expect, test, type CheckA11y } from './support/fixtures';
import { expectDrained, goOffline, goOnline, PIN, signIn, wedgeScan } from './support/sync-helpers';

// Issue 6, "buy online, return in store": an associate at Milano Duomo finds an online order
// (any store, any channel), scans each unit coming back with its reason, condition and
// disposition, and refunds it to the original payment; the stock rises at once. The same items
// cannot be refunded twice, two devices at once refund once, and a return taken offline that
// the server refuses on sync waits for a manager instead of vanishing.

const MANAGER = { employeeId: '1000', pin: '9999' };

async function apiSession(
  request: APIRequestContext,
  storeId: string,
  employeeId: string,
  pin = PIN,
): Promise<Session> {
  const response = await request.post('/api/auth/sign-in', {
    data: { storeId, employeeId, pin, deviceId: `e2e-returns-${storeId}-${employeeId}` },
  });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as Session;
}

const bearer = (session: Session) => ({
  Authorization: `Bearer ${session.accessToken}`,
  'X-Device-Id': `e2e-returns-${session.associate.storeId}-${session.associate.employeeId}`,
});

async function findOrder(request: APIRequestContext, session: Session, q: string): Promise<ReturnableOrder> {
  const response = await request.get(`/api/returns/orders?q=${encodeURIComponent(q)}`, {
    headers: bearer(session),
  });
  expect(response.status(), await response.text()).toBe(200);
  const { orders } = (await response.json()) as { orders: ReturnableOrder[] };
  expect(orders.length, `an order for ${q}`).toBeGreaterThan(0);
  return orders[0]!;
}

async function returnDetail(request: APIRequestContext, session: Session, id: string): Promise<ReturnDetail> {
  const response = await request.get(`/api/returns/${id}`, { headers: bearer(session) });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as ReturnDetail;
}

async function onHand(request: APIRequestContext, session: Session, productId: string): Promise<number> {
  const response = await request.get('/api/sync/pull', { headers: bearer(session) });
  const { stock } = (await response.json()) as PullResponse;
  return stock.find((row) => row.productId === productId)?.onHand ?? 0;
}

/** The order as the refund rules see it. */
function refundOrderOf(order: ReturnableOrder): RefundOrder {
  return {
    lines: order.lines.map((l) => ({
      lineId: l.lineId,
      unitPriceCents: l.unitPriceCents,
      qtyOrdered: l.qtyOrdered,
      qtyDelivered: l.qtyDelivered,
    })),
    discountsCents: order.discounts.map((d) => d.cents),
    shippingCents: order.shippingCents,
    shippingRule: DEFAULT_SHIPPING_RULE,
  };
}

/** What the server would refund for these units of the order as it stands now. */
function expectedRefund(order: ReturnableOrder, units: ReturnUnit[]): number {
  const request = refundRequestOf('expected', units, DEFAULT_SHIPPING_RULE);
  return computeRefund(refundOrderOf(order), order.refundHistory, request).totalCents;
}

const paidCents = (order: ReturnableOrder): number => orderPaidCents(refundOrderOf(order));

/** Another device's return, pushed straight to the server through its outbox endpoint. */
async function pushReturn(
  request: APIRequestContext,
  session: Session,
  args: ReturnSubmitArgs,
): Promise<PushResponse> {
  const response = await request.post('/api/sync/push', {
    headers: bearer(session),
    data: {
      clientId: randomUUID(),
      mutations: [{ id: randomUUID(), seq: 1, name: 'return.submit', v: 1, args }],
    },
  });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as PushResponse;
}

async function openReturns(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Returns', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Returns' })).toBeVisible();
}

async function openOrderForReturn(page: Page, query: string, number: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Find the order' }).fill(query);
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  await page.getByRole('link', { name: new RegExp(`^Order ${number}`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Return of order ${number}` })).toBeVisible();
}

async function submitReturn(page: Page): Promise<string> {
  await page.getByTestId('return-submit').click();
  await expect(page).toHaveURL(/\/returns\/r\/[0-9a-f-]{36}$/);
  return page.url().split('/').pop()!;
}

/** Checks the screen with axe in Italian, then goes back to English for the steps that follow. */
async function inItalianToo(page: Page, checkA11y: CheckA11y): Promise<void> {
  await page.getByRole('button', { name: 'IT', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
  await checkA11y(page);
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

const returnState = (page: Page) => page.getByTestId('return-state');

async function signInAs(page: Page, employeeId: string, pin: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Store').selectOption('MI01');
  await page.getByLabel('Employee ID').fill(employeeId);
  await page.getByLabel('PIN', { exact: true }).fill(pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
}

async function secondDevice(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-GB' });
  return { context, page: await context.newPage() };
}

test('the full return journey: find by e-mail, scan each unit, refund, receipt; stock rises at once', async ({
  page,
  request,
  checkA11y,
}) => {
  const session = await apiSession(request, 'MI01', '1001');
  const order = await findOrder(request, session, demo.fullJourney.number);
  const [first, second] = order.lines as [ReturnableOrder['lines'][number], ReturnableOrder['lines'][number]];
  const before = {
    first: await onHand(request, session, first.productId),
    second: await onHand(request, session, second.productId),
  };

  await signIn(page);
  await openReturns(page);
  await checkA11y(page);
  await openOrderForReturn(page, demo.fullJourney.email.toUpperCase(), demo.fullJourney.number);

  // Each unit is scanned: one of the first line back on the shelf, one of the second damaged.
  await wedgeScan(page, first.barcode);
  await wedgeScan(page, second.barcode);
  await expect(page.getByTestId(`return-line-${first.sku}`)).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId(`return-line-${second.sku}`)).toHaveAttribute('data-count', '1');
  // The second arrived broken: a store-fault reason, which takes back a damaged unit.
  await page.getByRole('combobox', { name: 'Reason, all units' }).selectOption('tooSmall');
  await page
    .getByRole('combobox', { name: `Reason, ${second.nameEn} unit 1` })
    .selectOption('damagedOnArrival');
  await page.getByRole('combobox', { name: `Condition, ${second.nameEn} unit 1` }).selectOption('damaged');
  await expect(page.getByRole('combobox', { name: `Goes to, ${second.nameEn} unit 1` })).toHaveValue(
    'damaged',
  );
  await expect(page.getByTestId('return-policy')).toHaveAttribute('data-outcome', 'allowed');
  const units: ReturnUnit[] = [
    { lineId: first.lineId, reason: 'tooSmall', condition: 'new', disposition: 'restock' },
    { lineId: second.lineId, reason: 'damagedOnArrival', condition: 'damaged', disposition: 'damaged' },
  ];
  const refund = expectedRefund(order, units);
  await expect(page.getByTestId('refund-total')).toHaveAttribute('data-cents', String(refund));
  await checkA11y(page);
  await inItalianToo(page, checkA11y);

  const returnId = await submitReturn(page);
  await expect(returnState(page)).toHaveAttribute('data-state', 'refunded', { timeout: 20_000 });
  await expect(page.getByTestId('receipt-number')).toBeVisible();
  await checkA11y(page);

  // What the server holds: refunded once, the discount shared, stock up for the restocked unit only.
  const detail = await returnDetail(request, session, returnId);
  expect(detail).toMatchObject({ status: 'refunded', storeId: 'MI01', units: expect.any(Array) });
  expect(detail.refund?.totalCents).toBe(refund);
  expect(detail.refund!.lines.reduce((sum, l) => sum + l.refundCents, detail.refund!.shippingCents)).toBe(
    refund,
  );
  expect(await onHand(request, session, first.productId)).toBe(before.first + 1);
  expect(await onHand(request, session, second.productId)).toBe(before.second);

  // The receipt: e-mailed to the customer, and as a PDF.
  await page.getByRole('button', { name: 'E-mail receipt' }).click();
  await expect(page.getByTestId('receipt-email-queued')).toBeVisible();
  const pdf = await request.get(`/api/returns/${returnId}/receipt.pdf?lang=en`, { headers: bearer(session) });
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');

  // Every returns screen in Italian too.
  await page.getByRole('button', { name: 'IT', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
  await checkA11y(page);
  await page.getByRole('link', { name: 'Resi', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Resi' })).toBeVisible();
  await checkA11y(page);
  await page.getByRole('button', { name: 'EN', exact: true }).click();
});

test('the same items twice: the second time they are refused, and the server refunds once', async ({
  page,
  request,
}) => {
  const session = await apiSession(request, 'MI01', '1001');
  const order = await findOrder(request, session, demo.sameItemsTwice.number);

  await signIn(page);
  await openReturns(page);
  await openOrderForReturn(page, demo.sameItemsTwice.phone, demo.sameItemsTwice.number);
  const units: ReturnUnit[] = [];
  for (const line of order.lines) {
    for (let n = 0; n < line.qtyDelivered; n++) {
      await wedgeScan(page, line.barcode);
      units.push({ lineId: line.lineId, reason: 'changedMind', condition: 'new', disposition: 'restock' });
    }
  }
  await page.getByRole('combobox', { name: 'Reason, all units' }).selectOption('changedMind');
  const returnId = await submitReturn(page);
  await expect(returnState(page)).toHaveAttribute('data-state', 'refunded', { timeout: 20_000 });

  // Again at the counter: every line says it is back already, and a scan is refused in words.
  await page.getByRole('link', { name: 'New return' }).click();
  await openOrderForReturn(page, demo.sameItemsTwice.number, demo.sameItemsTwice.number);
  await expect(page.getByTestId('line-all-returned')).toHaveCount(order.lines.length);
  await wedgeScan(page, order.lines[0]!.barcode, 'alreadyComplete');

  // Another device that never saw the first return pushes the same units: it waits for review.
  const again = await pushReturn(request, session, {
    returnId: randomUUID(),
    orderId: order.id,
    takenAt: new Date().toISOString(),
    units,
    receipt: { email: null, language: 'it' },
  });
  expect(again.results[0]).toMatchObject({
    status: 'applied',
    result: { status: 'review', refundCents: 0 },
  });
  const violations = (again.results[0]!.result as { violations: { code: string }[] }).violations;
  expect(violations.map((v) => v.code)).toContain('return.alreadyReturned');

  const after = await findOrder(request, session, demo.sameItemsTwice.number);
  expect(after.refundHistory.refundKeys).toEqual([`refund:${returnId}`]);
  const refunded = Object.values(after.refundHistory.lines).reduce((sum, l) => sum + l.cents, 0);
  expect(refunded + after.refundHistory.shippingCents).toBe(paidCents(order));
});

test('two devices return the same order at the same moment: one refund, the other waits for a manager', async ({
  page,
  browser,
  request,
}) => {
  const session = await apiSession(request, 'MI01', '1001');
  const order = await findOrder(request, session, demo.twoDevices.number);
  const line = order.lines[0]!;
  const other = await secondDevice(browser);
  try {
    const devices = [page, other.page];
    await signIn(page, '1001');
    await signIn(other.page, '1002');
    for (const device of devices) {
      await openReturns(device);
      await openOrderForReturn(device, demo.twoDevices.email, demo.twoDevices.number);
      for (let n = 0; n < line.qtyDelivered; n++) {
        await device.getByRole('button', { name: `One more ${line.nameEn}` }).click();
      }
      await device.getByRole('combobox', { name: 'Reason, all units' }).selectOption('tooLarge');
      await expect(device.getByTestId('return-policy')).toHaveAttribute('data-outcome', 'allowed');
    }
    await Promise.all(devices.map((device) => device.getByTestId('return-submit').click()));
    const states = await Promise.all(
      devices.map(async (device) => {
        await expect(device).toHaveURL(/\/returns\/r\//);
        await expect(returnState(device)).toHaveAttribute('data-state', /^(refunded|review)$/, {
          timeout: 30_000,
        });
        return returnState(device).getAttribute('data-state');
      }),
    );
    expect(states.sort()).toEqual(['refunded', 'review']);

    const after = await findOrder(request, session, demo.twoDevices.number);
    expect(after.refundHistory.refundKeys).toHaveLength(1);
    expect(after.lines[0]).toMatchObject({ qtyReturned: line.qtyDelivered, qtyInReview: line.qtyDelivered });
    expect(after.refundHistory.lines[line.lineId]?.cents).toBe(paidCents(order) - order.shippingCents);
  } finally {
    await other.context.close();
  }
});

test('an order bought for pickup in Rome is returned in Milan: refunded, stock rises in Milan only', async ({
  page,
  request,
}) => {
  const milan = await apiSession(request, 'MI01', '1001');
  const rome = await apiSession(request, 'RM01', '9001');
  const order = await findOrder(request, milan, demo.boughtElsewhere.number);
  expect(order.storeId).toBe('RM01');
  const line = order.lines[0]!;
  const before = {
    milan: await onHand(request, milan, line.productId),
    rome: await onHand(request, rome, line.productId),
  };

  await signIn(page);
  await openReturns(page);
  // The phone as the customer says it, with spaces and without the country code.
  await openOrderForReturn(
    page,
    demo.boughtElsewhere.phone.replace('+39', '').replace(/(\d{3})/, '$1 '),
    demo.boughtElsewhere.number,
  );
  await expect(page.getByTestId('other-store')).toBeVisible();
  await wedgeScan(page, line.barcode);
  await page.getByRole('combobox', { name: `Reason, ${line.nameEn} unit 1` }).selectOption('notAsDescribed');
  const returnId = await submitReturn(page);
  await expect(returnState(page)).toHaveAttribute('data-state', 'refunded', { timeout: 20_000 });

  const detail = await returnDetail(request, milan, returnId);
  expect(detail).toMatchObject({ status: 'refunded', storeId: 'MI01', orderStoreId: 'RM01' });
  expect(await onHand(request, milan, line.productId)).toBe(before.milan + 1);
  expect(await onHand(request, rome, line.productId)).toBe(before.rome);
});

test('a return taken offline that fails the policy on sync waits for a manager, who declines it', async ({
  page,
  context,
  browser,
  request,
  checkA11y,
}) => {
  const session = await apiSession(request, 'MI01', '1001');
  const order = await findOrder(request, session, demo.offlinePolicy.number);
  const line = order.lines[0]!;

  await signIn(page);
  await openReturns(page);
  // Seen once online: the device keeps it for offline returns.
  await openOrderForReturn(page, demo.offlinePolicy.number, demo.offlinePolicy.number);
  await page.getByRole('link', { name: 'Returns', exact: true }).first().click();
  await goOffline(context, page);

  // Meanwhile another device takes the same unit back and refunds it.
  const elsewhere = await pushReturn(request, session, {
    returnId: randomUUID(),
    orderId: order.id,
    takenAt: new Date().toISOString(),
    units: [{ lineId: line.lineId, reason: 'changedMind', condition: 'new', disposition: 'restock' }],
    receipt: { email: null, language: 'it' },
  });
  expect(elsewhere.results[0]).toMatchObject({ status: 'applied', result: { status: 'refunded' } });

  // Offline, this device only knows its cached copy: the return looks fine and is saved.
  await openOrderForReturn(page, demo.offlinePolicy.email, demo.offlinePolicy.number);
  await wedgeScan(page, line.barcode);
  await page.getByRole('combobox', { name: `Reason, ${line.nameEn} unit 1` }).selectOption('tooSmall');
  await expect(page.getByTestId('return-policy')).toHaveAttribute('data-outcome', 'allowed');
  const returnId = await submitReturn(page);
  await expect(returnState(page)).toHaveAttribute('data-state', 'saved');

  // Back online, the server's check fails: the return waits for a manager, it is not dropped.
  await goOnline(context, page);
  await expectDrained(page);
  await expect(returnState(page)).toHaveAttribute('data-state', 'review', { timeout: 20_000 });
  const waiting = await returnDetail(request, session, returnId);
  expect(waiting.status).toBe('review');
  expect(waiting.violations.map((v) => v.code)).toContain('return.alreadyReturned');

  // The manager sees it in the review queue and declines it: the goods go back to the customer.
  const manager = await secondDevice(browser);
  try {
    await signInAs(manager.page, MANAGER.employeeId, MANAGER.pin);
    await manager.page.goto('/returns/review');
    await expect(manager.page.getByRole('heading', { level: 1, name: 'Returns to review' })).toBeVisible();
    await checkA11y(manager.page);
    await inItalianToo(manager.page, checkA11y);
    const item = manager.page.locator(`[data-testid="review-item"][data-number="${waiting.number}"]`);
    await expect(item).toBeVisible();
    await item
      .getByRole('textbox', { name: 'Reason for your decision' })
      .fill('Already refunded at the other till');
    await item.getByRole('button', { name: 'Decline' }).click();
    await expect(manager.page.getByTestId('decision-done')).toHaveAttribute('data-status', 'declined');
  } finally {
    await manager.context.close();
  }
  const declined = await returnDetail(request, session, returnId);
  expect(declined).toMatchObject({ status: 'declined', refund: null });
  const after = await findOrder(request, session, demo.offlinePolicy.number);
  expect(after.refundHistory.refundKeys).toHaveLength(1);
});
