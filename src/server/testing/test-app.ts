import type { FastifyInstance } from 'fastify';
import type { Session } from '../../contract/auth';
import type { IntakeOrderBody, IntakeResult } from '../../contract/orders';
import { intakeBody } from './fixtures';
import type { AppSettings } from '../app';
import { buildApp } from '../app';
import type { DatabaseHandle } from '../db/client';
import type { CarrierRegistry } from '../shipping/carrier-registry';
import { seedDemo } from '../demo/seed-demo';
import { openTestDatabase } from './test-database';

export const TEST_API_KEY = 'test-intake-key-0123456789';
export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  close(): Promise<void>;
  signIn(who?: { storeId?: string; employeeId?: string; pin?: string; deviceId?: string }): Promise<Session>;
  /** Places an order through the intake API, as the e-commerce platform does. */
  placeOrder(
    lines: { sku: string; qty: number }[],
    overrides?: Partial<IntakeOrderBody>,
  ): Promise<IntakeResult>;
}

export interface TestAppOptions {
  /** Serve this (migrated, seeded) database instead of a fresh one; close() closes it too. */
  database?: DatabaseHandle;
  /** Runs before the app is ready, e.g. to add hooks that observe or delay requests. */
  configure?: (app: FastifyInstance) => void;
  /** Book labels with these carriers instead of the own fleet (e.g. one that fails on purpose). */
  carriers?: CarrierRegistry;
}

/** The small seed every test database gets. */
export async function seedTestData(database: DatabaseHandle): Promise<void> {
  await seedDemo(database.db, {
    productCount: 300,
    firstStoreOrders: 8,
    ordersPerOtherStore: 1,
    inboundOrders: 0,
    pastDays: 0,
  });
}

/** The real app over a real, freshly seeded database (a small catalogue, to stay quick). */
export async function createTestApp(
  settings: Partial<AppSettings> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  let database = options.database;
  if (!database) {
    database = await openTestDatabase();
    await seedTestData(database);
  }
  const app = await buildApp({
    database,
    logger: false,
    ...(options.carriers ? { carriers: options.carriers } : {}),
    settings: {
      LOG_LEVEL: 'silent',
      INTAKE_API_KEY: TEST_API_KEY,
      JWT_SECRET: TEST_JWT_SECRET,
      ACCESS_TOKEN_TTL_SECONDS: 900,
      REFRESH_TOKEN_TTL_DAYS: 30,
      ...settings,
    },
  });
  options.configure?.(app);
  await app.ready();
  const handle = database;
  return {
    app,
    database: handle,
    async close() {
      await app.close();
      await handle.close();
    },
    async placeOrder(lines, overrides = {}) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/orders',
        headers: { 'x-api-key': TEST_API_KEY },
        payload: intakeBody(lines, overrides),
      });
      if (response.statusCode !== 201)
        throw new Error(`intake failed: ${response.statusCode} ${response.body}`);
      return response.json<IntakeResult>();
    },
    async signIn(who = {}) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: {
          storeId: who.storeId ?? 'MI01',
          employeeId: who.employeeId ?? '1001',
          pin: who.pin ?? '1234',
          deviceId: who.deviceId ?? 'test-device-0001',
        },
      });
      if (response.statusCode !== 200)
        throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
      return response.json<Session>();
    },
  };
}

export function bearer(session: Session): Record<string, string> {
  return { authorization: `Bearer ${session.accessToken}` };
}
