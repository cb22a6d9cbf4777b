import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ShipmentSummary } from '../../contract/shipping';
import type { Executor } from '../db/client';
import { orders, shipmentPackages, shipments } from '../db/schema';
import { iso } from '../db/time';

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
  return shipmentSummariesOf(
    rows.map((r) => r.shipment),
    packages,
  );
}

/**
 * The summaries from their rows, however they were read: the booked shipments of the orders'
 * current packings, and their packages by package number.
 */
export function shipmentSummariesOf(
  booked: readonly (typeof shipments.$inferSelect)[],
  packages: readonly { shipmentId: string; packageNumber: number; trackingNumber: string }[],
): Map<string, ShipmentSummary> {
  const found = new Map<string, ShipmentSummary>();
  for (const shipment of booked) {
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
