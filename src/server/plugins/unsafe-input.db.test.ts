import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { EnrolledKiosk } from '../../contract/kiosk';
import { intakeBody } from '../testing/fixtures';
import type { TestApp } from '../testing/test-app';
import { bearer, createTestApp, TEST_API_KEY } from '../testing/test-app';
import { loggerOptions, safeUrl } from './log-safety';

/** Issue 13 point 2: each place the outside tester got a 500 from text, sent the same way. */

let t: TestApp;
let manager: Session;
let kioskSecret: string;
let orderId: string;

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signIn({ employeeId: '1000', pin: '9999' });
  kioskSecret = (
    await t.app.inject({
      method: 'POST',
      url: '/api/kiosks',
      headers: bearer(manager),
      payload: { name: 'Counter 1' },
    })
  ).json<EnrolledKiosk>().secret;
  orderId = (await t.app.inject({ url: '/api/queue', headers: bearer(manager) })).json().orders[0].id;
});
afterAll(() => t?.close());

const BAD_TEXTS = [
  ['a NUL', 'MI\u000001'],
  ['a lone high surrogate', 'MI01\ud800'],
  ['a lone low surrogate', '\udc00MI01'],
] as const;

async function post(url: string, payload: unknown, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url, headers, payload: payload as object });
}

function expectUnsafe(response: { statusCode: number; json: () => unknown }, field: string) {
  expect(response.statusCode).toBe(400);
  const body = response.json() as { code: string; details: { fields: { path: string }[] } };
  expect(body.code).toBe('request.unsafeText');
  expect(body.details.fields[0]?.path).toBe(field);
}

describe.each(BAD_TEXTS)('text with %s', (_name, bad) => {
  it.each(['storeId', 'employeeId', 'deviceId'])('is refused in sign-in %s', async (field) => {
    const body = { storeId: 'MI01', employeeId: '1001', pin: '1234', deviceId: 'device-0001', [field]: bad };
    expectUnsafe(await post('/api/auth/sign-in', body), `body.${field}`);
  });

  it('is refused in intake externalId, storeId, customer name and line SKU', async () => {
    const base = intakeBody([{ sku: 'X', qty: 1 }]);
    const cases: [string, unknown][] = [
      ['body.externalId', { ...base, externalId: bad }],
      ['body.storeId', { ...base, storeId: bad }],
      ['body.customer.name', { ...base, customer: { ...base.customer, name: bad } }],
      ['body.lines[0].sku', { ...base, lines: [{ ...base.lines[0], sku: bad }] }],
    ];
    for (const [field, body] of cases) {
      expectUnsafe(await post('/api/orders', body, { 'x-api-key': TEST_API_KEY }), field);
    }
  });

  it('is refused in a kiosk enrolment name and a check-in order number', async () => {
    expectUnsafe(await post('/api/kiosks', { name: bad }, bearer(manager)), 'body.name');
    expectUnsafe(
      await post(
        '/api/kiosk/check-in',
        { orderNumber: bad, pickupCode: '123456' },
        { authorization: `Kiosk ${kioskSecret}` },
      ),
      'body.orderNumber',
    );
  });

  it('is refused in an approval employee id and reason, and a cancel reason', async () => {
    const approval = { returnId: randomUUID(), employeeId: '1000', pin: '9999', reason: 'damaged box' };
    expectUnsafe(
      await post('/api/returns/approvals', { ...approval, employeeId: bad }, bearer(manager)),
      'body.employeeId',
    );
    expectUnsafe(
      await post('/api/returns/approvals', { ...approval, reason: `reason ${bad}` }, bearer(manager)),
      'body.reason',
    );
    expectUnsafe(
      await post(`/api/orders/${orderId}/cancel`, { reason: `no ${bad}` }, bearer(manager)),
      'body.reason',
    );
  });
});

describe('text in the address', () => {
  it('refuses a NUL in a search and in an external order id', async () => {
    expectUnsafe(await t.app.inject({ url: '/api/stock/search?q=%00', headers: bearer(manager) }), 'query.q');
    expectUnsafe(
      await post('/api/orders/external/%00/cancel', { reason: 'customer' }, { 'x-api-key': TEST_API_KEY }),
      'params.externalId',
    );
  });

  it("answers Fastify's own refusals in our error body", async () => {
    const badEncoding = await t.app.inject({ url: '/api/orders/%E0%A4%A', headers: bearer(manager) });
    expect(badEncoding.statusCode).toBe(400);
    expect(badEncoding.json()).toMatchObject({ code: 'request.invalid', message: expect.any(String) });

    const longParam = await t.app.inject({
      url: `/api/orders/${'a'.repeat(10_240)}`,
      headers: bearer(manager),
    });
    expect(longParam.statusCode).toBe(414);
    expect(longParam.json()).toMatchObject({ code: 'request.uriTooLong', message: expect.any(String) });
    expect(longParam.body.length).toBeLessThan(500);

    const badJson = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${orderId}/cancel`,
      headers: { ...bearer(manager), 'content-type': 'application/json' },
      payload: '{"reason": ',
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().code).toBe('request.invalid');
  });
});

describe('a request with no token', () => {
  it('gets 401 before its body is validated or screened', async () => {
    for (const payload of [
      '{"reason": ',
      JSON.stringify({ reason: 'x\u0000' }),
      JSON.stringify({ wrong: 1 }),
    ]) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/orders/${orderId}/cancel`,
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('auth.missingToken');
    }
    const kiosk = await post('/api/kiosk/check-in', { orderNumber: 'x\u0000' });
    expect(kiosk.statusCode).toBe(401);
  });
});

describe('the error log', () => {
  it("holds a failed query's statement but none of its values", async () => {
    let failure: unknown;
    try {
      await t.database.db.execute(sql`select ${'giulia.rossi@example.it'}::uuid, ${'482913'}::int`);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(Error);
    expect(String((failure as Error).message)).toContain('giulia.rossi@example.it');

    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = pino(loggerOptions('info') as pino.LoggerOptions, sink);
    log.error({ err: failure }, 'unhandled error');
    log.warn({ error: 'recipient giulia.rossi@example.it rejected' }, 'customer notification failed');
    const written = lines.join('');
    expect(written).toContain('Failed query: select $1::uuid');
    expect(written).not.toContain('giulia');
    expect(written).not.toContain('482913');
  });

  it('logs URLs without query values or curbside tokens', () => {
    expect(safeUrl('/api/returns/orders?q=giulia@example.it&x=1')).toBe(
      '/api/returns/orders?q=[value]&x=[value]',
    );
    expect(safeUrl('/api/curbside/abcDEF123/arrived')).toBe('/api/curbside/[token]/arrived');
  });
});
