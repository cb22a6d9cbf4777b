import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerClientApp } from './client-app';

// A built client as the build leaves it: each file beside its .br and .gz (compress-client.mjs).
const script = `export const words = '${'aisle '.repeat(400)}';\n`;
const page = `<!doctype html><html><head><title>Aisle</title></head><body>${'<p>x</p>'.repeat(200)}</body></html>`;

let dir: string;
let app: FastifyInstance;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aisle-client-app-'));
  mkdirSync(join(dir, 'assets'));
  for (const [path, text] of [
    ['index.html', page],
    ['assets/index-abc123.js', script],
  ] as const) {
    writeFileSync(join(dir, path), text);
    writeFileSync(join(dir, `${path}.br`), brotliCompressSync(text));
    writeFileSync(join(dir, `${path}.gz`), gzipSync(text));
  }
  writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  app = Fastify();
  await registerClientApp(app, dir);
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the built client', () => {
  it('sends a script pre-compressed with brotli, with its type, encoding and Vary', async () => {
    const response = await app.inject({
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(response.headers['cache-control']).toContain('immutable');
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(script);
  });

  it('sends gzip to a client without brotli, and the plain file to one without either', async () => {
    const gz = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await app.inject({
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.body).toBe(script);
  });

  it('answers 404, never the page, for a script, style or other file that is not there', async () => {
    for (const url of [
      '/assets/index-old999.js',
      '/assets/index-old999.css',
      '/assets/zxing_reader-old.wasm',
      '/assets/anything',
      '/workbox-old.js',
      '/icons/missing.png',
      '/manifest-old.webmanifest',
    ]) {
      const response = await app.inject({ url, headers: { accept: '*/*', 'accept-encoding': 'br' } });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toMatch(/application\/json/);
      expect(response.json(), url).toMatchObject({ code: 'route.notFound' });
    }
  });

  it('answers 404 to a browser asking for a script at a path without an extension', async () => {
    const response = await app.inject({ url: '/some/module', headers: { 'sec-fetch-dest': 'script' } });
    expect(response.statusCode).toBe(404);
  });

  it('gives every navigation to an app route the page, compressed and never cached stale', async () => {
    for (const url of [
      '/',
      '/orders/7c1e2a90-0000-4000-8000-000000000001',
      '/stock/products/SNK-ROMA.40',
      '/sign-in?next=/',
    ]) {
      const response = await app.inject({
        url,
        headers: { accept: 'text/html', 'sec-fetch-dest': 'document', 'accept-encoding': 'br' },
      });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toMatch(/text\/html/);
      expect(response.headers['cache-control'], url).toBe('no-cache');
      expect(brotliDecompressSync(response.rawPayload).toString(), url).toBe(page);
    }
  });

  it('keeps unknown API paths a JSON 404', async () => {
    const response = await app.inject({ url: '/api/nothing-here', headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'route.notFound' });
  });
});
