import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../testing/test-database';
import type { TestApp } from '../testing/test-app';
import { createTestApp } from '../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('service endpoints', () => {
  it('reports health with the database kind and version', async () => {
    const response = await t.app.inject({ url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ok',
      db: testDatabaseKind(),
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
  });

  it('publishes an OpenAPI document of every route, with the error body', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/orders',
      '/api/queue',
      '/api/orders/{orderId}/pick',
      '/api/auth/sign-in',
      '/api/health',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(JSON.stringify(doc.paths['/api/orders/{orderId}/pick'])).toContain('422');
  });

  it('serves the API docs page', async () => {
    const response = await t.app.inject({ url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });
});
