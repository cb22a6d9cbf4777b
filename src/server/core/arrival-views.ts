import type { SQL } from 'drizzle-orm';
import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CustomerArrival } from '../../contract/customer-arrivals';
import type { Executor } from '../db/client';
import { associates, orders, pickupArrivals } from '../db/schema';
import { iso } from '../db/time';

const acknowledger = alias(associates, 'acknowledger');

/** The store's arrivals that match `where`, as devices receive them, oldest first. */
export async function loadArrivals(
  tx: Executor,
  storeId: string,
  where: SQL | undefined,
): Promise<CustomerArrival[]> {
  const rows = await tx
    .select({
      id: pickupArrivals.id,
      orderId: pickupArrivals.orderId,
      orderNumber: orders.number,
      customerName: orders.customerName,
      kind: pickupArrivals.kind,
      parkingSpot: pickupArrivals.parkingSpot,
      vehicle: pickupArrivals.vehicle,
      arrivedAt: pickupArrivals.arrivedAt,
      acknowledgedById: pickupArrivals.acknowledgedBy,
      acknowledgedByName: acknowledger.name,
      acknowledgedAt: pickupArrivals.acknowledgedAt,
      handedOverAt: pickupArrivals.handedOverAt,
    })
    .from(pickupArrivals)
    .innerJoin(orders, eq(orders.id, pickupArrivals.orderId))
    .leftJoin(acknowledger, eq(acknowledger.id, pickupArrivals.acknowledgedBy))
    .where(and(eq(pickupArrivals.storeId, storeId), where))
    .orderBy(asc(pickupArrivals.arrivedAt));
  return rows.map(arrivalOf);
}

/** An arrival as read, with its order's number and customer and who acknowledged it. */
export interface ArrivalRow {
  id: string;
  orderId: string;
  orderNumber: string;
  customerName: string;
  kind: CustomerArrival['kind'];
  parkingSpot: string | null;
  vehicle: string | null;
  arrivedAt: string;
  acknowledgedById: string | null;
  acknowledgedByName: string | null;
  acknowledgedAt: string | null;
  handedOverAt: string | null;
}

/** An arrival as devices receive it. */
export function arrivalOf({ acknowledgedById, acknowledgedByName, ...row }: ArrivalRow): CustomerArrival {
  return {
    ...row,
    arrivedAt: iso(row.arrivedAt),
    acknowledgedAt: iso(row.acknowledgedAt),
    handedOverAt: iso(row.handedOverAt),
    acknowledgedBy: acknowledgedById ? { id: acknowledgedById, name: acknowledgedByName ?? '' } : null,
  };
}
