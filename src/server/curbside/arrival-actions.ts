import { and, eq, isNull } from 'drizzle-orm';
import { DomainError } from '../../domain/domain-error';
import { pickupArrivals } from '../db/schema';
import type { ActionContext } from '../orders/order-actions';
import { nextStoreVersion } from '../sync/store-version';

export const arrivalErrorCodes = {
  notFound: 'arrival.notFound',
} as const;

/**
 * "I'm on it": the associate takes the customer who arrived. The first associate wins; a
 * second acknowledgement (another device, or a resend) changes nothing and is not an error.
 * The row write is the handler's last step, so a refused command leaves nothing behind.
 */
export async function acknowledgeArrival(
  ctx: ActionContext,
  args: { arrivalId: string; orderId: string },
): Promise<{ acknowledgedBy: string }> {
  const { tx, storeId } = ctx.work;
  const [arrival] = await tx
    .select({ acknowledgedBy: pickupArrivals.acknowledgedBy })
    .from(pickupArrivals)
    .where(
      and(
        eq(pickupArrivals.id, args.arrivalId),
        eq(pickupArrivals.orderId, args.orderId),
        eq(pickupArrivals.storeId, storeId),
      ),
    )
    .for('update');
  if (!arrival) {
    throw new DomainError(arrivalErrorCodes.notFound, 'No such customer arrival in this store', args);
  }
  if (arrival.acknowledgedBy) return { acknowledgedBy: arrival.acknowledgedBy };
  const version = await nextStoreVersion(tx, storeId);
  await tx
    .update(pickupArrivals)
    .set({ acknowledgedBy: ctx.actor.id, acknowledgedAt: new Date().toISOString(), syncVersion: version })
    .where(eq(pickupArrivals.id, args.arrivalId));
  ctx.work.audit(ctx.actor, {
    action: 'arrival.acknowledge',
    entityType: 'order',
    entityId: args.orderId,
    details: { arrivalId: args.arrivalId },
  });
  return { acknowledgedBy: ctx.actor.id };
}

/**
 * After a handover was applied: the customers waiting for that order are served. When one of
 * them waited in the car, the handover happened at the curb, and the audit says so.
 */
export async function closeArrivalsOnHandover(ctx: ActionContext, orderId: string): Promise<void> {
  const { tx, storeId } = ctx.work;
  const open = await tx
    .select({ id: pickupArrivals.id, kind: pickupArrivals.kind, parkingSpot: pickupArrivals.parkingSpot })
    .from(pickupArrivals)
    .where(
      and(
        eq(pickupArrivals.orderId, orderId),
        eq(pickupArrivals.storeId, storeId),
        isNull(pickupArrivals.handedOverAt),
      ),
    );
  if (open.length === 0) return;
  const version = await nextStoreVersion(tx, storeId);
  await tx
    .update(pickupArrivals)
    .set({ handedOverAt: new Date().toISOString(), syncVersion: version })
    .where(
      and(
        eq(pickupArrivals.orderId, orderId),
        eq(pickupArrivals.storeId, storeId),
        isNull(pickupArrivals.handedOverAt),
      ),
    );
  const curbside = open.find((arrival) => arrival.kind === 'curbside');
  ctx.work.audit(ctx.actor, {
    action: 'order.handoverAt',
    entityType: 'order',
    entityId: orderId,
    details: curbside ? { at: 'curbside', parkingSpot: curbside.parkingSpot } : { at: 'counter' },
  });
}
