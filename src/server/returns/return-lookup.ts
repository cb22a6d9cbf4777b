import { and, asc, desc, eq, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import { orderErrorCodes } from '../../contract/error-codes';
import type { OrderPayment } from '../../contract/orders';
import type { ReturnableOrder, ReturnSummary } from '../../contract/returns';
import { DomainError } from '../../domain/domain-error';
import { substituteItems } from '../../domain/return-items';
import type { Executor } from '../db/client';
import { orderLines, orderReturns, orders, products, refunds, returnUnits, stores } from '../db/schema';
import { iso } from '../db/time';
import type { ReturnOrderQuery } from './return-lookup-query';

/*
 * The read side of returns: orders as the return counter needs them, from any store. A view of
 * N orders costs five queries (orders, lines, returned units, refunds, returns), whatever N.
 */

export const MAX_SEARCH_RESULTS = 10;
export const MAX_RECENT_ORDERS = 300;
/** How far back a device keeps its store's orders for returns taken offline. */
export const RECENT_DAYS = 30;

type PaymentSummary = ReturnableOrder['payment'];

/** What the counter may show of a payment: never the provider's reference. */
export function paymentSummaryOf(payment: OrderPayment | null | undefined): PaymentSummary {
  if (!payment) return null;
  return {
    method: payment.method,
    ...(payment.brand ? { brand: payment.brand } : {}),
    ...(payment.last4 ? { last4: payment.last4 } : {}),
  };
}

const channelOf = (value: string) => value as ReturnableOrder['channel'];
const languageOf = (value: string): ReturnableOrder['customerLanguage'] => (value === 'en' ? 'en' : 'it');

/** Returns with their unit counts, as one list row; `where` picks them. */
export async function loadReturnSummaries(
  db: Executor,
  where: SQL | undefined,
  order: 'newest' | 'oldest',
  limit?: number,
): Promise<ReturnSummary[]> {
  const query = db
    .select({
      id: orderReturns.id,
      number: orderReturns.number,
      status: orderReturns.status,
      storeId: orderReturns.storeId,
      orderId: orderReturns.orderId,
      orderNumber: orders.number,
      customerName: orders.customerName,
      takenAt: orderReturns.takenAt,
      units: sql<number>`(select count(*)::int from ${returnUnits} u where u.return_id = ${orderReturns.id})`,
      refundCents: orderReturns.refundCents,
      shippingRefundCents: orderReturns.shippingRefundCents,
    })
    .from(orderReturns)
    .innerJoin(orders, eq(orders.id, orderReturns.orderId))
    .where(where)
    .orderBy(
      order === 'newest' ? desc(orderReturns.createdAt) : asc(orderReturns.takenAt),
      asc(orderReturns.number),
    );
  const rows = limit === undefined ? await query : await query.limit(limit);
  return rows.map((row) => ({ ...row, takenAt: iso(row.takenAt), units: Number(row.units) }));
}

interface RefundLineRow {
  lineId?: unknown;
  qty?: unknown;
  refundCents?: unknown;
}

/** The per-line refund history of each order, summed from its refunds. */
async function loadRefundHistories(db: Executor, orderIds: string[]) {
  const rows = await db
    .select({
      orderId: refunds.orderId,
      refundKey: refunds.refundKey,
      returnId: refunds.returnId,
      totalCents: refunds.totalCents,
      shippingCents: refunds.shippingCents,
      lines: refunds.lines,
    })
    .from(refunds)
    .where(inArray(refunds.orderId, orderIds))
    .orderBy(asc(refunds.createdAt));
  const histories = new Map<string, ReturnableOrder['refundHistory']>();
  for (const row of rows) {
    const history: ReturnableOrder['refundHistory'] = histories.get(row.orderId) ?? {
      lines: {},
      shippingCents: 0,
      refundKeys: [],
    };
    history.shippingCents += row.shippingCents;
    // The substitution refund settles no return: the counter counts it against the charge.
    if (row.returnId === null) history.settledCents = (history.settledCents ?? 0) + row.totalCents;
    history.refundKeys.push(row.refundKey);
    for (const line of Array.isArray(row.lines) ? (row.lines as RefundLineRow[]) : []) {
      if (typeof line.lineId !== 'string') continue;
      const before = history.lines[line.lineId] ?? { qty: 0, cents: 0 };
      history.lines[line.lineId] = {
        qty: before.qty + Number(line.qty ?? 0),
        cents: before.cents + Number(line.refundCents ?? 0),
      };
    }
    histories.set(row.orderId, history);
  }
  return histories;
}

/** Units per order line and product in refunded and in-review returns, keyed by line then product. */
async function loadReturnedUnits(db: Executor, orderIds: string[]) {
  const rows = await db
    .select({
      lineId: returnUnits.orderLineId,
      productId: returnUnits.productId,
      status: orderReturns.status,
      units: sql<number>`count(*)::int`,
    })
    .from(returnUnits)
    .innerJoin(orderReturns, eq(orderReturns.id, returnUnits.returnId))
    .where(and(inArray(orderReturns.orderId, orderIds), inArray(orderReturns.status, ['refunded', 'review'])))
    .groupBy(returnUnits.orderLineId, returnUnits.productId, orderReturns.status);
  const byUnit = new Map<string, { returned: number; inReview: number }>();
  for (const row of rows) {
    const key = `${row.lineId} ${row.productId}`;
    const counts = byUnit.get(key) ?? { returned: 0, inReview: 0 };
    if (row.status === 'refunded') counts.returned += Number(row.units);
    else counts.inReview += Number(row.units);
    byUnit.set(key, counts);
  }
  return (lineId: string, productId: string) =>
    byUnit.get(`${lineId} ${productId}`) ?? { returned: 0, inReview: 0 };
}

/** The products of the orders' kept substitutes, by id: each is an item of its own at the counter. */
async function loadSubstituteProducts(
  db: Executor,
  lines: readonly { line: typeof orderLines.$inferSelect }[],
) {
  const ids = [
    ...new Set(
      substituteItems(lines.map(({ line }) => ({ ...line, substitute: line.substitute ?? null }))).map(
        (i) => i.productId,
      ),
    ),
  ];
  const rows = ids.length ? await db.select().from(products).where(inArray(products.id, ids)) : [];
  return new Map(rows.map((p) => [p.id, p]));
}

type ReturnableLine = ReturnableOrder['lines'][number];
type ProductRow = typeof products.$inferSelect;

/** A line's ordered units, or its kept substitute, as the counter shows it. */
function returnableLineOf(
  product: ProductRow,
  line: Pick<typeof orderLines.$inferSelect, 'lineNo' | 'finalSale'>,
  item: {
    lineId: string;
    unitPriceCents: number;
    qtyOrdered: number;
    qtyShort: number;
    substituteOf?: string;
  },
  counts: { returned: number; inReview: number },
): ReturnableLine {
  return {
    lineId: item.lineId,
    lineNo: line.lineNo,
    productId: product.id,
    sku: product.sku,
    gtin14: product.gtin14,
    barcode: product.barcode,
    brand: product.brand,
    nameIt: product.nameIt,
    nameEn: product.nameEn,
    colorIt: product.colorIt,
    colorEn: product.colorEn,
    size: product.size,
    category: product.category,
    returnable: product.returnable,
    finalSale: line.finalSale,
    unitPriceCents: item.unitPriceCents,
    qtyOrdered: item.qtyOrdered,
    qtyShort: item.qtyShort,
    qtyDelivered: item.qtyOrdered - item.qtyShort,
    qtyReturned: counts.returned,
    qtyInReview: counts.inReview,
    ...(item.substituteOf ? { substituteOf: item.substituteOf } : {}),
  };
}

/** The orders, as the return counter sees them, in the order of `orderIds` (unknown ids are left out). */
export async function loadReturnableOrders(
  db: Executor,
  orderIds: readonly string[],
  now: Date = new Date(),
): Promise<ReturnableOrder[]> {
  const ids = [...new Set(orderIds)];
  if (ids.length === 0) return [];
  const orderRows = await db
    .select({ order: orders, storeName: stores.name })
    .from(orders)
    .innerJoin(stores, eq(stores.id, orders.storeId))
    .where(inArray(orders.id, ids));
  const lineRows = await db
    .select({ line: orderLines, product: products })
    .from(orderLines)
    .innerJoin(products, eq(products.id, orderLines.productId))
    .where(inArray(orderLines.orderId, ids))
    .orderBy(asc(orderLines.lineNo));
  const units = await loadReturnedUnits(db, ids);
  const substituteProducts = await loadSubstituteProducts(db, lineRows);
  const histories = await loadRefundHistories(db, ids);
  const returns = await loadReturnSummaries(db, inArray(orderReturns.orderId, ids), 'oldest');
  const fetchedAt = now.toISOString();

  const views = new Map(
    orderRows.map(({ order: o, storeName }): [string, ReturnableOrder] => [
      o.id,
      {
        id: o.id,
        number: o.number,
        storeId: o.storeId,
        storeName,
        channel: channelOf(o.channel),
        fulfillmentType: o.fulfillmentType,
        status: o.status,
        customerName: o.customerName,
        customerEmail: o.customerEmail,
        customerPhone: o.customerPhone,
        customerLanguage: languageOf(o.customerLanguage),
        placedAt: iso(o.placedAt),
        receivedAt: iso(o.collectedAt ?? o.shippedAt),
        currency: o.currency,
        totalCents: o.totalCents,
        discounts: o.discounts,
        shippingCents: o.shippingCents,
        payment: paymentSummaryOf(o.payment),
        lines: lineRows
          .filter(({ line }) => line.orderId === o.id)
          .flatMap(({ line, product }) => {
            const own = returnableLineOf(
              product,
              line,
              {
                lineId: line.id,
                unitPriceCents: line.unitPriceCents,
                qtyOrdered: line.qtyOrdered,
                qtyShort: line.qtyShort,
              },
              units(line.id, product.id),
            );
            const [item] = substituteItems([{ ...line, substitute: line.substitute ?? null }]);
            const substitute = item && substituteProducts.get(item.productId);
            if (!item || !substitute) return [own];
            return [
              own,
              returnableLineOf(
                substitute,
                line,
                {
                  lineId: item.itemId,
                  unitPriceCents: item.unitPaidCents,
                  qtyOrdered: item.qty,
                  qtyShort: 0,
                  substituteOf: line.id,
                },
                units(line.id, item.productId),
              ),
            ];
          }),
        refundHistory: histories.get(o.id) ?? { lines: {}, shippingCents: 0, refundKeys: [] },
        returns: returns.filter((r) => r.orderId === o.id),
        fetchedAt,
      },
    ]),
  );
  return ids.flatMap((id) => views.get(id) ?? []);
}

export async function loadReturnableOrder(db: Executor, orderId: string): Promise<ReturnableOrder> {
  const [view] = await loadReturnableOrders(db, [orderId]);
  if (!view) throw new DomainError(orderErrorCodes.notFound, 'No such order', { orderId });
  return view;
}

/*
 * The expressions below are those of migration 0018's indexes, written the same way so the
 * planner uses them: an order is found among every store's orders of a year or more without
 * reading them all (ADR 0054).
 */
/** Digits of the stored phone read backwards, for comparing however it was typed. */
const storedPhoneDigitsReversed = sql`reverse(regexp_replace(coalesce(${orders.customerPhone}, ''), '[^0-9]', '', 'g'))`;
const storedNumber = sql`upper(regexp_replace(${orders.number}, '[^A-Za-z0-9]', '', 'g'))`;

function phoneMatches(digits: string): SQL {
  const reversed = [...digits].reverse().join('');
  // A national number ("333 123 4567") matches the end of the stored international one
  // (+39 333 123 4567) when only a country code (1 to 3 digits) is missing: the start of the
  // reversed digits (only digits, so nothing in the pattern is a wildcard).
  const national =
    digits.length >= 8
      ? sql`(${storedPhoneDigitsReversed} like ${`${reversed}%`} and length(${storedPhoneDigitsReversed}) between ${digits.length + 1} and ${digits.length + 3})`
      : undefined;
  return or(sql`${storedPhoneDigitsReversed} = ${reversed}`, national) as SQL;
}

function queryCondition(query: ReturnOrderQuery): SQL {
  switch (query.kind) {
    case 'id':
      return eq(orders.id, query.id);
    case 'pass':
      return and(
        sql`${storedNumber} = ${query.number}`,
        query.storeId ? eq(orders.storeId, query.storeId) : undefined,
      ) as SQL;
    case 'email':
      return sql`lower(${orders.customerEmail}) = ${query.email}`;
    case 'text':
      return or(
        query.number ? sql`${storedNumber} = ${query.number}` : undefined,
        query.phoneDigits ? phoneMatches(query.phoneDigits) : undefined,
      ) as SQL;
  }
}

/** Orders of any store and any status matching the query, newest first. */
export async function searchReturnableOrders(
  db: Executor,
  query: ReturnOrderQuery,
): Promise<ReturnableOrder[]> {
  const rows = await db
    .select({ id: orders.id })
    .from(orders)
    .where(queryCondition(query))
    .orderBy(desc(orders.placedAt), asc(orders.number))
    .limit(MAX_SEARCH_RESULTS);
  return loadReturnableOrders(
    db,
    rows.map((r) => r.id),
  );
}

/**
 * What a device of the store keeps for returns taken offline: its orders collected or shipped
 * in the last RECENT_DAYS, and other stores' orders returned here lately (the customer often
 * comes back with the rest), newest first.
 */
export async function loadRecentReturnableOrders(
  db: Executor,
  storeId: string,
  now: Date = new Date(),
): Promise<ReturnableOrder[]> {
  const since = new Date(now.getTime() - RECENT_DAYS * 86_400_000).toISOString();
  const receivedAt = sql`coalesce(${orders.collectedAt}, ${orders.shippedAt})`;
  const rows = await db
    .select({ id: orders.id })
    .from(orders)
    .where(
      or(
        and(eq(orders.storeId, storeId), or(gt(orders.collectedAt, since), gt(orders.shippedAt, since))),
        inArray(
          orders.id,
          db
            .select({ id: orderReturns.orderId })
            .from(orderReturns)
            .where(and(eq(orderReturns.storeId, storeId), gt(orderReturns.createdAt, since))),
        ),
      ),
    )
    .orderBy(sql`${receivedAt} desc nulls last`, desc(orders.placedAt))
    .limit(MAX_RECENT_ORDERS);
  return loadReturnableOrders(
    db,
    rows.map((r) => r.id),
    now,
  );
}
