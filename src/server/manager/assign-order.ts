import { and, eq } from 'drizzle-orm';
import { managerErrorCodes } from '../../contract/manager';
import { DomainError } from '../../domain/domain-error';
import { isOpen, type OrderStatus } from '../../domain/order-machine';
import type { Actor } from '../audit/audit';
import type { Db } from '../db/client';
import { associates } from '../db/schema';
import { HttpError } from '../http-error';
import { OrderWork } from '../core/order-work';

/**
 * A manager assigns an open order to an active associate of the store, or takes the assignment
 * away (null). It goes through the order unit of work, so the change bumps the store's version:
 * every device is poked and pulls it, and the assignee's queue shows "Assigned to you". An
 * assignment is advice, not a lock: the claim stays the only thing that stops a second picker.
 */
export async function assignOrder(
  db: Db,
  actor: Actor & { id: string; storeId: string },
  orderId: string,
  associateId: string | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    const work = new OrderWork(tx, actor.storeId);
    const order = await work.order(orderId);
    if (associateId !== null) {
      const [assignee] = await tx
        .select({ id: associates.id })
        .from(associates)
        .where(
          and(
            eq(associates.id, associateId),
            eq(associates.storeId, actor.storeId),
            eq(associates.active, true),
          ),
        );
      if (!assignee) {
        throw new DomainError(managerErrorCodes.unknownAssociate, 'No such associate in this store', {
          associateId,
        });
      }
    }
    if (!isOpen(order.status as OrderStatus)) {
      throw new HttpError(409, managerErrorCodes.orderClosed, 'This order is closed: nothing to assign', {
        status: order.status,
      });
    }
    if (order.assignedTo === associateId) return;
    work.updateOrder(order, {
      assignedTo: associateId,
      assignedAt: associateId === null ? null : new Date().toISOString(),
    });
    work.audit(actor, {
      action: associateId === null ? 'order.unassign' : 'order.assign',
      entityType: 'order',
      entityId: order.id,
      details: { from: order.assignedTo, to: associateId },
    });
    await work.flush();
  });
}
