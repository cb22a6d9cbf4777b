import { and, eq, sql } from 'drizzle-orm';
import { DomainError } from '../../domain/domain-error';
import type { FulfillmentType, OrderStatus } from '../../domain/order-machine';
import type { PickLine } from '../../domain/picking';
import type { StockDelta } from '../../domain/order-stock';
import { orderErrorCodes } from '../../contract/error-codes';
import type { Executor } from '../db/client';
import { orderLines, orders, products, stock, stockMovements } from '../db/schema';
import { nextStoreVersion, storeVersionBump } from '../sync/store-version';

export type OrderRow = typeof orders.$inferSelect & { status: OrderStatus; fulfillmentType: FulfillmentType };
export type LineRow = PickLine & { productId: string; lineNo: number; shortReason: string | null };

/** Reads the order and holds its row lock until the transaction ends, serialising actions on it. */
export async function lockOrder(tx: Executor, storeId: string, orderId: string): Promise<OrderRow> {
  const [row] = await tx
    .select()
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.storeId, storeId)))
    .for('update');
  // An order of another store is "not found": its existence is none of this store's business.
  if (!row) throw new DomainError(orderErrorCodes.notFound, 'No such order in this store', { orderId });
  return row as OrderRow;
}

export async function loadPickLines(tx: Executor, orderId: string): Promise<LineRow[]> {
  return tx
    .select({
      id: orderLines.id,
      lineNo: orderLines.lineNo,
      productId: orderLines.productId,
      gtin14: products.gtin14,
      qtyOrdered: orderLines.qtyOrdered,
      qtyPicked: orderLines.qtyPicked,
      qtyShort: orderLines.qtyShort,
      shortReason: orderLines.shortReason,
    })
    .from(orderLines)
    .innerJoin(products, eq(products.id, orderLines.productId))
    .where(eq(orderLines.orderId, orderId))
    .orderBy(orderLines.lineNo);
}

export async function saveLine(tx: Executor, line: LineRow): Promise<void> {
  await tx
    .update(orderLines)
    .set({ qtyPicked: line.qtyPicked, qtyShort: line.qtyShort, shortReason: line.shortReason })
    .where(eq(orderLines.id, line.id));
}

/**
 * Writes the order's changed fields and bumps its version, which clients use to see change.
 * The store's change number is taken in the same statement (a CTE), one round trip in all.
 */
export async function updateOrder(
  tx: Executor,
  order: OrderRow,
  changes: Partial<typeof orders.$inferInsert>,
): Promise<void> {
  const bump = tx
    .$with('store_version_bump', { version: sql<number>`version` })
    .as(storeVersionBump(order.storeId));
  await tx
    .with(bump)
    .update(orders)
    .set({
      ...changes,
      version: sql`${orders.version} + 1`,
      updatedAt: sql`now()`,
      syncVersion: sql`(select version from store_version_bump)`,
    })
    .where(eq(orders.id, order.id));
}

export async function isKnownGtin(tx: Executor, gtin14: string): Promise<boolean> {
  const [row] = await tx.select({ id: products.id }).from(products).where(eq(products.gtin14, gtin14));
  return row !== undefined;
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

export async function moveStock(
  tx: Executor,
  move: { storeId: string; productId: string; orderId: string; reason: string; delta: StockDelta },
): Promise<void> {
  if (move.delta.onHand === 0 && move.delta.reserved === 0) return;
  const bump = tx
    .$with('store_version_bump', { version: sql<number>`version` })
    .as(storeVersionBump(move.storeId));
  await tx
    .with(bump)
    .update(stock)
    .set({
      onHand: sql`${stock.onHand} + ${move.delta.onHand}`,
      reserved: sql`greatest(0, ${stock.reserved} + ${move.delta.reserved})`,
      updatedAt: sql`now()`,
      syncVersion: sql`(select version from store_version_bump)`,
    })
    .where(and(eq(stock.storeId, move.storeId), eq(stock.productId, move.productId)));
  await tx.insert(stockMovements).values({
    storeId: move.storeId,
    productId: move.productId,
    orderId: move.orderId,
    reason: move.reason,
    deltaOnHand: move.delta.onHand,
    deltaReserved: move.delta.reserved,
  });
}
