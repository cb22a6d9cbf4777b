import { expect, test } from './support/fixtures';

// Issue 13 point 3: the page and the API carry the security headers, and no other site can
// frame the app. Every spec also fails on any Content-Security-Policy violation (fixtures.ts).

test('the page and the API carry the security headers', async ({ page, request }) => {
  const response = await page.goto('/sign-in');
  const pageHeaders = response!.headers();
  const apiHeaders = (await request.get('/api/health')).headers();
  for (const headers of [pageHeaders, apiHeaders]) {
    const csp = headers['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).not.toContain("'unsafe-inline'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
  }
  // The page itself works under its policy (a CSP violation would fail this test).
  await expect(page.getByRole('button', { name: /sign in/i })).toBeVisible();
});

test('another site cannot frame the sign-in page', async ({ browser, baseURL }) => {
  // A context of its own: the refusal is itself reported as a CSP message, which the guard on
  // the default context would count against the app.
  const context = await browser.newContext();
  const attacker = await context.newPage();
  await attacker.route('http://attacker.test/', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>x</title><iframe name="victim" src="${baseURL}/sign-in"></iframe>`,
    }),
  );
  const victim = attacker.waitForEvent('framenavigated', (frame) => frame.name() === 'victim');
  await attacker.goto('http://attacker.test/');
  const framed = await victim;
  // Chromium replaces a frame its headers refuse with its own error page.
  await expect.poll(() => framed.url()).toMatch(/^chrome-error:/);
  expect(await framed.getByRole('button', { name: /sign in/i }).count()).toBe(0);
  await context.close();
});
