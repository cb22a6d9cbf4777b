import type { MutationResult } from '../contract/sync';
import { db } from './db';
import { getMeta, setMeta } from './meta';
import type { CommandError, OutboxRecord } from './outbox-record';

/** Same value as the contract's MAX_PUSH_BATCH (kept literal: the contract module brings zod). */
export const MAX_PUSH_BATCH = 50;

/** Acked and resolved actions stay this long in the activity list. */
export const KEEP_SETTLED_MS = 24 * 60 * 60_000;

export const blockedByEarlierCode = 'sync.blockedByEarlier';

/** An app killed mid-push left commands "inflight": they may or may not have landed, and resending is safe. */
export async function recoverInflight(): Promise<void> {
  await db.outbox.where('status').equals('inflight').modify({ status: 'retrying', nextAttemptAt: 0 });
}

export type BatchPlan = { batch: OutboxRecord[]; clientId: string } | { waitUntil: number } | null;

/**
 * The next batch of the signed-in associate's commands, oldest first. Commands without a seq
 * take the next ones from meta.nextSeq in enqueue order, in the same transaction that marks the
 * batch inflight, so a resend always carries the seq of its first send (ADR 0007). With
 * `respectBackoff`, a batch whose oldest retrying command is still backing off waits.
 */
export async function takeBatch(
  associateId: string,
  now: number,
  respectBackoff: boolean,
  limit = MAX_PUSH_BATCH,
): Promise<BatchPlan> {
  return db.transaction('rw', [db.outbox, db.meta], async () => {
    const clientId = await getMeta('clientId');
    if (!clientId) return null;
    const queued = (await db.outbox.where('associateId').equals(associateId).toArray())
      .filter((r) => (r.status === 'pending' || r.status === 'retrying') && !r.resolution)
      .sort((a, b) => a.localOrder - b.localOrder);
    // A command that failed alone goes alone again, until it is answered or parked.
    const cap = queued[0]?.failingSince !== undefined ? 1 : Math.max(1, Math.min(limit, MAX_PUSH_BATCH));
    const candidates = queued.slice(0, cap);
    if (candidates.length === 0) return null;
    const waitUntil = Math.max(...candidates.map((r) => (r.status === 'retrying' ? r.nextAttemptAt : 0)));
    if (respectBackoff && waitUntil > now) return { waitUntil };
    let nextSeq = (await getMeta('nextSeq')) ?? 1;
    const batch = candidates.map((r) => ({ ...r, seq: r.seq ?? nextSeq++, status: 'inflight' as const }));
    await db.outbox.bulkPut(batch);
    await setMeta('nextSeq', nextSeq);
    return { batch: batch.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)), clientId };
  });
}

/**
 * The server's answer for each command. A rejection consumes the command; the later commands
 * on the same entity that were not sent yet become blocked until the associate decides.
 */
export async function applyResults(batch: readonly OutboxRecord[], results: readonly MutationResult[]) {
  const now = Date.now();
  const byId = new Map(results.map((r) => [r.id, r]));
  let applied = 0;
  await db.transaction('rw', db.outbox, async () => {
    for (const record of batch) {
      const result = byId.get(record.id);
      if (!result) {
        await db.outbox.update(record.id, { status: 'retrying', nextAttemptAt: 0 });
        continue;
      }
      const outcome = result.status === 'duplicate' ? result.originalStatus : result.status;
      if (outcome === 'rejected') {
        const error: CommandError = result.error ?? { code: 'sync.rejected', message: 'Refused' };
        await db.outbox.update(record.id, { status: 'rejected', lastError: error, settledAt: now });
        await blockLater(record, error);
      } else {
        applied += 1;
        await db.outbox.update(record.id, {
          status: 'acked',
          result: result.result ?? null,
          settledAt: now,
          failingSince: undefined,
        });
      }
    }
  });
  return { applied };
}

async function blockLater(rejected: OutboxRecord, cause: CommandError): Promise<void> {
  const later = await db.outbox
    .where('entityKeys')
    .anyOf(rejected.entityKeys)
    .filter(
      (r) =>
        r.localOrder > rejected.localOrder &&
        r.seq === null &&
        (r.status === 'pending' || r.status === 'retrying'),
    )
    .toArray();
  for (const record of later) {
    await db.outbox.update(record.id, {
      status: 'blocked',
      lastError: {
        code: blockedByEarlierCode,
        message: 'An earlier action on the same order was refused',
        details: { blockedBy: rejected.id, cause: cause.code },
      },
    });
  }
}

/** Full jitter: a random wait up to an exponentially growing cap, so devices do not retry in step. */
export function backoffDelay(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(60_000, 1_000 * 2 ** Math.max(0, attempts - 1));
  return Math.floor(random() * ceiling);
}

export async function markRetrying(
  batch: readonly OutboxRecord[],
  error: CommandError,
  /** False for the network, a busy server or a proxy: nothing in the batch is at fault. */
  mayBeAtFault = true,
): Promise<void> {
  const now = Date.now();
  await db.transaction('rw', db.outbox, async () => {
    for (const record of batch) {
      const attempts = record.attempts + 1;
      await db.outbox.update(record.id, {
        status: 'retrying',
        attempts,
        nextAttemptAt: now + backoffDelay(attempts),
        lastError: error,
        // Only a command sent alone, on a failure that is not the network's, can be the one at fault.
        ...(batch.length === 1 && mayBeAtFault ? { failingSince: record.failingSince ?? now } : {}),
      });
    }
  });
}

/**
 * The server refused this command for good, on its own (a 4xx that no resend can change, or a
 * failure that repeats while the server answers everything else): it is consumed like a
 * business refusal, shown under "Needs attention" in words, and the rest of the queue goes on.
 */
export async function parkRefused(record: OutboxRecord, error: CommandError): Promise<void> {
  await applyResults([record], [{ id: record.id, seq: record.seq ?? 0, status: 'rejected', error }]);
}

/**
 * 403 sync.foreignClient: the server holds this stream id for another device (a copied
 * profile, a restored backup). The device takes a new stream, and its unsynced commands are
 * numbered afresh in it; one the old stream may have applied is refused by the server as
 * already used, never applied twice.
 */
export async function startNewStream(): Promise<string> {
  return db.transaction('rw', [db.outbox, db.meta], async () => {
    const clientId = crypto.randomUUID();
    await db.outbox
      .filter((r) => r.status === 'pending' || r.status === 'retrying' || r.status === 'inflight')
      .modify({ seq: null, status: 'retrying', nextAttemptAt: 0 });
    await setMeta('clientId', clientId);
    await setMeta('nextSeq', 1);
    await setMeta('pulledSeq', 0);
    return clientId;
  });
}

/** The session needs the PIN again: the batch goes back untouched, to be sent once signed in. */
export async function releaseBatch(batch: readonly OutboxRecord[]): Promise<void> {
  await db.outbox.bulkUpdate(
    batch.map((r) => ({ key: r.id, changes: { status: 'retrying', nextAttemptAt: 0 } })),
  );
}

/**
 * 409 sync.outOfOrder: the server processes a device's stream strictly in order, so nothing at
 * or after `expectedSeq` was applied. Those seqs are released and this batch renumbered from it.
 */
export async function renumberFrom(
  expectedSeq: number,
  batch: readonly OutboxRecord[],
): Promise<OutboxRecord[]> {
  return db.transaction('rw', [db.outbox, db.meta], async () => {
    await db.outbox
      .where('seq')
      .aboveOrEqual(expectedSeq)
      .filter((r) => r.status === 'pending' || r.status === 'retrying' || r.status === 'inflight')
      .modify({ seq: null });
    const ids = new Set(batch.map((r) => r.id));
    const fresh = (await db.outbox.bulkGet([...ids])).filter((r): r is OutboxRecord => r !== undefined);
    let nextSeq = expectedSeq;
    const renumbered = fresh
      .sort((a, b) => a.localOrder - b.localOrder)
      .map((r) => ({ ...r, seq: r.seq ?? nextSeq++, status: 'inflight' as const }));
    await db.outbox.bulkPut(renumbered);
    await setMeta('nextSeq', nextSeq);
    return renumbered.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  });
}

/** Forgets settled actions after a day, but never one whose effect the replica does not hold yet. */
export async function pruneSettled(now: number = Date.now()): Promise<void> {
  const pulledSeq = (await getMeta('pulledSeq')) ?? 0;
  await db.outbox
    .filter(
      (r) =>
        r.settledAt !== undefined &&
        r.settledAt < now - KEEP_SETTLED_MS &&
        (r.status === 'acked' ? (r.seq ?? 0) <= pulledSeq : r.resolution !== undefined),
    )
    .delete();
}
