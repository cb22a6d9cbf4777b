import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import { orders, stockMovements } from '../db/schema';
import type { StockedProduct } from '../testing/fixtures';
import { stockedProducts, stockOf } from '../testing/fixtures';
import type { TestApp } from '../testing/test-app';
import { createTestApp } from '../testing/test-app';
import { OrderWork } from './order-work';

let t: TestApp;
let session: Session;
let products: StockedProduct[];

beforeAll(async () => {
  t = await createTestApp();
  session = await t.signIn();
  products = await stockedProducts(t.database.db, 'MI01', 2);
});
afterAll(() => t?.close());

const actor = () => ({
  type: 'associate' as const,
  id: session.associate.id,
  storeId: 'MI01',
  deviceId: 'test',
});

describe('the order unit of work', () => {
  it('forgets every change of a command that throws, and writes the others once at flush', async () => {
    const [a] = products as [StockedProduct];
    const order = await t.placeOrder([{ sku: a.sku, qty: 2 }]);
    const before = await stockOf(t.database.db, 'MI01', a.id);

    await t.database.db.transaction(async (tx) => {
      const work = new OrderWork(tx, 'MI01');
      const loaded = await work.order(order.id);
      await work.attempt(async () => {
        work.updateOrder(loaded, { status: 'picking', claimedBy: session.associate.id });
        work.audit(actor(), { action: 'order.claim', entityType: 'order', entityId: order.id });
      });
      // This command changes the order, the stock and the audit, then fails: none of it stays.
      await expect(
        work.attempt(async () => {
          work.updateOrder(await work.order(order.id), { status: 'cancelled', cancelReason: 'x' });
          work.moveStock({
            productId: a.id,
            orderId: order.id,
            reason: 'order.cancel',
            delta: { onHand: 0, reserved: -2 },
          });
          throw new Error('refused after writing');
        }),
      ).rejects.toThrow('refused after writing');
      expect((await work.order(order.id)).status).toBe('picking');
      // Nothing reaches the database before the flush.
      const [unflushed] = await tx.select().from(orders).where(eq(orders.id, order.id));
      expect(unflushed?.status).toBe('new');
      await work.flush();
    });

    const [row] = await t.database.db.select().from(orders).where(eq(orders.id, order.id));
    expect(row).toMatchObject({ status: 'picking', claimedBy: session.associate.id, cancelReason: null });
    expect(row?.version).toBe(2);
    expect(await stockOf(t.database.db, 'MI01', a.id)).toEqual(before);
    const moves = await t.database.db
      .select()
      .from(stockMovements)
      .where(eq(stockMovements.orderId, order.id));
    expect(moves.map((m) => m.reason)).toEqual(['order.reserve']);
  });

  it('treats an order of another store, or an id that is not a uuid, as not found', async () => {
    const order = await t.placeOrder([{ sku: products[1]!.sku, qty: 1 }]);
    await t.database.db.transaction(async (tx) => {
      const elsewhere = new OrderWork(tx, 'MI02');
      await expect(elsewhere.order(order.id)).rejects.toMatchObject({ code: 'order.notFound' });
      await elsewhere.prefetch(['not-a-uuid']);
      await expect(elsewhere.order('not-a-uuid')).rejects.toMatchObject({ code: 'order.notFound' });
    });
  });
});
