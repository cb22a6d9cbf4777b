import type { CommandReads } from '../commands/define-command';
import { replicaTx } from '../commands/replica-tx';
import { definitionOf } from '../commands/registry';
import { orderErrorCodes, syncErrorCodes } from '../contract/error-codes';
import type { CommandArgs, CommandName, SyncOrder } from '../contract/sync';
import { DomainError } from '../domain/domain-error';
import { ensureClientId } from './client-identity';
import { db } from './db';
import { getMeta, setMeta } from './meta';
import { foldOverlay } from './overlay';
import { type OutboxRecord } from './outbox-record';
import type { CatalogueProduct } from '../commands/order-tx';
import type { ReplicaFacts } from '../commands/replica-tx';
import { catalogueOf, deviceFacts, type ReplicaView } from './device-facts';
import { orderViewOf, overlayFacts, readShelves, type OrderView } from './replica-read';
import { askPersistentStorageOnce } from './storage-health';

export interface Actor {
  id: string;
  name: string;
  storeId: string;
  /** A manager may run what associates may not (cancel an order); the server checks it too. */
  role?: 'associate' | 'manager';
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

/** Reads from the replica what a command declared, before the queueing transaction. */
async function replicaView(reads: CommandReads): Promise<ReplicaView> {
  const orderIds = [
    ...new Set([
      ...(reads.orders ?? []),
      ...(reads.pickups ?? []).map((p) => p.orderId),
      ...(reads.parcels ?? []).map((p) => p.orderId),
    ]),
  ];
  const [orders, products, shelves, arrivals] = await Promise.all([
    db.orders.bulkGet(orderIds),
    reads.gtins?.length
      ? db.products
          .where('gtin14')
          .anyOf([...reads.gtins])
          .toArray()
      : [],
    reads.locations?.length ? readShelves(reads.locations) : [],
    reads.arrivals?.length ? db.customerArrivals.bulkGet(reads.arrivals.map((a) => a.arrivalId)) : [],
  ]);
  const byId = new Map(orders.flatMap((o) => (o ? [[o.id, o] as const] : [])));
  const arrivalById = new Map(
    arrivals.flatMap((a) =>
      a ? [[a.id, { orderId: a.orderId, acknowledgedBy: a.acknowledgedBy?.id ?? null }] as const] : [],
    ),
  );
  return {
    order: (id) => byId.get(id),
    knownGtins: new Set(products.map((p) => p.gtin14)),
    catalogue: catalogueOf(products),
    locations: new Set(shelves.map((l) => l.code)),
    shelves: new Map(shelves.map((l) => [l.code, { capacity: l.capacity, orderIds: l.orderIds }])),
    arrival: (id) => arrivalById.get(id),
  };
}

/** Arguments are checked as the server will check them, before anything is queued. */
async function validArgs(name: CommandName, args: unknown) {
  const definition = definitionOf(name);
  if (!definition) throw new Error(`${name} has no definition`);
  const parsed = (await definition.validator()).safeParse(args);
  if (!parsed.success) {
    throw new DomainError(syncErrorCodes.invalidArgs, `Invalid arguments for ${name}`, {
      fields: parsed.error.issues.map((i) => ({ path: `args.${i.path.join('.')}`, message: i.message })),
    });
  }
  return { definition, args: parsed.data as Record<string, unknown> };
}

/**
 * Checks a command against the order as this device sees it (server state plus its own
 * unsynced commands) by its one definition, the same code the server runs, and queues it. The
 * check, the outbox row and the counters share one transaction: back-to-back scans see each
 * other, and the command and its optimistic effect are durable together. Throws the DomainError
 * the server would answer with, and then nothing is queued.
 */
export async function enqueueCommand<N extends CommandName>(input: EnqueueInput<N>): Promise<Enqueued> {
  clientIdOnce ??= ensureClientId().catch((error: unknown) => {
    clientIdOnce = undefined;
    throw error;
  });
  const clientId = await clientIdOnce;
  const { definition, args } = await validArgs(input.name, input.args);
  const orderId = String(args.orderId);
  const reads = definition.reads(args);
  // Facts first: checking a pickup code takes WebCrypto, which would end an IndexedDB transaction.
  const facts = await deviceFacts(reads, await replicaView(reads));
  const entityKeys = definition.entityKeys(args);
  const enqueued = await db.transaction('rw', [db.meta, db.outbox, db.orders, db.products], async () => {
    // Every read at once: requests in one IndexedDB transaction pipeline, and a scan waits for
    // the slowest of them rather than for their sum.
    const [order, pulledSeqValue, localOrderValue, related] = await Promise.all([
      db.orders.get(orderId),
      getMeta('pulledSeq'),
      getMeta('nextLocalOrder'),
      db.outbox.where('entityKeys').anyOf(entityKeys).toArray(),
    ]);
    if (!order) {
      throw new DomainError(orderErrorCodes.notFound, 'No such order on this device', { orderId });
    }
    const pulledSeq = pulledSeqValue ?? 0;
    // The substitutes queued before this command fold with the products they name.
    const earlier = await overlayFacts(related);
    const folding: ReplicaFacts = {
      catalogue: new Map<string, CatalogueProduct>([
        ...(earlier.catalogue ?? []),
        ...(facts.catalogue ?? []),
      ]),
    };
    const before = foldOverlay(order, related, pulledSeq, folding).order;
    const createdAt = new Date().toISOString();
    const tx = replicaTx(
      [before],
      {
        type: 'associate',
        id: input.actor.id,
        name: input.actor.name,
        storeId: input.actor.storeId,
        role: input.actor.role ?? 'associate',
        deviceId: null,
      },
      createdAt,
      facts,
    );
    definition.apply(tx, args);
    const after = tx.orders.get(orderId) ?? before;
    const localOrder = localOrderValue ?? 1;
    const record: OutboxRecord = {
      name: input.name,
      args,
      associateId: input.actor.id,
      associateName: input.actor.name,
      createdAt,
      id: crypto.randomUUID(),
      clientId,
      localOrder,
      seq: null,
      v: definition.v,
      entityKeys,
      storeId: input.actor.storeId,
      orderNumber: order.number,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: 0,
    };
    await Promise.all([db.outbox.add(record), setMeta('nextLocalOrder', localOrder + 1)]);
    return { record, before, after, view: orderViewOf(order, [...related, record], pulledSeq, folding) };
  });
  commits += 1;
  const result = { ...enqueued, stamp: commits };
  for (const listener of viewListeners) listener(result);
  void askPersistentStorageOnce();
  for (const listener of listeners) listener();
  return result;
}
