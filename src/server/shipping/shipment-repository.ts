import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { shipmentPackages, shipments } from '../db/schema';

export type ShipmentRow = typeof shipments.$inferSelect;

/** The booking of an order's current packing, whatever its state, locked with the order. */
export async function findShipment(
  tx: Executor,
  orderId: string,
  packRevision: number,
): Promise<ShipmentRow | undefined> {
  const [row] = await tx
    .select()
    .from(shipments)
    .where(and(eq(shipments.orderId, orderId), eq(shipments.packRevision, packRevision)));
  return row;
}

/** The labels of a booked shipment, in package order, with what redrawing one needs. */
export async function loadLabels(db: Executor, shipmentId: string) {
  return db
    .select()
    .from(shipmentPackages)
    .where(eq(shipmentPackages.shipmentId, shipmentId))
    .orderBy(asc(shipmentPackages.packageNumber));
}

/** Takes over a booking whose lease ran out (its process died mid-call), or says who holds it. */
export async function renewLease(tx: Executor, shipmentId: string, leaseSeconds: number): Promise<boolean> {
  const renewed = await tx
    .update(shipments)
    .set({ attemptedAt: sql`now()` })
    .where(
      and(
        eq(shipments.id, shipmentId),
        eq(shipments.status, 'booking'),
        sql`${shipments.attemptedAt} < now() - make_interval(secs => ${leaseSeconds})`,
      ),
    )
    .returning({ id: shipments.id });
  return renewed.length > 0;
}
