import { and, asc, eq } from 'drizzle-orm';
import { packedStatus, packPackages, shippedStatus, type PackageInput } from '../../domain/packing';
import { shipmentPackages, shipments } from '../db/schema';
import type { ActionContext } from './order-actions';
import type { OrderRow } from './order-repository';

/*
 * The two ship-from-store steps an associate takes on the device, offline too: pack (the boxes
 * and their weights) and ship (the parcels left with the carrier). Booking the label sits in
 * between and needs the carrier, so it is not a command: src/server/shipping/shipment-service.ts.
 */

export async function packOrder(
  ctx: ActionContext,
  orderId: string,
  input: readonly PackageInput[],
): Promise<void> {
  const order = await ctx.work.order(orderId);
  const status = packedStatus(
    order,
    order.status === 'packed' && (await ctx.work.labelState(order)) !== 'none',
  );
  const packages = packPackages(input);
  ctx.work.updateOrder(order, {
    status,
    packages,
    packRevision: order.packRevision + 1,
    packedAt: new Date().toISOString(),
  });
  ctx.work.audit(ctx.actor, {
    action: order.status === 'packed' ? 'order.repack' : 'order.pack',
    entityType: 'order',
    entityId: order.id,
    details: { from: order.status, to: status, packages },
  });
}

export async function shipOrder(ctx: ActionContext, orderId: string): Promise<void> {
  const order = await ctx.work.order(orderId);
  const labelled = order.status === 'packed' ? (await ctx.work.labelState(order)) === 'booked' : undefined;
  const status = shippedStatus(order, labelled);
  const shippedAt = new Date().toISOString();
  ctx.work.updateOrder(order, { status, shippedAt });
  const parcels = await bookedParcels(ctx, order);
  ctx.work.notifyCustomer(order, 'shipped', {
    number: order.number,
    language: order.customerLanguage,
    ...parcels,
  });
  ctx.work.webhook(order, 'order.shipped', { shippedAt, ...parcels });
  ctx.work.audit(ctx.actor, {
    action: 'order.ship',
    entityType: 'order',
    entityId: order.id,
    details: { from: order.status, to: status, packRevision: order.packRevision },
  });
}

/** The carrier and tracking numbers of the booked label the parcels left with, for the customer. */
async function bookedParcels(ctx: ActionContext, order: OrderRow) {
  const rows = await ctx.work.tx
    .select({
      carrierId: shipments.carrierId,
      carrierName: shipments.carrierName,
      serviceName: shipments.serviceName,
      trackingNumber: shipmentPackages.trackingNumber,
    })
    .from(shipments)
    .innerJoin(shipmentPackages, eq(shipmentPackages.shipmentId, shipments.id))
    .where(
      and(
        eq(shipments.orderId, order.id),
        eq(shipments.packRevision, order.packRevision),
        eq(shipments.status, 'booked'),
      ),
    )
    .orderBy(asc(shipmentPackages.packageNumber));
  const first = rows[0];
  return {
    carrierId: first?.carrierId ?? null,
    carrierName: first?.carrierName ?? null,
    serviceName: first?.serviceName ?? null,
    trackingNumbers: rows.map((row) => row.trackingNumber),
  };
}
