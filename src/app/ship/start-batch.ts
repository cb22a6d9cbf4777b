import type { SyncOrder } from '../../contract/sync';
import { isDomainError } from '../../domain/domain-error';
import { byUrgency } from '../../domain/batch-pick';
import { enqueueCommand, type Actor } from '../../local-db/enqueue';
import { savePickBatch } from '../../local-db/pick-batch';

/** Whether this associate can take the order into a batch: new, or already theirs mid-pick. */
export function canBatch(order: SyncOrder, associateId: string): boolean {
  return order.status === 'new' || (order.status === 'picking' && order.claimedBy?.id === associateId);
}

/**
 * Claims the chosen orders (queued commands, so offline too) and keeps the batch on the device,
 * the most urgent promise in tote 1. An order another associate got first is left out.
 */
export async function startBatch(actor: Actor, orders: readonly SyncOrder[]): Promise<string[]> {
  const ranked = byUrgency(
    orders.map((order, index) => ({ order, promisedAt: order.promisedAt, slot: index })),
  );
  const taken: string[] = [];
  for (const { order } of ranked) {
    try {
      if (order.status === 'new') {
        await enqueueCommand({ name: 'order.claim', args: { orderId: order.id }, actor });
      }
      taken.push(order.id);
    } catch (error) {
      if (!isDomainError(error)) throw error;
    }
  }
  if (taken.length > 0) {
    await savePickBatch(actor.id, {
      storeId: actor.storeId,
      orderIds: taken,
      createdAt: new Date().toISOString(),
    });
  }
  return taken;
}
