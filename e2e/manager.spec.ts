import type { APIRequestContext, Page } from '@playwright/test';
import type { IntakeResult } from '../src/contract/orders';
import { expect, test } from './support/fixtures';
import { apiSignIn, freshProducts, INTAKE_KEY, PIN, PICKUP_CODE, STORE_ID } from './support/sync-helpers';

// Issue 7, "a manager reassigns a late order": the manager of Milano Duomo sees an order past
// its promise flagged in the live queue, gives it to an associate, and that associate's device
// shows it as theirs, live. Then the KPI screen, and axe on every manager screen in both languages.

const MANAGER = { employeeId: '1000', pin: '9999' };

/** A pickup order promised 20 minutes ago: late the moment it lands. */
async function lateOrder(request: APIRequestContext): Promise<IntakeResult> {
  const session = await apiSignIn(request);
  const [product] = await freshProducts(request, session, 1);
  const response = await request.post('/api/orders', {
    headers: { 'X-Api-Key': INTAKE_KEY },
    data: {
      externalId: `e2e-manager-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
      channel: 'web',
      storeId: STORE_ID,
      fulfillmentType: 'pickup',
      placedAt: new Date(Date.now() - 3 * 60 * 60_000).toISOString(),
      promisedAt: new Date(Date.now() - 20 * 60_000).toISOString(),
      customer: { name: 'Lucia Ferri', email: 'lucia.ferri@example.com', language: 'it' },
      pickupCode: PICKUP_CODE,
      lines: [{ sku: product!.sku, qty: 2, unitPriceCents: 2490 }],
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as IntakeResult;
}

async function signInAs(page: Page, employeeId: string, pin: string): Promise<void> {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByLabel('Store').selectOption(STORE_ID);
  await page.getByLabel('Employee ID').fill(employeeId);
  await page.getByLabel('PIN', { exact: true }).fill(pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-online', 'true');
}

test('a manager reassigns a late order, and the associate’s device shows it assigned to them', async ({
  page,
  browser,
  request,
  checkA11y,
}) => {
  const order = await lateOrder(request);

  // The associate's device, signed in first: it must learn of the assignment live.
  const associateContext = await browser.newContext({ serviceWorkers: 'block', locale: 'en-GB' });
  const associate = await associateContext.newPage();
  await signInAs(associate, '1002', PIN);
  const associateRow = associate.getByTestId(`order-row-${order.number}`);
  await expect(associateRow).toBeVisible({ timeout: 15_000 });
  await expect(associateRow.getByTestId('assigned-to')).toHaveCount(0);

  await signInAs(page, MANAGER.employeeId, MANAGER.pin);
  await page.getByTestId('manager-link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Live queue' })).toBeVisible();

  // Flagged late, in words as well as colour.
  const row = page.getByTestId(`manager-row-${order.number}`);
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row).toHaveAttribute('data-sla', 'late');
  await expect(row).toContainText('Late by');
  await page.getByLabel('Timing').selectOption('late');
  await expect(row).toBeVisible();
  await checkA11y(page);

  // First to one associate (1001)… then reassigned to another (1002).
  const first = (await apiSignIn(request, '1001')).associate;
  const second = (await apiSignIn(request, '1002')).associate;
  const select = row.getByLabel(`Assign order ${order.number}`);
  await select.selectOption({ label: first.name });
  await row.getByTestId('assign-button').click();
  await expect(page.getByRole('status').filter({ hasText: `assigned to ${first.name}` })).toBeVisible();
  // The manager's own replica brings the change back (the poke, then a pull).
  await expect(select).toHaveValue(first.id);
  await expect(associateRow.getByTestId('assigned-to')).toHaveText(`Assigned to ${first.name}`, {
    timeout: 15_000,
  });

  await row.getByLabel(`Assign order ${order.number}`).selectOption({ label: second.name });
  await row.getByTestId('assign-button').click();
  await expect(page.getByRole('status').filter({ hasText: `assigned to ${second.name}` })).toBeVisible();
  await expect(row.getByLabel(`Assign order ${order.number}`)).toHaveValue(second.id);

  // The associate's device, untouched: the poke brings the assignment to its queue.
  await expect(associateRow.getByTestId('assigned-to')).toHaveText('Assigned to you', { timeout: 15_000 });

  // The workload counts it for Marco.
  const workload = page.getByTestId(`workload-${second.id}`);
  await expect(workload).toContainText(second.name);
  await expect(workload.locator('td').nth(1)).not.toHaveText('0');

  // The KPI screen, by day and by week, with the charts' tables.
  await page.getByRole('link', { name: 'Performance' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Store performance' })).toBeVisible();
  await expect(page.getByTestId('kpi-on-time')).toBeVisible();
  await expect(page.getByTestId('chart-sales').getByRole('img')).toBeVisible();
  await page.getByTestId('chart-ready').getByText('Show as a table').click();
  await checkA11y(page);
  await page.getByRole('button', { name: 'Last 7 days' }).click();
  await expect(page.getByTestId('chart-sales').locator('tbody tr')).toHaveCount(7);

  const download = page.waitForEvent('download');
  await page.getByTestId('kpi-csv').click();
  expect((await download).suggestedFilename()).toMatch(/^kpis-MI01-week-\d{4}-\d\d-\d\d\.csv$/);

  // Italian.
  await page.getByRole('button', { name: 'IT', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Prestazioni del negozio' })).toBeVisible();
  await checkA11y(page);
  await page.getByRole('link', { name: 'Coda dal vivo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Coda dal vivo' })).toBeVisible();
  await expect(page.getByTestId(`manager-row-${order.number}`)).toContainText('In ritardo');
  await checkA11y(page);

  await associateContext.close();
});

test('an associate cannot open the manager screens', async ({ page }) => {
  await signInAs(page, '1003', PIN);
  await expect(page.getByTestId('manager-link')).toHaveCount(0);
  await page.goto('/manager');
  await expect(page.getByRole('heading', { level: 1, name: 'For managers' })).toBeVisible();
});
