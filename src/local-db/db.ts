import { Dexie, type EntityTable } from 'dexie';
import type { CustomerArrival } from '../contract/customer-arrivals';
import type { ProductRow, PullResponse, StockRow, SyncOrder } from '../contract/sync';
import type { StagingLocation } from '../contract/stores';
import type { ReserveElsewhereArgs } from '../contract/reservations';
import type { OtherStoreStock } from '../contract/stock';
import type { ReturnableOrder } from '../contract/returns';
import type { OutboxRecord } from './outbox-record';
import type { LocalReturnRow } from './local-return-row';
import { closedStatuses } from '../domain/order-machine';

export interface MetaRow {
  key: string;
  value: unknown;
}

/**
 * A server order as last pulled. `closedSeenAt` is local: when this device first saw it closed,
 * in server time (the serverTime of that pull, epoch ms), so a wrong device clock prunes nothing early.
 */
export type ReplicaOrder = SyncOrder & { closedSeenAt?: number };

/**
 * A product as the replica keeps it: what the device reads (commands' catalogue, Find, a count's
 * names). A snapshot brings only these fields (ADR 0052); a delta's whole ProductRow is kept as it comes.
 */
export type ReplicaProduct = Pick<
  ProductRow,
  'id' | 'sku' | 'gtin14' | 'brand' | 'nameIt' | 'nameEn' | 'size' | 'priceCents'
>;

/** The store's stock of a product as the replica keeps it: where it lies (a delta's row keeps the rest). */
export type ReplicaStock = Pick<StockRow, 'productId' | 'aisle' | 'bay'>;

/** A snapshot page waiting for the last one (ADR 0052): the replica changes only once all are in. */
export interface SnapshotPageRow {
  n: number;
  page: PullResponse;
}

/** A stock lookup answer as last received, for showing offline with its age (stock-lookups.ts). */
export interface StockLookupRow {
  /** `<storeId>|<kind>|<product id or normalised query>` */
  key: string;
  kind: 'search' | 'product';
  storeId: string;
  /** Epoch ms the answer arrived. */
  savedAt: number;
  value: unknown;
}

/**
 * A reservation this device made at another store, with what the associate saw when making it;
 * its state is its command's in the outbox (reservations.ts).
 */
export interface ReservationRow {
  /** The reservation id the command carries. */
  id: string;
  fromStoreId: string;
  associateId: string;
  createdAt: string;
  args: ReserveElsewhereArgs;
  store: OtherStoreStock['store'];
  product: ProductRow;
  /** The availability shown when the reservation was made. */
  availableShown: number;
}

/**
 * An order as the return counter last received it (any store's), kept so returns work offline
 * (return-orders.ts). The keys are the search forms of its number, e-mail and phone.
 */
export type ReturnOrderRow = ReturnableOrder & {
  /** Upper case, letters and digits only: "w-123 456" finds W123456. */
  numberKey: string;
  emailKey: string;
  /** The phone's digits with its country code, "" when none. */
  phoneDigits: string;
  /** The store signed in when it was kept: another store's sign-in does not show it. */
  keptBy: string;
  /** Epoch ms it arrived on this device (device clock). */
  savedAt: number;
};

export type AisleDb = Dexie & {
  meta: EntityTable<MetaRow, 'key'>;
  orders: EntityTable<ReplicaOrder, 'id'>;
  products: EntityTable<ReplicaProduct, 'id'>;
  stock: EntityTable<ReplicaStock, 'productId'>;
  locations: EntityTable<StagingLocation, 'code'>;
  outbox: EntityTable<OutboxRecord, 'id'>;
  lookups: EntityTable<StockLookupRow, 'key'>;
  reservations: EntityTable<ReservationRow, 'id'>;
  returnOrders: EntityTable<ReturnOrderRow, 'id'>;
  returns: EntityTable<LocalReturnRow, 'returnId'>;
  customerArrivals: EntityTable<CustomerArrival, 'id'>;
  snapshotPages: EntityTable<SnapshotPageRow, 'n'>;
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
  // Stock lookup (issue 5): the last answers, shown offline with their age, and the
  // reservations this device made at other stores. Tables not named here are kept as they are.
  db.version(2).stores({
    lookups: 'key, savedAt',
    reservations: 'id, createdAt',
  });
  // Returns (issue 6): orders seen at the return counter, for finding them offline, and the
  // returns this device took with what the associate was shown.
  db.version(3).stores({
    returnOrders: 'id, numberKey, emailKey, phoneDigits, fetchedAt, savedAt',
    returns: 'returnId, orderId, createdAt',
  });
  // Customers at the store (issue 7): who said "I'm here" at the kiosk or from the car, not yet
  // served, so every associate screen can alert (src/app/alerts).
  db.version(4).stores({
    customerArrivals: 'id, orderId, arrivedAt',
  });
  // A first sync in pages (issue 16, ADR 0052): the pages received so far, until the last one.
  db.version(5).stores({
    snapshotPages: 'n',
  });
  // Closed orders are pruned by when they were first seen closed (replica-apply.ts): an index
  // finds the few past the window, where every pull used to read every closed order. A closed
  // order kept by an older app has no time yet: it gets this device's, and leaves in 12 hours.
  db.version(6)
    .stores({
      orders: 'id, status, promisedAt, closedSeenAt',
    })
    .upgrade((tx) => {
      const now = Date.now();
      return tx
        .table<ReplicaOrder, string>('orders')
        .where('status')
        .anyOf([...closedStatuses])
        .modify((order) => {
          order.closedSeenAt ??= now;
        });
    });
  return db;
}

export const db: AisleDb = createDb();

/** The replica's tables, as one list for transactions that touch them all. */
export const replicaTables = () => [db.orders, db.products, db.stock, db.locations, db.customerArrivals];
