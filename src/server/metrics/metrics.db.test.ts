import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { PushResponse } from '../../contract/sync';
import { stockedProducts } from '../testing/fixtures';
import type { Http } from '../testing/sync-scenario';
import { authorization, fetchHttp, push, signInOver } from '../testing/sync-scenario';
import { testDatabaseKind } from '../testing/test-database';
import type { TestApp } from '../testing/test-app';
import { createTestApp } from '../testing/test-app';

/** Issue 16 point 6: GET /metrics, for Prometheus, behind METRICS_TOKEN. */
const TOKEN = 'a-metrics-token-0123456789';
let t: TestApp;
let url: string;
let http: Http;
let session: Session;

beforeAll(async () => {
  t = await createTestApp({ METRICS_TOKEN: TOKEN });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  http = fetchHttp(url);
  session = await signInOver(http, { employeeId: '1001', deviceId: 'metrics-device' });
});
afterAll(() => t?.close());

async function scrape(): Promise<string> {
  const response = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

/** The value of one sample line, e.g. `aisle_sync_pulls_total{reset="true"}`; 0 when absent. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

/** Opens GET /api/sync/events and resolves once the stream has said `count` pokes. */
async function openEvents(): Promise<{ pokes: (count: number) => Promise<void>; close: () => void }> {
  const controller = new AbortController();
  const response = await fetch(`${url}/api/sync/events`, {
    headers: authorization(session),
    signal: controller.signal,
  });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  const until = async (done: () => boolean) => {
    while (!done()) {
      const { value, done: ended } = await reader.read();
      if (ended) throw new Error('the event stream ended');
      text += value;
    }
  };
  await until(() => text.includes('event: ready'));
  return {
    pokes: (count) => until(() => text.split('event: poke').length - 1 >= count),
    close: () => controller.abort(),
  };
}

describe('GET /metrics', () => {
  it('answers only to the bearer of METRICS_TOKEN', async () => {
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).code).toBe('auth.invalidToken');
    const asDevice = await fetch(`${url}/metrics`, { headers: authorization(session) });
    expect(asDevice.status).toBe(401);
  });

  it('is absent without METRICS_TOKEN, yet in the OpenAPI document', async () => {
    const off = await createTestApp({}, { database: t.database });
    try {
      const response = await off.app.inject({
        url: '/metrics',
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('route.notFound');
      const doc = (await off.app.inject({ url: '/api/openapi.json' })).json();
      expect(doc.paths['/metrics'].get.security).toEqual([{ metricsToken: [] }]);
    } finally {
      await off.app.close();
    }
  });

  it('names every metric, and they move with a push, a pull and a poke', async () => {
    const before = await scrape();
    for (const name of [
      'aisle_http_request_duration_seconds',
      'aisle_sync_push_commands_total',
      'aisle_sync_pulls_total',
      'aisle_sync_pokes_sent_total',
      'aisle_sync_event_streams_open',
      'aisle_outbox_depth',
      'aisle_event_loop_delay_seconds',
      ...(testDatabaseKind() === 'postgres' ? ['aisle_db_pool_connections'] : []),
    ]) {
      expect(before, name).toContain(`# TYPE ${name} `);
    }
    expect(sample(before, 'aisle_outbox_depth{outbox="notifications"}')).toBeGreaterThanOrEqual(0);

    const events = await openEvents();
    const [product] = await stockedProducts(t.database.db, 'MI01', 1, 2);
    const order = await t.placeOrder([{ sku: product!.sku, qty: 1 }]);
    const claim = { id: randomUUID(), seq: 1, name: 'order.claim', v: 1, args: { orderId: order.id } };
    const refused = { ...claim, id: randomUUID(), seq: 2, args: { orderId: randomUUID() } };
    const pushed = await push(http, session, randomUUID(), [claim, refused]);
    expect((pushed.body as PushResponse).results.map((r) => r.status)).toEqual(['applied', 'rejected']);
    await events.pokes(1);
    expect((await http('GET', '/api/sync/pull', { headers: authorization(session) })).status).toBe(200);

    const after = await scrape();
    const moved = (series: string) => sample(after, series) - sample(before, series);
    expect(moved('aisle_sync_push_commands_total{status="applied"}')).toBe(1);
    expect(moved('aisle_sync_push_commands_total{status="rejected"}')).toBe(1);
    expect(moved('aisle_sync_pulls_total{reset="true"}')).toBe(1);
    expect(moved('aisle_sync_pokes_sent_total')).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'aisle_sync_event_streams_open')).toBe(1);
    expect(
      moved('aisle_http_request_duration_seconds_count{method="POST",route="/api/sync/push",status="200"}'),
    ).toBe(1);
    if (testDatabaseKind() === 'postgres') {
      expect(sample(after, 'aisle_db_pool_connections{state="total"}')).toBeGreaterThan(0);
      expect(sample(after, 'aisle_db_pool_connections{state="max"}')).toBe(10);
    }
    events.close();
  });
});
