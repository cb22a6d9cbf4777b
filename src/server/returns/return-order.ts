import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { RefundHistory } from '../../domain/refund';
import type { RefundLine } from '../../domain/refund';
import type { Executor } from '../db/client';
import { orderLines, orderReturns, orders, products, refunds, returnUnits, stores } from '../db/schema';
import type { OrderRow } from '../orders/order-repository';
import type { OrderWork } from '../orders/order-work';

/** An order line as the return policy and the refund need it. */
export interface ReturnOrderLineRow {
  lineId: string;
  lineNo: number;
  productId: string;
  sku: string;
  category: string;
  returnable: boolean;
  finalSale: boolean;
  unitPriceCents: number;
  qtyOrdered: number;
  qtyShort: number;
}

export interface LockedReturnOrder {
  order: OrderRow;
  lines: ReturnOrderLineRow[];
}

/**
 * The order a return is taken for, of any store, locked FOR UPDATE until commit, so two devices
 * returning the same order are taken one after the other and the second sees the first. For an
 * order of the unit of work's own store, the unit of work's view wins: it may hold a change not
 * written yet (a handover queued offline just before the return, in the same push).
 */
export async function lockOrderForReturn(
  work: OrderWork,
  orderId: string,
): Promise<LockedReturnOrder | null> {
  const [row] = await work.tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
  if (!row) return null;
  const lines = await work.tx
    .select({
      lineId: orderLines.id,
      lineNo: orderLines.lineNo,
      productId: orderLines.productId,
      sku: products.sku,
      category: products.category,
      returnable: products.returnable,
      finalSale: orderLines.finalSale,
      unitPriceCents: orderLines.unitPriceCents,
      qtyOrdered: orderLines.qtyOrdered,
      qtyShort: orderLines.qtyShort,
    })
    .from(orderLines)
    .innerJoin(products, eq(products.id, orderLines.productId))
    .where(eq(orderLines.orderId, orderId))
    .orderBy(asc(orderLines.lineNo));
  if (row.storeId !== work.storeId) return { order: row as OrderRow, lines };
  const order = await work.order(orderId);
  const current = new Map((await work.lines(orderId)).map((l) => [l.id, l.qtyShort]));
  return { order, lines: lines.map((l) => ({ ...l, qtyShort: current.get(l.lineId) ?? l.qtyShort })) };
}

/** What earlier returns of an order took: units per line, and the money refunded. */
export interface ReturnHistory {
  /** Units of refunded returns, per order line. */
  returned: ReadonlyMap<string, number>;
  /** Units of returns waiting for a manager, per order line. */
  inReview: ReadonlyMap<string, number>;
  refunds: RefundHistory;
}

export async function loadReturnHistory(
  tx: Executor,
  orderId: string,
  excludeReturnId?: string,
): Promise<ReturnHistory> {
  const others = excludeReturnId ? [ne(orderReturns.id, excludeReturnId)] : [];
  const counted = await tx
    .select({
      lineId: returnUnits.orderLineId,
      status: orderReturns.status,
      units: sql<number>`count(*)::int`,
    })
    .from(returnUnits)
    .innerJoin(orderReturns, eq(orderReturns.id, returnUnits.returnId))
    .where(
      and(eq(orderReturns.orderId, orderId), inArray(orderReturns.status, ['refunded', 'review']), ...others),
    )
    .groupBy(returnUnits.orderLineId, orderReturns.status);
  const returned = new Map<string, number>();
  const inReview = new Map<string, number>();
  for (const row of counted) {
    (row.status === 'refunded' ? returned : inReview).set(row.lineId, Number(row.units));
  }

  const paid = await tx
    .select({ key: refunds.refundKey, shippingCents: refunds.shippingCents, lines: refunds.lines })
    .from(refunds)
    .where(
      and(eq(refunds.orderId, orderId), ...(excludeReturnId ? [ne(refunds.returnId, excludeReturnId)] : [])),
    )
    .orderBy(asc(refunds.createdAt));
  const lines: Record<string, { qty: number; cents: number }> = {};
  for (const refund of paid) {
    for (const line of refund.lines as RefundLine[]) {
      const before = lines[line.lineId] ?? { qty: 0, cents: 0 };
      lines[line.lineId] = { qty: before.qty + line.qty, cents: before.cents + line.refundCents };
    }
  }
  return {
    returned,
    inReview,
    refunds: {
      lines,
      shippingCents: paid.reduce((sum, r) => sum + r.shippingCents, 0),
      refundKeys: paid.map((r) => r.key),
    },
  };
}

/** The store's IANA zone: return windows count its calendar days. */
export async function storeTimeZone(tx: Executor, storeId: string): Promise<string> {
  const [store] = await tx.select({ timezone: stores.timezone }).from(stores).where(eq(stores.id, storeId));
  if (!store) throw new Error(`store ${storeId} has no row`);
  return store.timezone;
}
