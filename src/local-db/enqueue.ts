import { orderErrorCodes } from '../contract/error-codes';
import type { CommandArgs, CommandName, SyncOrder } from '../contract/sync';
import { DomainError } from '../domain/domain-error';
import { parseGtin } from '../domain/gtin';
import { ensureClientId } from './client-identity';
import { db } from './db';
import { getMeta, setMeta } from './meta';
import { applyCommand, foldOverlay, type OverlayFacts } from './overlay';
import { orderKey, type OutboxRecord } from './outbox-record';
import { orderViewOf, type OrderView } from './replica-read';
import { askPersistentStorageOnce } from './storage-health';

/** Same value as the contract's COMMAND_VERSION; importing it would pull zod into the bundle. */
const COMMAND_VERSION = 1;

export interface Actor {
  id: string;
  name: string;
  storeId: string;
}

export interface EnqueueInput<N extends CommandName> {
  name: N;
  args: CommandArgs<N>;
  actor: Actor;
}

export interface Enqueued {
  record: OutboxRecord;
  /** The order as the associate saw it, and with this command on top. */
  before: SyncOrder;
  after: SyncOrder;
  /** The order's view as a live query would read it right after this commit. */
  view: OrderView;
  /** Orders this stamp against the live queries of the order (see enqueueStamp). */
  stamp: number;
}

/** One read per page: a scan should not pay for a transaction that never changes anything. */
let clientIdOnce: Promise<string> | undefined;

type Listener = () => void;
const listeners = new Set<Listener>();
type ViewListener = (enqueued: Enqueued) => void;
const viewListeners = new Set<ViewListener>();

/**
 * Counts committed enqueues. A live query that read the replica after stamp N was taken sees
 * every command up to N, so a screen can tell whether a live result is older than the view an
 * enqueue handed it.
 */
let commits = 0;
export const enqueueStamp = (): number => commits;

/**
 * The screen of an order listens, to show a command's effect the moment it is durable, without
 * waiting for its live query to read back what the enqueue transaction already computed.
 */
export function onEnqueuedView(listener: ViewListener): () => void {
  viewListeners.add(listener);
  return () => viewListeners.delete(listener);
}

/** The sync engine listens, to push shortly after each new command. */
export function onCommandEnqueued(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * For a command queued outside enqueueCommand because it acts on no order of the replica (a
 * reservation at another store, reservations.ts): keep the storage, and push it shortly.
 */
export function announceEnqueued(): void {
  void askPersistentStorageOnce();
  for (const listener of listeners) listener();
}

async function factsFor(name: CommandName, args: Record<string, unknown>): Promise<OverlayFacts> {
  if (name === 'pick.confirm') {
    const parsed = parseGtin(String(args.code));
    const known = parsed.ok && (await db.products.where('gtin14').equals(parsed.gtin14).count()) > 0;
    return { isKnownProduct: (gtin14) => known && parsed.ok && parsed.gtin14 === gtin14 };
  }
  if (name === 'order.stage') {
    const code = String(args.locationCode).trim().toUpperCase();
    const exists = (await db.locations.get(code)) !== undefined;
    return { locationExists: (candidate) => exists && candidate === code };
  }
  return {};
}

/**
 * Checks a command against the order as this device sees it (server state plus its own
 * unsynced commands) with the same domain rules the server runs, and queues it. The check,
 * the outbox row and the counters share one transaction: back-to-back scans see each other,
 * and the command and its optimistic effect are durable together. Throws the DomainError the
 * server would answer with, and then nothing is queued.
 */
export async function enqueueCommand<N extends CommandName>(input: EnqueueInput<N>): Promise<Enqueued> {
  clientIdOnce ??= ensureClientId().catch((error: unknown) => {
    clientIdOnce = undefined;
    throw error;
  });
  const clientId = await clientIdOnce;
  const args = input.args as Record<string, unknown>;
  const orderId = String(args.orderId);
  const key = orderKey(orderId);
  const enqueued = await db.transaction(
    'rw',
    [db.meta, db.outbox, db.orders, db.products, db.locations],
    async () => {
      // Every read at once: requests in one IndexedDB transaction pipeline, and a scan waits for
      // the slowest of them rather than for their sum.
      const [order, pulledSeqValue, localOrderValue, related, facts] = await Promise.all([
        db.orders.get(orderId),
        getMeta('pulledSeq'),
        getMeta('nextLocalOrder'),
        db.outbox.where('entityKeys').equals(key).toArray(),
        factsFor(input.name, args),
      ]);
      if (!order)
        throw new DomainError(orderErrorCodes.notFound, 'No such order on this device', { orderId });
      const pulledSeq = pulledSeqValue ?? 0;
      const before = foldOverlay(order, related, pulledSeq).order;
      const createdAt = new Date().toISOString();
      const shape = {
        name: input.name,
        args,
        associateId: input.actor.id,
        associateName: input.actor.name,
        createdAt,
      };
      const after = applyCommand(before, shape, facts);
      const localOrder = localOrderValue ?? 1;
      const record: OutboxRecord = {
        ...shape,
        id: crypto.randomUUID(),
        clientId,
        localOrder,
        seq: null,
        v: COMMAND_VERSION,
        entityKeys: [key],
        storeId: input.actor.storeId,
        orderNumber: order.number,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: 0,
      };
      await Promise.all([db.outbox.add(record), setMeta('nextLocalOrder', localOrder + 1)]);
      return { record, before, after, view: orderViewOf(order, [...related, record], pulledSeq) };
    },
  );
  commits += 1;
  const result = { ...enqueued, stamp: commits };
  for (const listener of viewListeners) listener(result);
  void askPersistentStorageOnce();
  for (const listener of listeners) listener();
  return result;
}
