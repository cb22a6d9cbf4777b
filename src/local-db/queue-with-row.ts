import type { Table } from 'dexie';
import { replicaTx, type ReplicaFacts } from '../commands/replica-tx';
import { definitionOf } from '../commands/registry';
import { syncErrorCodes } from '../contract/error-codes';
import type { CommandArgs, CommandName } from '../contract/sync';
import { DomainError } from '../domain/domain-error';
import { ensureClientId } from './client-identity';
import { db } from './db';
import { announceEnqueued, type Actor } from './enqueue';
import { getMeta, setMeta } from './meta';
import type { OutboxRecord } from './outbox-record';

export interface CommandWithRow<N extends CommandName, R> {
  name: N;
  args: CommandArgs<N>;
  actor: Actor;
  orderNumber: string | null;
  createdAt: string;
  /** What the device knows that the command reads: the availability shown, a cached order. */
  facts: ReplicaFacts;
  /** The device's own record of what it did (a reservation, a return), written with the command. */
  table: Table<R>;
  row: R;
}

/**
 * Queues a command that acts on no order of this store's replica (a reservation elsewhere, a
 * return of any store's order) together with the device's record of it, in one transaction: the
 * customer leaves with the promise, and the command goes out when it can. It is checked first by
 * its one definition, with what the device knows (ADR 0039), and refused here when the server
 * would refuse it; its key is its own entity, so a refusal blocks nothing else.
 */
export async function queueWithRow<N extends CommandName, R>(input: CommandWithRow<N, R>): Promise<void> {
  const definition = definitionOf(input.name);
  if (!definition) throw new Error(`${input.name} has no definition`);
  const parsed = (await definition.validator()).safeParse(input.args);
  if (!parsed.success) {
    throw new DomainError(syncErrorCodes.invalidArgs, `Invalid arguments for ${input.name}`, {
      fields: parsed.error.issues.map((i) => ({ path: `args.${i.path.join('.')}`, message: i.message })),
    });
  }
  const actor = {
    type: 'associate' as const,
    id: input.actor.id,
    name: input.actor.name,
    storeId: input.actor.storeId,
    role: input.actor.role ?? 'associate',
    deviceId: null,
  };
  definition.apply(replicaTx([], actor, input.createdAt, input.facts), parsed.data);
  const clientId = await ensureClientId();
  await db.transaction('rw', [db.meta, db.outbox, input.table], async () => {
    const localOrder = (await getMeta('nextLocalOrder')) ?? 1;
    const record: OutboxRecord = {
      id: crypto.randomUUID(),
      clientId,
      localOrder,
      seq: null,
      name: input.name,
      v: definition.v,
      args: input.args,
      entityKeys: definition.entityKeys(parsed.data),
      storeId: input.actor.storeId,
      associateId: input.actor.id,
      associateName: input.actor.name,
      orderNumber: input.orderNumber,
      createdAt: input.createdAt,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: 0,
    };
    await Promise.all([
      db.outbox.add(record),
      input.table.add(input.row),
      setMeta('nextLocalOrder', localOrder + 1),
    ]);
  });
  announceEnqueued();
}
