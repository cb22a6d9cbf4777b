import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import { buildApp } from '../app';
import type { DatabaseHandle } from '../db/client';
import { customerNotifications, webhookDeliveries } from '../db/schema';
import { startTestSmtpServer, type TestSmtpServer } from '../notifications/testing/test-smtp-server';
import { stockedProducts, type StockedProduct } from '../testing/fixtures';
import { bearer, seedTestData, TEST_API_KEY, TEST_JWT_SECRET } from '../testing/test-app';
import { intakeBody } from '../testing/fixtures';
import { openTestDatabase } from '../testing/test-database';

/**
 * The jobs as main.ts runs them: started when the server listens, woken by the outbox NOTIFY
 * (well before their 15-second poll), and stopped by close without leaving anything running.
 */
let database: DatabaseHandle;
let app: FastifyInstance;
let smtp: TestSmtpServer;
let platform: Server;
const events: string[] = [];
let session: Session;
let product: StockedProduct;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedTestData(database);
  // The seed's own messages and events would go out first; this file watches new ones.
  const at = new Date().toISOString();
  await database.db
    .update(customerNotifications)
    .set({ sentAt: at })
    .where(isNull(customerNotifications.sentAt));
  await database.db
    .update(webhookDeliveries)
    .set({ deliveredAt: at })
    .where(isNull(webhookDeliveries.deliveredAt));
  smtp = await startTestSmtpServer();
  platform = createServer((request, response) => {
    events.push(String(request.headers['x-aisle-event']));
    request.resume();
    request.on('end', () => response.writeHead(204).end());
  });
  await new Promise<void>((resolve) => platform.listen(0, '127.0.0.1', resolve));
  app = await buildApp({
    database,
    logger: false,
    backgroundJobs: true,
    settings: {
      LOG_LEVEL: 'silent',
      INTAKE_API_KEY: TEST_API_KEY,
      JWT_SECRET: TEST_JWT_SECRET,
      ACCESS_TOKEN_TTL_SECONDS: 900,
      REFRESH_TOKEN_TTL_DAYS: 30,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Aisle <orders@aisle.test>',
      WEBHOOK_URL: `http://127.0.0.1:${(platform.address() as AddressInfo).port}/hooks`,
      WEBHOOK_SECRET: 'platform-shared-secret-0123456789abcdef',
    },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const signIn = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { storeId: 'MI01', employeeId: '1001', pin: '1234', deviceId: 'jobs-device-0001' },
  });
  session = signIn.json<Session>();
  [product] = (await stockedProducts(database.db, 'MI01', 1)) as [StockedProduct];
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  await smtp?.close();
  await new Promise((resolve) => platform?.close(resolve));
});

async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('background jobs in the server', () => {
  it('e-mails the customer and posts the event within moments of staging', async () => {
    const post = (url: string, payload: object = {}, headers = bearer(session)) =>
      app.inject({ method: 'POST', url, headers, payload });
    const placed = await post(
      '/api/orders',
      intakeBody([{ sku: product.sku, qty: 1 }], {
        customer: { name: 'Ada', email: 'ada@example.com', language: 'en' },
      }),
      { 'x-api-key': TEST_API_KEY },
    );
    const order = placed.json<{ id: string; number: string }>();
    await post(`/api/orders/${order.id}/claim`);
    await post(`/api/orders/${order.id}/pick`, { code: product.barcode });
    expect(
      (await post(`/api/orders/${order.id}/stage`, { locationCode: 'MI01-A02', shareShelf: true }))
        .statusCode,
    ).toBe(200);

    await until(() =>
      smtp.messages.some((m) => m.subject === `Your order ${order.number} is ready for pickup`),
    );
    await until(() => events.includes('order.ready'));
  });
});
