import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../testing/test-app';
import { createTestApp } from '../testing/test-app';
import { openTestDatabase } from '../testing/test-database';

/** Issue 13 point 3: the headers every answer carries (the page's are checked in e2e/security-headers). */

let t: TestApp;
let behindProxy: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  behindProxy = await createTestApp(
    { TRUST_PROXY: ['127.0.0.1/8'], PRODUCT_IMAGE_ORIGINS: ['https://images.example.com'] },
    { database: await openTestDatabase() },
  );
});
afterAll(async () => {
  await t?.close();
  await behindProxy?.close();
});

function expectSecurityHeaders(headers: Record<string, unknown>) {
  const csp = String(headers['content-security-policy']);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain("'unsafe-eval'");
  // Nothing inline at all (ADR 0023): no script, no <style>, no style attribute.
  const directives = new Map(
    String(csp)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values] as const),
  );
  expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  expect(directives.get('style-src')).not.toContain("'unsafe-inline'");
  expect(directives.get('style-src')).toEqual(["'self'"]);
  expect(csp).not.toContain("'unsafe-inline'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['permissions-policy']).toContain('camera=(self)');
}

describe('security headers', () => {
  it('are on API answers, refusals and unknown paths alike', async () => {
    for (const url of ['/api/health', '/api/queue', '/api/nowhere', '/api/openapi.json']) {
      const response = await t.app.inject({ url });
      expectSecurityHeaders(response.headers);
    }
  });

  it('let pages load product pictures from this server, and from the image hosts PRODUCT_IMAGE_ORIGINS names', async () => {
    const imgSrc = (headers: Record<string, unknown>) =>
      /(?:^|;)\s*img-src ([^;]*)/.exec(String(headers['content-security-policy']))?.[1]?.split(' ');
    expect(imgSrc((await t.app.inject({ url: '/api/health' })).headers)).toEqual([
      "'self'",
      'data:',
      'blob:',
    ]);
    expect(imgSrc((await behindProxy.app.inject({ url: '/api/health' })).headers)).toEqual([
      "'self'",
      'data:',
      'blob:',
      'https://images.example.com',
    ]);
  });

  it('frame the API docs for nobody either', async () => {
    const redirect = await t.app.inject({ url: '/api/docs' });
    const page = redirect.headers.location
      ? `/api/docs/${String(redirect.headers.location).replace(/^\.?\/?(api\/docs\/)?/, '')}`
      : '/api/docs';
    const response = await t.app.inject({ url: page });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  it('leave HSTS out over plain HTTP, and when no trusted proxy says the request came over HTTPS', async () => {
    expect((await t.app.inject({ url: '/api/health' })).headers['strict-transport-security']).toBeUndefined();
    // Anyone can send X-Forwarded-Proto: without TRUST_PROXY it is ignored.
    const spoofed = await t.app.inject({ url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
    const plain = await behindProxy.app.inject({
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'http' },
    });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });

  it('send HSTS when the trusted proxy in front ended TLS', async () => {
    const response = await behindProxy.app.inject({
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' },
    });
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expectSecurityHeaders(response.headers);
  });
});
