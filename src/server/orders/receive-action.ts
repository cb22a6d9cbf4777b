import { orderErrorCodes } from '../../contract/error-codes';
import { DomainError } from '../../domain/domain-error';
import { isExpectedParcel, receiveErrorCodes } from '../../domain/inbound-parcel';
import { nextStatus } from '../../domain/order-machine';
import type { ActionContext } from './order-actions';

/**
 * A ship-to-store parcel arrived and is put on a staging shelf: the order is ready, and the
 * customer is told in the same transaction (the notification row is the outbox a sender drains).
 * No stock moves: the goods came with the parcel and were never the store's.
 */
export async function receiveOrder(
  ctx: ActionContext,
  orderId: string,
  code: string,
  rawLocation: string,
): Promise<void> {
  const order = await ctx.work.order(orderId);
  const status = nextStatus(order, 'receive');
  if (!isExpectedParcel(code, order.inboundTracking)) {
    throw new DomainError(receiveErrorCodes.wrongParcel, 'This parcel is not the one the order waits for', {
      orderId,
    });
  }
  const location = rawLocation.trim().toUpperCase();
  if (!(await ctx.work.isStagingLocation(location))) {
    throw new DomainError(orderErrorCodes.unknownLocation, `No staging location ${location} in this store`, {
      code: location,
    });
  }
  const readyAt = new Date().toISOString();
  ctx.work.updateOrder(order, { status, stagingLocation: location, readyAt });
  ctx.work.notifyCustomer(order, 'ready_for_pickup', {
    number: order.number,
    storeId: order.storeId,
    language: order.customerLanguage,
    readyAt,
  });
  ctx.work.webhook(order, 'order.ready', { readyAt });
  ctx.work.audit(ctx.actor, {
    action: 'order.receive',
    entityType: 'order',
    entityId: order.id,
    details: { from: order.status, to: status, location, parcel: order.inboundTracking },
  });
}
