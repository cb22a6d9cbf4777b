import { returnEntity } from '../commands/define-command';
import type { ReturnableOrder, ReturnSubmitArgs, ReturnSubmitResult } from '../contract/returns';
import { queueWithRow } from './queue-with-row';
import { db } from './db';
import type { Actor } from './enqueue';
import type { LocalReturnRow, ReturnOutcome, ReturnShown } from './local-return-row';
import type { CommandError, OutboxRecord } from './outbox-record';
import { returnOrderFacts } from './return-order-facts';

/** Rows older than this are forgotten: the server keeps every return, the device only recent ones. */
const KEEP_LOCAL_RETURNS_MS = 30 * 24 * 60 * 60_000;

/**
 * A return is its own entity in the outbox: its refusal blocks no pick or handover of the order,
 * and the order may be another store's, not in the replica at all.
 */
export const returnKey = returnEntity;

/**
 * - saved: on the device, not sent yet (or waiting for the network);
 * - sending: in a push now;
 * - synced: the server answered (its outcome says refunded or review);
 * - refused: the server rejected the command (malformed, unknown order…), see `error`;
 * - discarded: the associate dropped a refused return;
 * - unknown: the command was pruned and the device never kept the answer: ask the server.
 */
export type LocalReturnState = 'saved' | 'sending' | 'synced' | 'refused' | 'discarded' | 'unknown';

export interface LocalReturnView {
  row: LocalReturnRow;
  state: LocalReturnState;
  /** The latest command carrying it ("send again" makes a new one); null once pruned. */
  command: OutboxRecord | null;
  /** The server's word: the push result, or what the device kept of it. */
  outcome: ReturnOutcome | null;
  error: CommandError | null;
}

export interface NewLocalReturn {
  args: ReturnSubmitArgs;
  shown: ReturnShown;
  actor: Actor;
  /** The counter's copy of the order, when it has one: the units are checked to be on it. */
  order?: ReturnableOrder;
}

/**
 * Queues `return.submit` with what the associate was shown, in one transaction: the customer
 * leaves with the promise of a refund, and the command goes out when it can. Its policy is
 * judged by the server, which knows every device's returns; the counter's check is the preview.
 */
export async function queueReturn({ args, shown, actor, order }: NewLocalReturn): Promise<LocalReturnRow> {
  const createdAt = new Date().toISOString();
  const row: LocalReturnRow = {
    returnId: args.returnId,
    orderId: args.orderId,
    storeId: actor.storeId,
    associateId: actor.id,
    associateName: actor.name,
    createdAt,
    args,
    shown,
  };
  await queueWithRow({
    name: 'return.submit',
    args,
    actor,
    orderNumber: shown.order.number,
    createdAt,
    facts: order ? { returnOrders: new Map([[order.id, returnOrderFacts(order)]]) } : {},
    table: db.returns,
    row,
  });
  return row;
}

function outcomeOfResult(result: unknown, at: number): ReturnOutcome | null {
  const r = result as Partial<ReturnSubmitResult> | null | undefined;
  if (!r || typeof r.status !== 'string' || typeof r.number !== 'string') return null;
  return {
    status: r.status,
    number: r.number,
    refundCents: r.refundCents ?? 0,
    shippingRefundCents: r.shippingRefundCents ?? 0,
    violations: r.violations ?? [],
    at,
  };
}

function stateOf(command: OutboxRecord | null, kept: ReturnOutcome | undefined): LocalReturnState {
  if (!command) return kept ? 'synced' : 'unknown';
  if (command.resolution === 'discarded') return 'discarded';
  switch (command.status) {
    case 'acked':
      return 'synced';
    case 'rejected':
    case 'blocked':
      return 'refused';
    case 'inflight':
      return 'sending';
    default:
      return 'saved';
  }
}

async function viewOf(row: LocalReturnRow): Promise<LocalReturnView> {
  const commands = await db.outbox.where('entityKeys').equals(returnKey(row.returnId)).toArray();
  const command = commands.sort((a, b) => b.localOrder - a.localOrder)[0] ?? null;
  const state = stateOf(command, row.outcome);
  const fromCommand =
    command?.status === 'acked' ? outcomeOfResult(command.result, command.settledAt ?? 0) : null;
  // A later answer (a manager's decision read from the server) wins over the push result.
  const outcome =
    row.outcome && (!fromCommand || row.outcome.at >= fromCommand.at) ? row.outcome : fromCommand;
  return {
    row,
    state,
    command,
    outcome: state === 'refused' || state === 'discarded' ? null : outcome,
    error: state === 'refused' ? (command?.lastError ?? null) : null,
  };
}

/** One return with its command's state, for the return's screen (a live query). */
export async function readLocalReturn(returnId: string): Promise<LocalReturnView | null> {
  return db.transaction('r', [db.returns, db.outbox], async () => {
    const row = await db.returns.get(returnId);
    return row ? viewOf(row) : null;
  });
}

/** This device's returns of an order: their units are not returnable again meanwhile. */
export async function readLocalReturnsOfOrder(orderId: string): Promise<LocalReturnView[]> {
  return db.transaction('r', [db.returns, db.outbox], async () => {
    const rows = await db.returns.where('orderId').equals(orderId).toArray();
    return Promise.all(rows.map(viewOf));
  });
}

/** The returns this device took for the store, newest first. */
export async function readLocalReturns(storeId: string, limit = 20): Promise<LocalReturnView[]> {
  return db.transaction('r', [db.returns, db.outbox], async () => {
    const rows = await db.returns
      .orderBy('createdAt')
      .reverse()
      .filter((row) => row.storeId === storeId)
      .limit(limit)
      .toArray();
    return Promise.all(rows.map(viewOf));
  });
}

/** Keeps the server's latest word on a return, so the device still knows it after the outbox prunes. */
export async function keepReturnOutcome(returnId: string, outcome: ReturnOutcome): Promise<void> {
  await db.transaction('rw', db.returns, async () => {
    const row = await db.returns.get(returnId);
    if (!row) return;
    const kept = row.outcome;
    const same =
      kept &&
      kept.status === outcome.status &&
      kept.number === outcome.number &&
      kept.refundCents === outcome.refundCents;
    if (!same) await db.returns.update(returnId, { outcome });
  });
}

/** Forgets returns taken long ago whose command is gone from the outbox. */
export async function pruneLocalReturns(now: number = Date.now()): Promise<void> {
  const before = new Date(now - KEEP_LOCAL_RETURNS_MS).toISOString();
  await db.transaction('rw', [db.returns, db.outbox], async () => {
    const old = await db.returns.where('createdAt').below(before).toArray();
    const gone: string[] = [];
    for (const row of old) {
      if ((await db.outbox.where('entityKeys').equals(returnKey(row.returnId)).count()) === 0)
        gone.push(row.returnId);
    }
    if (gone.length > 0) await db.returns.bulkDelete(gone);
  });
}
