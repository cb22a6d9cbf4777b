import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import { systemActor } from '../audit/audit';
import type { Db, Executor } from '../db/client';
import { orderLines, orders, pickupArrivals, products, stores } from '../db/schema';
import { HttpError } from '../http-error';
import { orderErrorCodes } from '../../contract/error-codes';
import { isHandedOverInStore, type FulfillmentType } from '../../domain/order-machine';
import { iso } from '../db/time';
import { OrderWork } from '../core/order-work';
import { nextStoreVersion } from '../core/store-version';

/** Where the customer stands, as the curbside page shows it. */
export type CurbsideState = 'waiting' | 'arrived' | 'onTheWay' | 'handedOver' | 'closed';

export interface CurbsideView {
  orderNumber: string;
  storeName: string;
  language: 'it' | 'en';
  state: CurbsideState;
  parkingSpot: string | null;
  vehicle: string | null;
  /** What the counter handed over and refused, line by line; absent until it did either. */
  items?: { nameIt: string; nameEn: string; collected: number; refused: number; waiting: number }[];
  /** What came instead of what, and what was removed and refunded (issue 15). */
  substitutions: {
    orderedEn: string;
    orderedIt: string;
    substituteEn: string;
    substituteIt: string;
    qty: number;
    status: 'picked' | 'pending' | 'accepted' | 'declined';
  }[];
}

/** The order's lines once some left or were refused at the counter (ADR 0047). */
async function counterItems(db: Db, orderId: string): Promise<CurbsideView['items']> {
  const lines = await db
    .select({
      nameIt: products.nameIt,
      nameEn: products.nameEn,
      picked: orderLines.qtyPicked,
      collected: orderLines.qtyHandedOver,
      refused: orderLines.qtyRefused,
    })
    .from(orderLines)
    .innerJoin(products, eq(products.id, orderLines.productId))
    .where(eq(orderLines.orderId, orderId))
    .orderBy(orderLines.lineNo);
  if (!lines.some((l) => l.collected > 0 || l.refused > 0)) return undefined;
  return lines.map(({ picked, ...l }) => ({ ...l, waiting: picked - l.collected - l.refused }));
}

export interface ArrivalInput {
  parkingSpot: string;
  vehicle: string;
}

const notFound = () => new HttpError(404, 'curbside.notFound', 'This link does not name an order.');

async function latestArrival(tx: Executor, orderId: string) {
  const [arrival] = await tx
    .select()
    .from(pickupArrivals)
    .where(and(eq(pickupArrivals.orderId, orderId), eq(pickupArrivals.kind, 'curbside')))
    .orderBy(desc(pickupArrivals.arrivedAt))
    .limit(1);
  return arrival;
}

export async function curbsideView(db: Db, orderId: string): Promise<CurbsideView> {
  const [order] = await db
    .select({
      number: orders.number,
      status: orders.status,
      language: orders.customerLanguage,
      storeName: stores.name,
    })
    .from(orders)
    .innerJoin(stores, eq(stores.id, orders.storeId))
    .where(eq(orders.id, orderId));
  if (!order) throw notFound();
  const arrival = await latestArrival(db, orderId);
  const items = await counterItems(db, orderId);
  const substituted = await db
    .select({ line: orderLines.substitute, orderedEn: products.nameEn, orderedIt: products.nameIt })
    .from(orderLines)
    .innerJoin(products, eq(products.id, orderLines.productId))
    .where(and(eq(orderLines.orderId, orderId), isNotNull(orderLines.substitute)))
    .orderBy(orderLines.lineNo);
  const state: CurbsideState =
    order.status === 'collected'
      ? 'handedOver'
      : order.status !== 'ready'
        ? 'closed'
        : !arrival || arrival.handedOverAt
          ? 'waiting'
          : arrival.acknowledgedAt
            ? 'onTheWay'
            : 'arrived';
  return {
    orderNumber: order.number,
    storeName: order.storeName,
    language: order.language === 'it' ? 'it' : 'en',
    state,
    parkingSpot: arrival?.parkingSpot ?? null,
    vehicle: arrival?.vehicle ?? null,
    ...(items ? { items } : {}),
    substitutions: substituted.flatMap(({ line, orderedEn, orderedIt }) =>
      line
        ? [
            {
              orderedEn,
              orderedIt,
              substituteEn: line.nameEn,
              substituteIt: line.nameIt,
              qty: line.qty,
              status: line.status,
            },
          ]
        : [],
    ),
  };
}

/**
 * The customer's "I'm here" from the car: a curbside arrival the store's devices receive at once
 * (its own store change number pokes them), and orders.arrived_at through the unit of work. A
 * second "I'm here" updates the spot and car of the same arrival, so associates see one alert.
 */
export async function recordCurbsideArrival(db: Db, orderId: string, input: ArrivalInput): Promise<void> {
  await db.transaction(async (tx) => {
    const [head] = await tx.select({ storeId: orders.storeId }).from(orders).where(eq(orders.id, orderId));
    if (!head) throw notFound();
    const work = new OrderWork(tx, head.storeId);
    const order = await work.order(orderId);
    if (order.status !== 'ready') {
      throw new HttpError(409, 'curbside.notReady', 'This order is not waiting for pickup.', {
        status: order.status,
      });
    }
    const version = await nextStoreVersion(tx, head.storeId);
    const [open] = await tx
      .select({ id: pickupArrivals.id })
      .from(pickupArrivals)
      .where(
        and(
          eq(pickupArrivals.orderId, orderId),
          eq(pickupArrivals.kind, 'curbside'),
          isNull(pickupArrivals.handedOverAt),
        ),
      )
      .for('update');
    if (open) {
      await tx
        .update(pickupArrivals)
        .set({ parkingSpot: input.parkingSpot, vehicle: input.vehicle, syncVersion: version })
        .where(eq(pickupArrivals.id, open.id));
    } else {
      await tx.insert(pickupArrivals).values({
        orderId,
        storeId: head.storeId,
        kind: 'curbside',
        parkingSpot: input.parkingSpot,
        vehicle: input.vehicle,
        syncVersion: version,
      });
    }
    if (!order.arrivedAt) work.updateOrder(order, { arrivedAt: new Date().toISOString() });
    work.audit(
      { ...systemActor, storeId: head.storeId },
      {
        action: open ? 'order.curbsideUpdated' : 'order.curbsideArrived',
        entityType: 'order',
        entityId: orderId,
        details: { by: 'customer', parkingSpot: input.parkingSpot, vehicle: input.vehicle },
      },
    );
    await work.flush();
  });
}

/**
 * A ready order of the associate's store, for its curbside link: only an order waiting on the
 * shelf for an in-store handover has one (the link ends with the pickup hold).
 */
export async function readyOrderForLink(
  db: Db,
  storeId: string,
  orderId: string,
): Promise<{ id: string; readyAt: Date; pickupHoldDays: number }> {
  const [order] = await db
    .select({
      id: orders.id,
      status: orders.status,
      fulfillmentType: orders.fulfillmentType,
      readyAt: orders.readyAt,
      pickupHoldDays: stores.pickupHoldDays,
    })
    .from(orders)
    .innerJoin(stores, eq(stores.id, orders.storeId))
    .where(and(eq(orders.id, orderId), eq(orders.storeId, storeId)));
  if (!order) throw new HttpError(404, orderErrorCodes.notFound, 'No such order in this store');
  if (
    order.status !== 'ready' ||
    !order.readyAt ||
    !isHandedOverInStore(order.fulfillmentType as FulfillmentType)
  ) {
    throw new HttpError(409, 'curbside.notReady', 'Only an order waiting for pickup has a curbside link.', {
      status: order.status,
    });
  }
  return { id: order.id, readyAt: new Date(iso(order.readyAt)), pickupHoldDays: order.pickupHoldDays };
}
