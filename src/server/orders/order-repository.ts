import { and, eq, sql } from 'drizzle-orm';
import type { FulfillmentType, OrderStatus } from '../../domain/order-machine';
import type { PickLine } from '../../domain/picking';
import type { Executor } from '../db/client';
import { orderErrorCodes } from '../../contract/error-codes';
import { DomainError } from '../../domain/domain-error';
import { orderLines, orders, products, stock, stockMovements } from '../db/schema';
import { nextStoreVersion } from '../sync/store-version';

export type OrderRow = typeof orders.$inferSelect & { status: OrderStatus; fulfillmentType: FulfillmentType };
export type LineRow = PickLine & { productId: string; lineNo: number; shortReason: string | null };

/** The columns of a LineRow; select them from order_lines joined with products. */
export const pickLineColumns = {
  id: orderLines.id,
  lineNo: orderLines.lineNo,
  productId: orderLines.productId,
  gtin14: products.gtin14,
  qtyOrdered: orderLines.qtyOrdered,
  qtyPicked: orderLines.qtyPicked,
  qtyShort: orderLines.qtyShort,
  shortReason: orderLines.shortReason,
};

export async function loadPickLines(tx: Executor, orderId: string): Promise<LineRow[]> {
  return tx
    .select(pickLineColumns)
    .from(orderLines)
    .innerJoin(products, eq(products.id, orderLines.productId))
    .where(eq(orderLines.orderId, orderId))
    .orderBy(orderLines.lineNo);
}

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

/**
 * The order a command already created under this externalId (a resend): its id, number and
 * store, or undefined. The same externalId with other details is `order.duplicateMismatch`.
 */
export async function replayedOrder(tx: Executor, externalId: string, hash: string, what: string) {
  const [row] = await tx
    .select({
      id: orders.id,
      number: orders.number,
      storeId: orders.storeId,
      requestHash: orders.requestHash,
    })
    .from(orders)
    .where(eq(orders.externalId, externalId));
  if (!row) return undefined;
  if (row.requestHash !== hash) {
    throw new DomainError(orderErrorCodes.duplicateMismatch, `This ${what} was made with other details`, {
      externalId,
      orderId: row.id,
    });
  }
  return { orderId: row.id, orderNumber: row.number, storeId: row.storeId };
}
