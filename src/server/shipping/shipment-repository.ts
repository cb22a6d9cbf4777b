import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { ShipmentSummary } from '../../contract/shipping';
import type { Executor } from '../db/client';
import { orders, shipmentPackages, shipments } from '../db/schema';
import { iso } from '../db/time';

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

/**
 * The booked labels of these orders' current packings, by order id: what the device keeps
 * offline (tracking numbers), never the label bytes. Two queries however many orders.
 */
export async function loadShipmentSummaries(
  db: Executor,
  orderIds: readonly string[],
): Promise<Map<string, ShipmentSummary>> {
  const found = new Map<string, ShipmentSummary>();
  if (orderIds.length === 0) return found;
  const rows = await db
    .select({ shipment: shipments })
    .from(shipments)
    .innerJoin(orders, and(eq(orders.id, shipments.orderId), eq(orders.packRevision, shipments.packRevision)))
    .where(and(inArray(shipments.orderId, [...orderIds]), eq(shipments.status, 'booked')));
  if (rows.length === 0) return found;
  const packages = await db
    .select({
      shipmentId: shipmentPackages.shipmentId,
      packageNumber: shipmentPackages.packageNumber,
      trackingNumber: shipmentPackages.trackingNumber,
    })
    .from(shipmentPackages)
    .where(
      inArray(
        shipmentPackages.shipmentId,
        rows.map((r) => r.shipment.id),
      ),
    )
    .orderBy(asc(shipmentPackages.packageNumber));
  for (const { shipment } of rows) {
    found.set(shipment.orderId, {
      id: shipment.id,
      carrierId: shipment.carrierId,
      carrierName: shipment.carrierName,
      service: shipment.service,
      serviceName: shipment.serviceName,
      shipDate: shipment.shipDate,
      bookedAt: iso(shipment.bookedAt ?? shipment.attemptedAt),
      packages: packages
        .filter((p) => p.shipmentId === shipment.id)
        .map(({ packageNumber, trackingNumber }) => ({ packageNumber, trackingNumber })),
    });
  }
  return found;
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
