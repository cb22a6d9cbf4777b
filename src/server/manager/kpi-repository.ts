import { and, eq, gte, isNotNull, lt, or, sql } from 'drizzle-orm';
import { computeKpis, type KpiOrderRow, type KpiReport, type KpiReturnRow } from '../../domain/kpi';
import { kpiPeriod, type KpiRange } from '../../domain/kpi-period';
import { DomainError } from '../../domain/domain-error';
import { orderErrorCodes } from '../../contract/error-codes';
import type { Executor } from '../db/client';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { orderLines, orderReturns, orders, pickupRatings, stores } from '../db/schema';
import { iso } from '../db/time';

/** How far the API's clock may run ahead of the database's for the KPIs to stay exact. */
const CLOCK_SLACK_MS = 60 * 60_000;

const date = (value: string | null) => (value === null ? null : new Date(iso(value)));

export async function storeTimeZone(db: Executor, storeId: string): Promise<string> {
  const [store] = await db.select({ timezone: stores.timezone }).from(stores).where(eq(stores.id, storeId));
  if (!store) throw new DomainError(orderErrorCodes.unknownStore, 'No such store', { storeId });
  return store.timezone;
}

/**
 * The rows the store's KPIs are computed from (src/domain/kpi.ts): every order with a moment
 * in the period, or on the shelf now, with its line totals; returns taken and pickup ratings in
 * the period. Keyed by store, so it reads one store's slice of the tables.
 */
export async function loadKpiReport(
  db: Executor,
  storeId: string,
  range: KpiRange,
  now = new Date(),
): Promise<KpiReport> {
  const period = kpiPeriod(range, now, await storeTimeZone(db, storeId));
  const from = period.from.toISOString();
  const to = period.to.toISOString();
  const within = (column: AnyPgColumn) => and(gte(column, from), lt(column, to));

  const orderRows = await db
    .select({
      fulfillmentType: orders.fulfillmentType,
      status: orders.status,
      totalCents: orders.totalCents,
      promisedAt: orders.promisedAt,
      claimedAt: orders.claimedAt,
      pickedAt: orders.pickedAt,
      readyAt: orders.readyAt,
      shippedAt: orders.shippedAt,
      collectedAt: orders.collectedAt,
      cancelledAt: orders.cancelledAt,
      expiredAt: orders.expiredAt,
      unitsOrdered: sql<number>`(select coalesce(sum(l.qty_ordered), 0)::int from ${orderLines} l where l.order_id = "orders"."id")`,
      unitsPicked: sql<number>`(select coalesce(sum(l.qty_picked), 0)::int from ${orderLines} l where l.order_id = "orders"."id")`,
      unitsShort: sql<number>`(select coalesce(sum(l.qty_short), 0)::int from ${orderLines} l where l.order_id = "orders"."id")`,
      unitsSubstituted: sql<number>`(select coalesce(sum((l.substitute->>'qty')::int), 0)::int from ${orderLines} l where l.order_id = "orders"."id" and l.substitute is not null)`,
      substitutesAccepted: sql<number>`(select count(*)::int from ${orderLines} l where l.order_id = "orders"."id" and l.substitute->>'status' = 'accepted')`,
      substitutesDeclined: sql<number>`(select count(*)::int from ${orderLines} l where l.order_id = "orders"."id" and l.substitute->>'status' = 'declined')`,
    })
    .from(orders)
    .where(
      and(
        eq(orders.storeId, storeId),
        or(
          within(orders.promisedAt),
          // Every other moment is at or before the order's last change, so the orders changed
          // since the period began (an index on store and updated_at) hold them all: a year of
          // history is not read (ADR 0054). The slack covers the API's clock, which stamps the
          // moments, against the database's, which stamps updated_at.
          and(
            gte(orders.updatedAt, new Date(period.from.getTime() - CLOCK_SLACK_MS).toISOString()),
            or(
              within(orders.pickedAt),
              within(orders.readyAt),
              within(orders.shippedAt),
              within(orders.collectedAt),
              within(orders.expiredAt),
            ),
          ),
          eq(orders.status, 'ready'),
        ),
      ),
    );

  const returnRows = await db
    .select({
      createdAt: orderReturns.createdAt,
      status: orderReturns.status,
      refundCents: orderReturns.refundCents,
      shippingRefundCents: orderReturns.shippingRefundCents,
    })
    .from(orderReturns)
    .where(
      and(
        eq(orderReturns.storeId, storeId),
        gte(orderReturns.createdAt, from),
        lt(orderReturns.createdAt, to),
      ),
    );

  const ratingRows = await db
    .select({ ratedAt: pickupRatings.ratedAt, rating: pickupRatings.rating })
    .from(pickupRatings)
    .where(
      and(
        eq(pickupRatings.storeId, storeId),
        isNotNull(pickupRatings.ratedAt),
        gte(pickupRatings.ratedAt, from),
        lt(pickupRatings.ratedAt, to),
      ),
    );

  return computeKpis(period, now, {
    orders: orderRows.map((row): KpiOrderRow => ({
      fulfillmentType: row.fulfillmentType,
      status: row.status,
      totalCents: row.totalCents,
      promisedAt: new Date(iso(row.promisedAt)),
      claimedAt: date(row.claimedAt),
      pickedAt: date(row.pickedAt),
      readyAt: date(row.readyAt),
      shippedAt: date(row.shippedAt),
      collectedAt: date(row.collectedAt),
      cancelledAt: date(row.cancelledAt),
      expiredAt: date(row.expiredAt),
      unitsOrdered: Number(row.unitsOrdered),
      unitsPicked: Number(row.unitsPicked),
      unitsShort: Number(row.unitsShort),
      unitsSubstituted: Number(row.unitsSubstituted),
      substitutesAccepted: Number(row.substitutesAccepted),
      substitutesDeclined: Number(row.substitutesDeclined),
    })),
    returns: returnRows.map((row): KpiReturnRow => ({
      createdAt: new Date(iso(row.createdAt)),
      status: row.status,
      refundCents: row.refundCents + row.shippingRefundCents,
    })),
    ratings: ratingRows.map((row) => ({ ratedAt: new Date(iso(row.ratedAt)), rating: row.rating })),
  });
}
