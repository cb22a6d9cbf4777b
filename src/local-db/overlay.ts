import type { ReplicaFacts } from '../commands/replica-tx';
import { replicaTx } from '../commands/replica-tx';
import { definitionOf } from '../commands/registry';
import type { SyncOrder } from '../contract/sync';
import { isDomainError } from '../domain/domain-error';
import type { OutboxRecord } from './outbox-record';
import { isFolded } from './outbox-record';

/** The part of an outbox record a command needs to run on the replica. */
export type OverlayCommand = Pick<
  OutboxRecord,
  'name' | 'args' | 'associateId' | 'associateName' | 'createdAt' | 'storeId'
>;

/**
 * A queued command on top of an order, by its one definition (src/commands), with the device's
 * effects: the optimistic state the associate sees. Throws the DomainError the server would
 * answer with when the replica can tell.
 */
export function applyCommand(order: SyncOrder, command: OverlayCommand, facts: ReplicaFacts = {}): SyncOrder {
  const definition = definitionOf(command.name);
  // A command this release does not know (queued by a later one) shows nothing until pulled.
  if (!definition) return order;
  const tx = replicaTx(
    [order],
    {
      type: 'associate',
      id: command.associateId,
      name: command.associateName,
      storeId: command.storeId,
      role: 'associate',
      deviceId: null,
    },
    command.createdAt,
    facts,
  );
  definition.apply(tx, command.args);
  return tx.orders.get(order.id) ?? order;
}

export interface OverlaidOrder {
  order: SyncOrder;
  /** Ids of the commands shown on top of the server state. */
  foldedIds: string[];
}

/**
 * Server state plus this device's commands that the server state does not include yet, in
 * enqueue order. A command that no longer applies (another device got there first) is skipped:
 * the server will refuse it too, and the rejection shows in "Needs attention".
 */
export function foldOverlay(
  order: SyncOrder,
  records: readonly OutboxRecord[],
  pulledSeq: number,
  facts: ReplicaFacts = {},
): OverlaidOrder {
  const foldedIds: string[] = [];
  let current = order;
  const sorted = [...records].sort((a, b) => a.localOrder - b.localOrder);
  for (const record of sorted) {
    if (record.args.orderId !== order.id || !isFolded(record, pulledSeq)) continue;
    try {
      current = applyCommand(current, record, facts);
      foldedIds.push(record.id);
    } catch (error) {
      if (!isDomainError(error)) throw error;
    }
  }
  return { order: current, foldedIds };
}
