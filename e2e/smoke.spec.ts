import { expect, test } from './support/fixtures';

test('API health reports ok on embedded PGlite', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.ok()).toBe(true);
  const body: unknown = await response.json();
  expect(body).toMatchObject({
    status: 'ok',
    db: 'pglite',
    version: expect.any(String),
  });
});

test('home page loads', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/Aisle/);
});
