import type { CommandArgs } from '../contract/sync';
import { isDomainError } from '../domain/domain-error';
import { db } from './db';
import { enqueueCommand, type Actor } from './enqueue';
import { getMeta, setMeta } from './meta';
import { needsAttention, orderKey, type OutboxRecord } from './outbox-record';

/** What the associate decides about a refused or blocked action ("Needs attention"). */

export async function discardCommand(id: string): Promise<void> {
  await db.outbox.update(id, { resolution: 'discarded', settledAt: Date.now() });
}

/** Marks that a manager was asked; the item stays in the list until someone discards it. */
export async function escalateCommand(id: string): Promise<void> {
  await db.outbox.update(id, { escalatedAt: new Date().toISOString() });
}

type Listener = () => void;
const resendListeners = new Set<Listener>();
export function onCommandResent(listener: Listener): () => void {
  resendListeners.add(listener);
  return () => resendListeners.delete(listener);
}

/**
 * "Send again" for a blocked or refused action: the same arguments as a NEW command at the end
 * of the queue (a blocked one never got a seq, so dropping it leaves no gap; a refused one was
 * consumed by the server). No local check: the associate chose to let the server decide.
 */
export async function resendCommand(id: string): Promise<void> {
  await db.transaction('rw', [db.outbox, db.meta], async () => {
    const old = await db.outbox.get(id);
    if (!old || !needsAttention(old)) return;
    const localOrder = (await getMeta('nextLocalOrder')) ?? 1;
    const copy: OutboxRecord = {
      ...old,
      id: crypto.randomUUID(),
      localOrder,
      seq: null,
      createdAt: new Date().toISOString(),
      status: 'pending',
      attempts: 0,
      nextAttemptAt: 0,
    };
    delete copy.lastError;
    delete copy.settledAt;
    delete copy.escalatedAt;
    delete copy.result;
    await db.outbox.add(copy);
    await setMeta('nextLocalOrder', localOrder + 1);
    await db.outbox.update(id, { resolution: 'resent', settledAt: Date.now() });
  });
  for (const listener of resendListeners) listener();
}

/**
 * "Items are back on the shelf". When the server itself has picked units, an order.putBack
 * goes out; then the refused picks of this order, whose units the associate was holding, are
 * resolved. Pressed again after a crash in between, the put-back is already queued (the local
 * check refuses a second one) and only the resolution is left to do.
 */
export async function confirmPutBack(
  orderId: string,
  actor: Actor,
  serverHasPicked: boolean,
  /** The units counted by camera (issue 17): the put-back goes out as one order.count. */
  counted?: CommandArgs<'order.count'>['counted'],
): Promise<void> {
  if (serverHasPicked) {
    try {
      await (counted
        ? enqueueCommand({
            name: 'order.count',
            args: { orderId, purpose: 'putBack', counted } satisfies CommandArgs<'order.count'>,
            actor,
          })
        : enqueueCommand({
            name: 'order.putBack',
            args: { orderId } satisfies CommandArgs<'order.putBack'>,
            actor,
          }));
    } catch (error) {
      if (!isDomainError(error)) throw error;
    }
  }
  await db.outbox
    .where('entityKeys')
    .equals(orderKey(orderId))
    .filter((r) => r.name === 'pick.confirm' && r.status === 'rejected' && !r.resolution)
    .modify({ resolution: 'putBack', settledAt: Date.now() });
}
