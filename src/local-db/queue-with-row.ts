import type { Table } from 'dexie';
import type { CommandArgs, CommandName } from '../contract/sync';
import { ensureClientId } from './client-identity';
import { db } from './db';
import { announceEnqueued, type Actor } from './enqueue';
import { getMeta, setMeta } from './meta';
import type { OutboxRecord } from './outbox-record';

/** Same value as the contract's COMMAND_VERSION (kept literal: the contract module brings zod). */
const COMMAND_VERSION = 1;

export interface CommandWithRow<N extends CommandName, R> {
  name: N;
  args: CommandArgs<N>;
  /** The command's own entity key: a refused one blocks nothing else. */
  entityKey: string;
  actor: Actor;
  orderNumber: string | null;
  createdAt: string;
  /** The device's own record of what it did (a reservation, a return), written with the command. */
  table: Table<R>;
  row: R;
}

/**
 * Queues a command that acts on no order of this store's replica (a reservation elsewhere, a
 * return of any store's order) together with the device's record of it, in one transaction: the
 * customer leaves with the promise, and the command goes out when it can.
 */
export async function queueWithRow<N extends CommandName, R>(input: CommandWithRow<N, R>): Promise<void> {
  const clientId = await ensureClientId();
  await db.transaction('rw', [db.meta, db.outbox, input.table], async () => {
    const localOrder = (await getMeta('nextLocalOrder')) ?? 1;
    const record: OutboxRecord = {
      id: crypto.randomUUID(),
      clientId,
      localOrder,
      seq: null,
      name: input.name,
      v: COMMAND_VERSION,
      args: input.args,
      entityKeys: [input.entityKey],
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
