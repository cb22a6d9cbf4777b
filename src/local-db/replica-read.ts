import type { SyncOrder } from '../contract/sync';
import type { StagingLocation } from '../contract/stores';
import { db } from './db';
import { readMeta } from './meta';
import type { ReplicaFacts } from '../commands/replica-tx';
import { parseGtin } from '../domain/gtin';
import { catalogueOf } from './device-facts';
import { foldOverlay } from './overlay';
import { isUnsynced, needsAttention, orderKey, type OutboxRecord } from './outbox-record';
import type { OrderView } from './order-view';
import { putBackTask } from './put-back-task';

export type { OrderView } from './order-view';

/** Reads for the screens, meant for useLiveQuery: each re-runs when its tables change. */

/** The order as this device shows it: the server's copy with these commands folded on top. */
export function orderViewOf(
  server: SyncOrder,
  records: readonly OutboxRecord[],
  pulledSeq: number,
  facts: ReplicaFacts = {},
): OrderView {
  const { order, foldedIds } = foldOverlay(server, records, pulledSeq, facts);
  return {
    order,
    foldedIds,
    putBack: putBackTask(server, order, records),
    unsynced: records.filter(isUnsynced).length,
    attentionIds: records.filter(needsAttention).map((record) => record.id),
  };
}

/** Whether the first pull for this store has landed (until then the screens say "Downloading…"). */
export async function replicaReady(storeId: string): Promise<boolean> {
  const meta = await readMeta();
  return meta.storeId === storeId && meta.cursor !== undefined;
}

/**
 * The reads of one view share a read transaction: a pull landing between reading the order and
 * reading `pulledSeq` would otherwise fold a command twice, or drop it, for one render.
 */
const snapshot = <T>(read: () => Promise<T>) =>
  db.transaction('r', [db.meta, db.orders, db.outbox, db.products], read);

/**
 * What folding queued commands needs beyond the order: the catalogue products a queued substitute
 * names (its price and names), read in the caller's transaction.
 */
export async function overlayFacts(records: readonly OutboxRecord[]): Promise<ReplicaFacts> {
  const gtins = records.flatMap((record) => {
    if (record.name !== 'pick.substitute') return [];
    const parsed = parseGtin(String(record.args.code ?? ''));
    return parsed.ok ? [parsed.gtin14] : [];
  });
  if (gtins.length === 0) return {};
  return { catalogue: catalogueOf(await db.products.where('gtin14').anyOf(gtins).toArray()) };
}

export async function readOrderView(orderId: string): Promise<OrderView | null> {
  return snapshot(async () => {
    const server = await db.orders.get(orderId);
    if (!server) return null;
    const meta = await readMeta();
    const records = await db.outbox.where('entityKeys').equals(orderKey(orderId)).toArray();
    return orderViewOf(server, records, meta.pulledSeq ?? 0, await overlayFacts(records));
  });
}

/** Every order of the replica with this device's commands on top, by promise time. */
export async function readQueue(): Promise<OrderView[]> {
  const [orders, records, meta, facts] = await snapshot(async () => {
    const outbox = await db.outbox.toArray();
    return Promise.all([db.orders.orderBy('promisedAt').toArray(), outbox, readMeta(), overlayFacts(outbox)]);
  });
  const byOrder = new Map<string, OutboxRecord[]>();
  for (const record of records) {
    const id = String(record.args.orderId);
    byOrder.set(id, [...(byOrder.get(id) ?? []), record]);
  }
  return orders.map((order) => orderViewOf(order, byOrder.get(order.id) ?? [], meta.pulledSeq ?? 0, facts));
}

export async function readLocations(): Promise<StagingLocation[]> {
  return db.locations.orderBy('code').toArray();
}

export interface ShelfView extends StagingLocation {
  /** Orders ready on it now, this device's unsynced staging included. */
  orderIds: string[];
}

/**
 * The store's staging shelves with what is on each, as this device sees it: the replica's
 * orders with its own unsynced commands on top, so a shelf it just filled offline shows full.
 */
export async function readShelves(codes?: readonly string[]): Promise<ShelfView[]> {
  const [locations, views] = await Promise.all([
    codes ? db.locations.bulkGet([...codes]) : readLocations(),
    readQueue(),
  ]);
  const on = new Map<string, string[]>();
  for (const { order } of views) {
    if (order.status !== 'ready' || !order.stagingLocation) continue;
    on.set(order.stagingLocation, [...(on.get(order.stagingLocation) ?? []), order.id]);
  }
  return locations.flatMap((location) =>
    location
      ? [{ ...location, capacity: location.capacity ?? 1, orderIds: on.get(location.code) ?? [] }]
      : [],
  );
}

export interface StockBay {
  aisle: string;
  bay: string;
}

/** The aisle-bay places that hold stock in the replica's store, in walking order. */
export async function readStockBays(): Promise<StockBay[]> {
  const rows = await db.stock.toArray();
  const bays = new Map<string, StockBay>();
  for (const { aisle, bay } of rows) {
    if (aisle && bay) bays.set(`${aisle}-${bay}`, { aisle, bay });
  }
  return [...bays.values()].sort((a, b) => a.aisle.localeCompare(b.aisle) || a.bay.localeCompare(b.bay));
}

export interface SyncSummary {
  /** False until the outbox was read: the figures below are placeholders until then. */
  loaded: boolean;
  /** Unsynced actions of this associate. */
  pending: number;
  oldestPendingAt: string | null;
  /** Refused or blocked actions waiting for a decision. */
  attention: number;
  lastSyncAt: number | null;
  evictionNotice: boolean;
}

export async function readSyncSummary(associateId: string): Promise<SyncSummary> {
  const [mine, meta] = await Promise.all([
    db.outbox.where('associateId').equals(associateId).toArray(),
    readMeta(),
  ]);
  const unsynced = mine.filter(isUnsynced).sort((a, b) => a.localOrder - b.localOrder);
  return {
    loaded: true,
    pending: unsynced.length,
    oldestPendingAt: unsynced[0]?.createdAt ?? null,
    attention: mine.filter(needsAttention).length,
    lastSyncAt: meta.lastSyncAt ?? null,
    evictionNotice: meta.evictionNotice === true,
  };
}

/** This associate's actions, newest first, for the activity page. */
export async function readActivity(associateId: string): Promise<OutboxRecord[]> {
  const mine = await db.outbox.where('associateId').equals(associateId).toArray();
  return mine.filter((r) => r.resolution === undefined).sort((a, b) => b.localOrder - a.localOrder);
}

/** The order's status as shown, for wording a refusal (e.g. "the shop cancelled this order"). */
export async function readOrderStatuses(): Promise<Map<string, SyncOrder['status']>> {
  const orders = await db.orders.toArray();
  return new Map(orders.map((o) => [o.id, o.status]));
}

/** Actions of this associate that are not synced or not resolved: the sign-out warning counts them. */
export async function countUnsettled(associateId: string): Promise<number> {
  const mine = await db.outbox.where('associateId').equals(associateId).toArray();
  return mine.filter((r) => isUnsynced(r) || needsAttention(r)).length;
}

/** For the PWA update prompt: anything this associate has unsynced, or any push in flight. */
export async function countBusy(associateId: string | null): Promise<number> {
  const all = await db.outbox.toArray();
  return all.filter((r) => r.status === 'inflight' || (isUnsynced(r) && r.associateId === associateId))
    .length;
}
