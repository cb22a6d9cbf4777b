import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { TestApp } from '../testing/test-app';
import { bearer, createTestApp, TEST_API_KEY } from '../testing/test-app';

let t: TestApp;
let session: Session;
let routes: { method: string; path: string }[];
let orderId: string;

beforeAll(async () => {
  t = await createTestApp();
  session = await t.signIn();
  const doc = (await t.app.inject({ url: '/api/openapi.json' })).json<{
    paths: Record<string, Record<string, unknown>>;
  }>();
  // The event stream never ends for a signed-in device; its refusals are tested in the sync tests.
  routes = Object.entries(doc.paths)
    .filter(([path]) => path !== '/api/sync/events')
    .flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })));
  orderId = (await t.app.inject({ url: '/api/queue', headers: bearer(session) })).json().orders[0].id;
});
afterAll(() => t?.close());

const paramValues = (id: string) => [
  id,
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  '%00',
  "' or 1=1 --",
];

const bodies: { name: string; payload?: string; contentType?: string }[] = [
  { name: 'no body' },
  { name: 'empty JSON', payload: '', contentType: 'application/json' },
  { name: 'broken JSON', payload: '{"code": ', contentType: 'application/json' },
  { name: 'array', payload: '[1,2,3]', contentType: 'application/json' },
  { name: 'null', payload: 'null', contentType: 'application/json' },
  { name: 'string', payload: '"hello"', contentType: 'application/json' },
  {
    name: 'wrong types',
    payload: JSON.stringify({
      code: 5,
      qty: 'x',
      lineId: [],
      reason: {},
      locationCode: null,
      pin: 1234,
      storeId: {},
      lines: 'x',
      refreshToken: 1,
    }),
    contentType: 'application/json',
  },
  {
    name: 'huge numbers',
    payload: JSON.stringify({
      code: '1',
      qty: 1e308,
      lineId: '00000000-0000-0000-0000-000000000000',
      reason: 'other',
    }),
    contentType: 'application/json',
  },
  {
    name: 'deep nesting',
    payload: `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`,
    contentType: 'application/json',
  },
  { name: 'form encoded', payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
  { name: 'text', payload: 'plain text', contentType: 'text/plain' },
  {
    name: 'proto pollution',
    payload: '{"__proto__": {"admin": true}, "constructor": {"prototype": {}}}',
    contentType: 'application/json',
  },
  {
    name: 'unicode',
    payload: JSON.stringify({ code: '\u0000\uffff😀', locationCode: '\u202e', reason: 'x'.repeat(10_000) }),
    contentType: 'application/json',
  },
];

describe('malformed requests', () => {
  it('never get a 5xx from any documented route, and always get the error body', async () => {
    expect(routes.length).toBeGreaterThanOrEqual(12);
    const failures: string[] = [];
    for (const route of routes) {
      const paths = route.path.includes('{')
        ? paramValues(orderId).map((v) => route.path.replace(/\{[^}]+\}/, encodeURIComponent(v)))
        : [route.path];
      for (const url of paths) {
        for (const body of route.method === 'GET' ? [bodies[0]!] : bodies) {
          for (const headers of [
            {},
            bearer(session),
            { 'x-api-key': TEST_API_KEY },
            { authorization: 'Bearer ' },
          ]) {
            const response = await t.app.inject({
              method: route.method as 'GET',
              url,
              headers: { ...headers, ...(body.contentType ? { 'content-type': body.contentType } : {}) },
              ...(body.payload !== undefined ? { payload: body.payload } : {}),
            });
            const label = `${route.method} ${url} [${body.name}] → ${response.statusCode}`;
            if (response.statusCode >= 500) failures.push(`${label} ${response.body.slice(0, 200)}`);
            if (response.statusCode >= 400) {
              const parsed = safeJson(response.body);
              if (typeof parsed?.code !== 'string' || typeof parsed?.message !== 'string')
                failures.push(`${label}: no error body`);
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('answer unknown API paths with a JSON 404', async () => {
    const response = await t.app.inject({ url: '/api/does-not-exist' });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('route.notFound');
  });
});

function safeJson(text: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
