import { packedStatus, packPackages, shippedStatus, type PackageInput } from '../../domain/packing';
import type { ActionContext } from './order-actions';

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
  ctx.work.updateOrder(order, { status, shippedAt: new Date().toISOString() });
  ctx.work.audit(ctx.actor, {
    action: 'order.ship',
    entityType: 'order',
    entityId: order.id,
    details: { from: order.status, to: status, packRevision: order.packRevision },
  });
}
