import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { TestApp } from '../testing/test-app';
import { bearer, createTestApp } from '../testing/test-app';

let t: TestApp;
let session: Session;

beforeAll(async () => {
  t = await createTestApp();
  session = await t.signIn();
});
afterAll(() => t?.close());

describe('API answers are compressed', () => {
  it('sends the replica pull with brotli to a device that takes it', async () => {
    const plain = await t.app.inject({ url: '/api/sync/pull', headers: bearer(session) });
    const response = await t.app.inject({
      url: '/api/sync/pull',
      headers: { ...bearer(session), 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    const body = JSON.parse(brotliDecompressSync(response.rawPayload).toString()) as { orders: unknown[] };
    expect(body.orders.length).toBe(plain.json<{ orders: unknown[] }>().orders.length);
    expect(response.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
  });

  it('sends gzip to a client without brotli, and plain JSON to one that asks for none', async () => {
    const gz = await t.app.inject({
      url: '/api/queue',
      headers: { ...bearer(session), 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toHaveProperty('orders');
    const plain = await t.app.inject({ url: '/api/queue', headers: bearer(session) });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json()).toHaveProperty('orders');
  });
});
