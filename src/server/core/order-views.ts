import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { IdCheckView } from '../../contract/handover-checks';
import type { OrderDetail, QueueItem } from '../../contract/orders';
import type { IdDocumentType } from '../../domain/id-check';
import { idRequirement } from '../../domain/id-check';
import { orderErrorCodes } from '../../contract/error-codes';
import { DomainError } from '../../domain/domain-error';
import type { ShortReason } from '../../domain/picking';
import { openStatuses, type FulfillmentType, type OrderStatus } from '../../domain/order-machine';
import { sortByLocation } from '../../domain/picking';
import { substitutionRefundKey } from '../../domain/substitution';
import type { Executor } from '../db/client';
import { associates, orderLines, orders, products, refunds, stock } from '../db/schema';
import { iso } from '../db/time';
import { loadShipmentSummaries } from './shipment-summaries';
import { loadJourneyFacts, type JourneyFacts } from './journey-views';
import type { ShipmentSummary } from '../../contract/shipping';

const claimer = alias(associates, 'claimer');
const assignee = alias(associates, 'assignee');

/** How long a closed order stays in the queue, so the associate sees what just happened. */
const RECENTLY_CLOSED_HOURS = 12;

/**
 * What the queue shows: open orders, those closed in the last hours, and ended orders whose
 * picked units still wait to be put back on their shelves. Only an order that had units in the
 * store (claimed, or received) can have some, and never one cancelled because nothing was found:
 * said so, the partial index orders_store_put_back_idx (ADR 0054) holds just these, so a year
 * of closed orders is not read on every queue and first sync. `offset 0` keeps the check of
 * their lines one index lookup per order: without it PostgreSQL may turn it into a hash of every
 * picked line of the chain, when it guesses (wrongly, with history) that many orders wait.
 */
const inQueue = or(
  inArray(orders.status, [...openStatuses]),
  sql`${orders.updatedAt} > now() - make_interval(hours => ${RECENTLY_CLOSED_HOURS})`,
  sql`${orders.status} in ('cancelled', 'expired') and ${orders.putBackAt} is null and (${orders.claimedAt} is not null or ${orders.readyAt} is not null) and ${orders.cancelReason} is distinct from 'nothing_available' and exists (select 1 from ${orderLines} l where l.order_id = ${orders.id} and l.qty_picked > 0 offset 0)`,
);

const lineTotals = {
  lineCount: sql<number>`(select count(*)::int from ${orderLines} l where l.order_id = ${orders.id})`,
  unitCount: sql<number>`(select coalesce(sum(l.qty_ordered), 0)::int from ${orderLines} l where l.order_id = ${orders.id})`,
  pickedUnits: sql<number>`(select coalesce(sum(l.qty_picked), 0)::int from ${orderLines} l where l.order_id = ${orders.id})`,
};

export type QueueRow = {
  order: typeof orders.$inferSelect;
  claimerId: string | null;
  claimerName: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  lineCount: number;
  unitCount: number;
  pickedUnits: number;
};

function toQueueItem(row: QueueRow): QueueItem {
  const o = row.order;
  return {
    id: o.id,
    number: o.number,
    channel: o.channel as QueueItem['channel'],
    fulfillmentType: o.fulfillmentType as FulfillmentType,
    status: o.status as OrderStatus,
    placedAt: iso(o.placedAt),
    promisedAt: iso(o.promisedAt),
    customerName: o.customerName,
    lineCount: Number(row.lineCount),
    unitCount: Number(row.unitCount),
    pickedUnits: Number(row.pickedUnits),
    claimedBy: row.claimerId ? { id: row.claimerId, name: row.claimerName ?? '' } : null,
    stagingLocation: o.stagingLocation,
    assignedTo: row.assigneeId ? { id: row.assigneeId, name: row.assigneeName ?? '' } : null,
    arrivedAt: o.arrivedAt ? iso(o.arrivedAt) : null,
  };
}

function queueSelect(db: Executor) {
  return db
    .select({
      order: orders,
      claimerId: claimer.id,
      claimerName: claimer.name,
      assigneeId: assignee.id,
      assigneeName: assignee.name,
      ...lineTotals,
    })
    .from(orders)
    .leftJoin(claimer, eq(claimer.id, orders.claimedBy))
    .leftJoin(assignee, eq(assignee.id, orders.assignedTo));
}

export async function loadQueue(db: Executor, storeId: string): Promise<QueueItem[]> {
  const rows = await queueSelect(db)
    .where(and(eq(orders.storeId, storeId), inQueue))
    .orderBy(orders.promisedAt, orders.number);
  return rows.map(toQueueItem);
}

export async function loadOrderDetail(db: Executor, storeId: string, orderId: string): Promise<OrderDetail> {
  const [detail] = await loadOrderDetails(db, storeId, [orderId]);
  if (!detail) throw new DomainError(orderErrorCodes.notFound, 'No such order in this store', { orderId });
  return detail;
}

export type OrderDetailWithSync = OrderDetail & {
  cancelledBy: string | null;
  cancelReason: string | null;
  putBackAt: string | null;
  inboundTracking: string | null;
};

/** Several orders with their lines in two queries, for the queue replica's pulls. */
export async function loadOrderDetails(
  db: Executor,
  storeId: string,
  orderIds: readonly string[],
): Promise<OrderDetailWithSync[]> {
  if (orderIds.length === 0) return [];
  const rows = await queueSelect(db)
    .where(and(eq(orders.storeId, storeId), inArray(orders.id, [...orderIds])))
    .orderBy(orders.promisedAt, orders.number);
  const lines = await db
    .select({ line: orderLines, product: products, aisle: stock.aisle, bay: stock.bay })
    .from(orderLines)
    .innerJoin(products, eq(products.id, orderLines.productId))
    .leftJoin(stock, and(eq(stock.productId, orderLines.productId), eq(stock.storeId, storeId)))
    .where(inArray(orderLines.orderId, [...orderIds]));
  // Only packed orders can have a label: most pulls (BOPIS work) skip this query.
  const shipmentsByOrder = await loadShipmentSummaries(
    db,
    rows.filter((row) => row.order.packRevision > 0).map((row) => row.order.id),
  );
  const journeys = await loadJourneyFacts(
    db,
    rows.map((row) => row.order),
  );
  const substitutionRefunds = await loadSubstitutionRefunds(db, rows);
  return orderDetailsOf(rows, lines, shipmentsByOrder, journeys, substitutionRefunds);
}

/** The refund of an order's settled substitutes, as its view shows it. */
export type SubstitutionRefundView = NonNullable<OrderDetailWithSync['substitutionRefund']>;

/** A substitution refund row, however it was read. */
export interface SubstitutionRefundRow {
  orderId: string;
  totalCents: number;
  currency: string;
  createdAt: string | Date;
}

export function substitutionRefundsOf(
  rows: readonly SubstitutionRefundRow[],
): Map<string, SubstitutionRefundView> {
  return new Map(
    rows.map((r) => [
      r.orderId,
      { totalCents: r.totalCents, currency: r.currency, refundedAt: iso(r.createdAt) },
    ]),
  );
}

/**
 * The substitution refunds of the staged orders among `rows`. Paid at staging in the same
 * transaction as the order's change: a pull that sees the order staged sees its refund.
 */
async function loadSubstitutionRefunds(
  db: Executor,
  rows: readonly QueueRow[],
): Promise<Map<string, SubstitutionRefundView>> {
  const staged = rows.filter((row) => row.order.readyAt !== null).map((row) => row.order.id);
  if (staged.length === 0) return new Map();
  return substitutionRefundsOf(
    await db
      .select({
        orderId: refunds.orderId,
        totalCents: refunds.totalCents,
        currency: refunds.currency,
        createdAt: refunds.createdAt,
      })
      .from(refunds)
      .where(inArray(refunds.refundKey, staged.map(substitutionRefundKey))),
  );
}

/** What an order line view takes from its product. */
export type LineProduct = Pick<
  typeof products.$inferSelect,
  'sku' | 'barcode' | 'gtin14' | 'nameIt' | 'nameEn' | 'brand' | 'colorIt' | 'colorEn' | 'size'
>;

/** An order line as read with its product and its shelf in the order's store. */
export interface LineRow {
  line: typeof orderLines.$inferSelect;
  product: LineProduct;
  aisle: string | null;
  bay: string | null;
}

/**
 * The order views from their rows, however they were read: `rows` in the order they are
 * answered, `lines` in any order (each order's are sorted by location here).
 */
export function orderDetailsOf(
  rows: readonly QueueRow[],
  lines: readonly LineRow[],
  shipmentsByOrder: ReadonlyMap<string, ShipmentSummary>,
  journeys: JourneyFacts,
  substitutionRefunds: ReadonlyMap<string, SubstitutionRefundView>,
): OrderDetailWithSync[] {
  return rows.map((row) => {
    const o = row.order;
    const own = lines.filter((l) => l.line.orderId === o.id).map((l) => ({ ...l, lineNo: l.line.lineNo }));
    return {
      ...toQueueItem(row),
      externalId: o.externalId,
      customer: {
        name: o.customerName,
        email: o.customerEmail,
        phone: o.customerPhone,
        language: o.customerLanguage === 'en' ? 'en' : 'it',
      },
      totalCents: o.totalCents,
      version: o.version,
      readyAt: iso(o.readyAt),
      collectedAt: iso(o.collectedAt),
      cancelledBy: o.cancelledBy,
      cancelReason: o.cancelReason,
      putBackAt: iso(o.putBackAt),
      inboundTracking: o.inboundTracking,
      packedAt: iso(o.packedAt),
      shippedAt: iso(o.shippedAt),
      packages: o.packages ?? [],
      shipment: shipmentsByOrder.get(o.id) ?? null,
      journey: journeys.journeyOf(o.id),
      substitution: o.substitution ?? null,
      substitutionRefund: substitutionRefunds.get(o.id) ?? null,
      idCheck: idCheckOf(
        o,
        own.map((l) => l.line),
      ),
      lines: sortByLocation(own).map(({ line, product, aisle, bay }) => ({
        id: line.id,
        lineNo: line.lineNo,
        sku: product.sku,
        barcode: product.barcode,
        gtin14: product.gtin14,
        nameIt: product.nameIt,
        nameEn: product.nameEn,
        brand: product.brand,
        colorIt: product.colorIt,
        colorEn: product.colorEn,
        size: product.size,
        aisle,
        bay,
        qtyOrdered: line.qtyOrdered,
        qtyPicked: line.qtyPicked,
        qtyShort: line.qtyShort,
        shortReason: line.shortReason as ShortReason | null,
        unitPriceCents: line.unitPriceCents,
        reroutedTo: journeys.reroutedTo(line.reroutedTo),
        customerNotified: journeys.customerNotified(line.id),
        substitutionPreference: line.substitutionPreference ?? null,
        substitute: line.substitute ?? null,
        qtyHandedOver: line.qtyHandedOver,
        qtyRefused: line.qtyRefused,
        minimumAge: line.minimumAge,
      })),
    };
  });
}

/** The ID step of an order: why it is needed (none: reasons empty), and what a passed one kept. */
export function idCheckOf(
  o: typeof orders.$inferSelect,
  lines: readonly { minimumAge: number | null }[],
): IdCheckView {
  const { reasons, minimumAge, collectorName } = idRequirement({
    lines,
    highValue: o.highValue,
    collectorName: o.collectorName,
  });
  return {
    reasons,
    minimumAge,
    collectorName,
    checkedAt: iso(o.idCheckedAt),
    documentType: o.idDocumentType as IdDocumentType | null,
    last4: o.idDocumentLast4,
  };
}

/** Ids of the orders the queue shows: open ones and those closed in the last hours. */
export async function queueOrderIds(db: Executor, storeId: string): Promise<string[]> {
  const rows = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.storeId, storeId), inQueue));
  return rows.map((r) => r.id);
}
