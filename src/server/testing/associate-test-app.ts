import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Session } from '../../contract/auth';
import type { IntakeOrderBody, OrderDetail } from '../../contract/orders';
import type { Db } from '../db/client';
import { stockedProducts, type StockedProduct } from './fixtures';
import { bearer, createTestApp, type TestApp } from './test-app';

/**
 * A DB test file's store, as an associate works in it: the app over a fresh database, associate
 * 1001 of MI01 signed in on the file's own device, and `products` products of which MI01 can
 * promise `available` each. Made before the file's tests and closed after them; its parts are
 * read inside tests, hooks and the helpers they call.
 */
export function associateTestApp({
  deviceId,
  products: count,
  available,
}: {
  deviceId: string;
  products: number;
  available?: number;
}) {
  let t: TestApp | undefined;
  let session: Session | undefined;
  let stocked: StockedProduct[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    session = await t.signIn({ employeeId: '1001', deviceId });
    stocked = await stockedProducts(t.database.db, 'MI01', count, available);
  });
  afterAll(() => t?.close());

  const app = (): TestApp => {
    if (!t) throw new Error('associateTestApp: read before its beforeAll ran');
    return t;
  };
  const associate = (): Session => {
    if (!session) throw new Error('associateTestApp: read before its beforeAll ran');
    return session;
  };

  return {
    db: (): Db => app().database.db,
    associate,
    products: (): StockedProduct[] => stocked,
    inject: (options: InjectOptions) => app().app.inject(options),
    /** Places an order through the intake API, as the e-commerce platform does. */
    placeOrder: (lines: { sku: string; qty: number }[], overrides?: Partial<IntakeOrderBody>) =>
      app().placeOrder(lines, overrides),
    /** The associate's action on an order (POST /api/orders/:id/:action), answered as it is. */
    act: (orderId: string, action: string, payload: object = {}) =>
      app().app.inject({
        method: 'POST',
        url: `/api/orders/${orderId}/${action}`,
        headers: bearer(associate()),
        payload,
      }),
    /** The order as the associate's device reads it. */
    detail: async (orderId: string): Promise<OrderDetail> =>
      (
        await app().app.inject({ url: `/api/orders/${orderId}`, headers: bearer(associate()) })
      ).json<OrderDetail>(),
  };
}
