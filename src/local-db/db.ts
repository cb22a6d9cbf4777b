import { Dexie, type EntityTable } from 'dexie';
import type { ProductRow, StockRow, SyncOrder } from '../contract/sync';
import type { StagingLocation } from '../contract/stores';
import type { OutboxRecord } from './outbox-record';

export interface MetaRow {
  key: string;
  value: unknown;
}

/** A server order as last pulled. `closedSeenAt` is local: when this device first saw it closed. */
export type ReplicaOrder = SyncOrder & { closedSeenAt?: number };

export type AisleDb = Dexie & {
  meta: EntityTable<MetaRow, 'key'>;
  orders: EntityTable<ReplicaOrder, 'id'>;
  products: EntityTable<ProductRow, 'id'>;
  stock: EntityTable<StockRow, 'productId'>;
  locations: EntityTable<StagingLocation, 'code'>;
  outbox: EntityTable<OutboxRecord, 'id'>;
};

/**
 * The device's replica of its store and its outbox: the only IndexedDB in the app.
 * Version blocks are append-only: a later schema is a new `version(n)` beside this one.
 */
function createDb(): AisleDb {
  const db = new Dexie('aisle') as AisleDb;
  db.version(1).stores({
    meta: 'key',
    orders: 'id, status, promisedAt',
    products: 'id, &gtin14, sku',
    stock: 'productId',
    locations: 'code',
    outbox: 'id, &localOrder, status, associateId, seq, *entityKeys',
  });
  return db;
}

export const db: AisleDb = createDb();

/** The replica's tables, as one list for transactions that touch them all. */
export const replicaTables = () => [db.orders, db.products, db.stock, db.locations];
