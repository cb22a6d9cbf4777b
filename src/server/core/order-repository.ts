import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { stock, stockMovements } from '../db/schema';
import { nextStoreVersion } from './store-version';

/**
 * Reserves units only if they are available, in one conditional UPDATE, so two concurrent
 * reservations of the last unit cannot both succeed.
 */
export async function tryReserve(
  tx: Executor,
  storeId: string,
  productId: string,
  qty: number,
  orderId: string,
): Promise<boolean> {
  const updated = await tx
    .update(stock)
    .set({
      reserved: sql`${stock.reserved} + ${qty}`,
      updatedAt: sql`now()`,
      syncVersion: await nextStoreVersion(tx, storeId),
    })
    .where(
      and(
        eq(stock.storeId, storeId),
        eq(stock.productId, productId),
        sql`${stock.onHand} - ${stock.reserved} - ${stock.safetyStock} >= ${qty}`,
      ),
    )
    .returning({ productId: stock.productId });
  if (updated.length === 0) return false;
  await tx.insert(stockMovements).values({
    storeId,
    productId,
    orderId,
    reason: 'order.reserve',
    deltaOnHand: 0,
    deltaReserved: qty,
  });
  return true;
}
