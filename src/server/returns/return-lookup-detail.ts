import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { returnErrorCodes } from '../../contract/error-codes';
import type { OrderPayment } from '../../contract/orders';
import {
  returnViolation,
  type ReturnDetail,
  type ReturnStatus,
  type ReturnSummary,
} from '../../contract/returns';
import type { Executor } from '../db/client';
import {
  associates,
  orderLines,
  orderReturns,
  orders,
  products,
  refunds,
  returnUnits,
  stores,
} from '../db/schema';
import { iso } from '../db/time';
import { HttpError } from '../http-error';
import { loadReturnSummaries, paymentSummaryOf } from './return-lookup';

/*
 * A store's returns: the list (the manager's review queue and the day's returns) and one return
 * in full, for its screen, its printed receipt and its e-mail.
 */

export const MAX_RETURN_LIST = 200;

export function loadStoreReturns(
  db: Executor,
  storeId: string,
  status: ReturnStatus | 'all',
): Promise<ReturnSummary[]> {
  return loadReturnSummaries(
    db,
    and(eq(orderReturns.storeId, storeId), status === 'all' ? undefined : eq(orderReturns.status, status)),
    'newest',
    MAX_RETURN_LIST,
  );
}

const orderStore = alias(stores, 'order_store');

/** The write side's jsonb, read leniently: a row written by an older release must still show. */
const storedOverride = z.object({
  managerId: z.string(),
  managerName: z.string().optional(),
  reason: z.string(),
  overridden: z.array(returnViolation).optional(),
  violations: z.array(returnViolation).optional(),
});
const storedRefundLine = z.object({
  lineId: z.string(),
  qty: z.number(),
  grossCents: z.number(),
  discountShareCents: z.number(),
  refundCents: z.number(),
});

function violationsOf(value: unknown): ReturnDetail['violations'] {
  return Array.isArray(value) ? value.flatMap((v) => returnViolation.safeParse(v).data ?? []) : [];
}

async function associateNames(
  db: Executor,
  ids: (string | null | undefined)[],
): Promise<Map<string, string>> {
  const wanted = [
    ...new Set(ids.filter((id): id is string => typeof id === 'string' && z.uuid().safeParse(id).success)),
  ];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: associates.id, name: associates.name })
    .from(associates)
    .where(inArray(associates.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** One return taken at `storeId`, in full; 404 return.notFound for another store's. */
export async function loadReturnDetail(
  db: Executor,
  storeId: string,
  returnId: string,
): Promise<ReturnDetail> {
  const [row] = await db
    .select({
      ret: orderReturns,
      store: stores,
      order: {
        number: orders.number,
        storeId: orders.storeId,
        channel: orders.channel,
        placedAt: orders.placedAt,
        currency: orders.currency,
        customerName: orders.customerName,
      },
      orderStoreName: orderStore.name,
    })
    .from(orderReturns)
    .innerJoin(stores, eq(stores.id, orderReturns.storeId))
    .innerJoin(orders, eq(orders.id, orderReturns.orderId))
    .innerJoin(orderStore, eq(orderStore.id, orders.storeId))
    .where(and(eq(orderReturns.id, returnId), eq(orderReturns.storeId, storeId)));
  if (!row) throw new HttpError(404, returnErrorCodes.notFound, 'No such return at this store', { returnId });
  const { ret, store, order } = row;

  const units = await db
    .select({
      unitNo: returnUnits.unitNo,
      // The item it came back as (src/domain/return-items.ts), as the refund's lines name it: the
      // line, or for a kept substitute the line and the substitute's product.
      lineId: sql<string>`case when ${returnUnits.productId} = ${orderLines.productId}
        then ${returnUnits.orderLineId}::text
        else ${returnUnits.orderLineId}::text || '/' || ${returnUnits.productId}::text end`,
      sku: products.sku,
      nameIt: products.nameIt,
      nameEn: products.nameEn,
      size: products.size,
      reason: returnUnits.reason,
      condition: returnUnits.condition,
      disposition: returnUnits.disposition,
    })
    .from(returnUnits)
    .innerJoin(products, eq(products.id, returnUnits.productId))
    .innerJoin(orderLines, eq(orderLines.id, returnUnits.orderLineId))
    .where(eq(returnUnits.returnId, ret.id))
    .orderBy(asc(returnUnits.unitNo));
  const [refund] = await db.select().from(refunds).where(eq(refunds.returnId, ret.id));
  const override = storedOverride.safeParse(ret.override).data;
  const names = await associateNames(db, [ret.takenBy, ret.decidedBy, override?.managerId]);

  return {
    id: ret.id,
    number: ret.number,
    status: ret.status,
    storeId: ret.storeId,
    orderId: ret.orderId,
    orderNumber: order.number,
    customerName: order.customerName,
    takenAt: iso(ret.takenAt),
    refundCents: ret.refundCents,
    shippingRefundCents: ret.shippingRefundCents,
    storeName: store.name,
    storeAddress: `${store.address}, ${store.postcode} ${store.city}`,
    orderStoreId: order.storeId,
    orderStoreName: row.orderStoreName,
    orderChannel: order.channel as ReturnDetail['orderChannel'],
    orderPlacedAt: iso(order.placedAt),
    currency: order.currency,
    takenBy: { id: ret.takenBy, name: names.get(ret.takenBy) ?? '' },
    receiptEmail: ret.receiptEmail,
    language: ret.language === 'en' ? 'en' : 'it',
    units: units.map((u) => ({
      ...u,
      condition: u.condition as ReturnDetail['units'][number]['condition'],
      disposition: u.disposition as ReturnDetail['units'][number]['disposition'],
    })),
    violations: violationsOf(ret.violations),
    override: override
      ? {
          managerId: override.managerId,
          managerName: override.managerName ?? names.get(override.managerId) ?? '',
          reason: override.reason,
          overridden: override.overridden ?? override.violations ?? [],
        }
      : null,
    refund: refund
      ? {
          key: refund.refundKey,
          totalCents: refund.totalCents,
          shippingCents: refund.shippingCents,
          lines: Array.isArray(refund.lines)
            ? refund.lines.flatMap((l) => storedRefundLine.safeParse(l).data ?? [])
            : [],
          adapter: refund.adapter,
          providerRef: refund.providerRef,
          payment: paymentSummaryOf(refund.payment as OrderPayment | null),
          createdAt: iso(refund.createdAt),
        }
      : null,
    decision:
      ret.decidedAt && ret.decidedBy
        ? {
            at: iso(ret.decidedAt),
            by: { id: ret.decidedBy, name: names.get(ret.decidedBy) ?? '' },
            reason: ret.decisionReason ?? '',
          }
        : null,
  };
}
