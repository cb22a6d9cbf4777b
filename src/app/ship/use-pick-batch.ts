import { useLiveQuery } from 'dexie-react-hooks';
import type { BatchOrder } from '../../domain/batch-pick';
import type { SyncOrder } from '../../contract/sync';
import type { Actor } from '../../local-db/enqueue';
import { readBatchViews, readPickBatch, type PickBatch } from '../../local-db/pick-batch';
import type { OrderView } from '../../local-db/replica-read';

export type Line = SyncOrder['lines'][number];
export type ToteOrder = BatchOrder<Line> & { view: OrderView; active: boolean };

export type PickBatchState =
  { kind: 'loading' } | { kind: 'none' } | { kind: 'ready'; batch: PickBatch; totes: ToteOrder[] };

/** Still to be picked by this associate: claimed by them and not finished (or cancelled). */
export function isActive(order: SyncOrder, associateId: string): boolean {
  return order.status === 'picking' && order.claimedBy?.id === associateId;
}

/** The batch's orders in tote order, as the device shows them (its own commands on top). */
export async function readTotes(actor: Actor): Promise<{ batch: PickBatch; totes: ToteOrder[] } | null> {
  const batch = await readPickBatch(actor.id, actor.storeId);
  if (!batch) return null;
  const views = await readBatchViews(batch.orderIds);
  const totes = views.flatMap((view, index) =>
    view
      ? [
          {
            id: view.order.id,
            number: view.order.number,
            promisedAt: view.order.promisedAt,
            slot: index + 1,
            lines: view.order.lines,
            view,
            active: isActive(view.order, actor.id),
          },
        ]
      : [],
  );
  return { batch, totes };
}

export function usePickBatch(actor: Actor): PickBatchState {
  const state = useLiveQuery(async (): Promise<PickBatchState> => {
    const found = await readTotes(actor);
    return found ? { kind: 'ready', ...found } : { kind: 'none' };
  }, [actor]);
  return state ?? { kind: 'loading' };
}
