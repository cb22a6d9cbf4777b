import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { PullResponse, PushResponse } from '../../contract/sync';
import type { FastifyInstance } from 'fastify';
import type { StockedProduct } from '../testing/fixtures';
import { intakeBody, stockedProducts } from '../testing/fixtures';
import type { Http } from '../testing/sync-scenario';
import { authorization, fetchHttp, push, signInOver } from '../testing/sync-scenario';
import { openSecondHandle, testDatabaseKind } from '../testing/test-database';
import type { EventStream } from '../testing/event-stream';
import { openEventStream } from '../testing/event-stream';
import type { TestApp } from '../testing/test-app';
import { createTestApp, TEST_API_KEY } from '../testing/test-app';

/**
 * Issue test: a device listening on GET /api/sync/events is poked within a second of a change
 * committed for its store, never for another store's, and, on PostgreSQL, also when the change
 * went through another API instance (LISTEN/NOTIFY), whose data its pull then returns.
 */
const POKE_WITHIN_MS = 1_000;

let t: TestApp;
let a: { url: string; http: Http };
let mi01: Session;
let mi02: Session;
const streams: EventStream[] = [];

async function listen(app: FastifyInstance) {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return { url, http: fetchHttp(url) };
}

beforeAll(async () => {
  t = await createTestApp();
  a = await listen(t.app);
  mi01 = await signInOver(a.http, { employeeId: '1001', deviceId: 'poke-device-mi01' });
  mi02 = await signInOver(a.http, { storeId: 'MI02', employeeId: '2001', deviceId: 'poke-device-mi02' });
});
afterAll(async () => {
  for (const s of streams) s.close();
  await t?.close();
});

/** The stream as a device reads it, closed after the tests, once it said it is ready. */
async function openEvents(baseUrl: string, session: Session): Promise<EventStream> {
  const stream = await openEventStream(baseUrl, session);
  streams.push(stream);
  expect(await stream.next('ready', 0, 5_000)).toBeDefined();
  return stream;
}

async function intake(http: Http, storeId: string, product: StockedProduct) {
  const answer = await http('POST', '/api/orders', {
    headers: { 'x-api-key': TEST_API_KEY },
    body: intakeBody([{ sku: product.sku, qty: 1 }], { storeId }),
  });
  expect(answer.status).toBe(201);
  return answer.body as { id: string };
}

describe('GET /api/sync/events', () => {
  it('answers 401 with a code without a token', async () => {
    const response = await fetch(`${a.url}/api/sync/events`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'auth.missingToken', message: expect.any(String) });
    const bad = await fetch(`${a.url}/api/sync/events`, { headers: { authorization: 'Bearer nope' } });
    expect(bad.status).toBe(401);
    expect((await bad.json()).code).toEqual(expect.any(String));
  });

  it("pokes the store's devices within a second of a committed change, and only them", async () => {
    const here = await openEvents(a.url, mi01);
    const there = await openEvents(a.url, mi02);
    const [p1] = await stockedProducts(t.database.db, 'MI01', 1, 2);
    const [p2] = await stockedProducts(t.database.db, 'MI02', 1, 2);

    // An order lands at MI01: its device is poked, MI02's is not.
    let mark = { here: here.events.length, there: there.events.length };
    let sent = performance.now();
    const order = await intake(a.http, 'MI01', p1!);
    const poke = await here.next('poke', mark.here, POKE_WITHIN_MS);
    expect(poke, 'MI01 was not poked after an order landed').toBeDefined();
    expect(JSON.parse(poke!.data)).toEqual({ storeId: 'MI01' });
    console.log(`poke after intake: ${(poke!.at - sent).toFixed(0)} ms after the request was sent`);

    // A push from an MI01 device pokes MI01 (every device, the sender's other tabs included).
    mark = { ...mark, here: here.events.length };
    sent = performance.now();
    const pushed = await push(a.http, mi01, randomUUID(), [
      { id: randomUUID(), seq: 1, name: 'order.claim', v: 1, args: { orderId: order.id } },
    ]);
    expect((pushed.body as PushResponse).results[0]?.status).toBe('applied');
    const pokeAfterPush = await here.next('poke', mark.here, POKE_WITHIN_MS);
    expect(pokeAfterPush, 'MI01 was not poked after a push').toBeDefined();
    console.log(`poke after push: ${(pokeAfterPush!.at - sent).toFixed(0)} ms after the request was sent`);

    // An order at MI02 pokes MI02 only.
    mark = { here: here.events.length, there: there.events.length };
    await intake(a.http, 'MI02', p2!);
    expect(await there.next('poke', mark.there, POKE_WITHIN_MS), 'MI02 was not poked').toBeDefined();
    await new Promise((r) => setTimeout(r, 300));
    expect(here.events.slice(mark.here).filter((e) => e.event === 'poke')).toEqual([]);
    // Nor did MI02 hear about MI01's two changes.
    expect(there.events.slice(1, mark.there).filter((e) => e.event === 'poke')).toEqual([]);

    // A rejected command changes nothing and pokes nobody.
    mark = { here: here.events.length, there: there.events.length };
    const rejected = await push(a.http, mi01, randomUUID(), [
      { id: randomUUID(), seq: 1, name: 'order.claim', v: 1, args: { orderId: randomUUID() } },
    ]);
    expect((rejected.body as PushResponse).results[0]?.status).toBe('rejected');
    expect(await here.next('poke', mark.here, 500)).toBeUndefined();
    here.close();
    there.close();
  });
});

describe('an open event stream', () => {
  it('is told and closed within seconds of its session ending, and cannot be reopened', async () => {
    const session = await signInOver(a.http, { employeeId: '1003', deviceId: 'poke-device-signed-out' });
    const stream = await openEvents(a.url, session);
    const mark = stream.events.length;
    const out = await a.http('POST', '/api/auth/sign-out', {
      headers: authorization(session),
      body: { refreshToken: session.refreshToken },
    });
    expect(out.status).toBe(204);
    const ended = await stream.next('ended', mark, 5_000);
    expect(ended, 'the stream outlived its session').toBeDefined();
    expect(JSON.parse(ended!.data)).toEqual({ code: 'auth.sessionEnded' });
    const again = await fetch(`${a.url}/api/sync/events`, { headers: authorization(session) });
    expect(again.status).toBe(401);
    expect((await again.json()).code).toBe('auth.sessionEnded');
  });
});

describe.skipIf(testDatabaseKind() !== 'postgres')('two API instances on one PostgreSQL database', () => {
  let b: TestApp;
  let bNet: { url: string; http: Http };
  beforeAll(async () => {
    b = await createTestApp({}, { database: await openSecondHandle(t.database) });
    bNet = await listen(b.app);
  });
  afterAll(() => b?.close());

  it("a push through instance A pokes a device on instance B, whose pull returns A's change", async () => {
    const device = await signInOver(bNet.http, { employeeId: '1002', deviceId: 'poke-device-on-b' });
    const events = await openEvents(bNet.url, device);
    const [product] = await stockedProducts(t.database.db, 'MI01', 3, 2);
    const order = await intake(a.http, 'MI01', product!); // through A
    expect(
      await events.next('poke', 1, POKE_WITHIN_MS),
      'B did not hear of an order taken by A',
    ).toBeDefined();

    const before = (await bNet.http('GET', '/api/sync/pull', { headers: authorization(device) }))
      .body as PullResponse;
    expect(before.orders.find((o) => o.id === order.id)?.status).toBe('new');

    const mark = events.events.length;
    const sent = performance.now();
    const pushed = await push(a.http, mi01, randomUUID(), [
      { id: randomUUID(), seq: 1, name: 'order.claim', v: 1, args: { orderId: order.id } },
    ]);
    expect((pushed.body as PushResponse).results[0]?.status).toBe('applied');
    const poke = await events.next('poke', mark, POKE_WITHIN_MS);
    expect(poke, 'B did not poke its device after a push through A').toBeDefined();
    console.log(`cross-instance poke: ${(poke!.at - sent).toFixed(0)} ms after the push was sent to A`);

    const after = (
      await bNet.http('GET', `/api/sync/pull?cursor=${before.cursor}`, {
        headers: authorization(device),
      })
    ).body as PullResponse;
    expect(after.reset).toBe(false);
    expect(after.orders.map((o) => [o.id, o.status])).toEqual([[order.id, 'picking']]);
    events.close();
  });
});
