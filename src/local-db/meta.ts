import type { PassPublicKey } from '../contract/passes';
import type { ReturnSettings } from '../contract/returns';
import { db } from './db';

/** An associate's batch pick on this device: see pick-batch.ts. */
export interface PickBatch {
  storeId: string;
  /** In tote order: the order in tote n is orderIds[n - 1]. */
  orderIds: string[];
  createdAt: string;
}

/** The device's sync bookkeeping, one row per key in the `meta` table. */
export interface MetaValues {
  clientId: string;
  /** The store the replica holds; another store's sign-in clears the replica first. */
  storeId: string;
  /** The server's change cursor; absent until the first pull landed. */
  cursor: string;
  /** A snapshot being received in pages: its store, the next page's cursor, the pages held. */
  snapshot: { storeId: string; next: string; pages: number };
  /** Epoch ms of the last pull that landed. */
  lastSyncAt: number;
  /** The server's lastProcessedSeq at that pull: commands up to it are in the server state. */
  pulledSeq: number;
  /** The seq the next command put in a push batch takes (ADR 0007). */
  nextSeq: number;
  nextLocalOrder: number;
  persistAsked: boolean;
  /** Set when the browser evicted the database; cleared once the associate read the notice. */
  evictionNotice: boolean;
  /** Server time minus device time at the last pull, for SLA timers. */
  serverOffsetMs: number;
  /** The chain's public keys for signed pickup passes, from the last pull that carried them. */
  passKeys: PassPublicKey[];
  /** The store's keys of pickup-code digests by key id (a month), base64url (ADR 0025). */
  pickupCodeKeys: Record<string, string>;
  /** Each associate's open batch pick on this device (ship-from-store), by associate id. */
  pickBatches: Record<string, PickBatch>;
  /** The return policy as last received, so the counter checks returns offline (return-orders.ts). */
  returnSettings: { value: ReturnSettings; savedAt: number };
  /** Epoch ms of the last refresh of this store's recent orders for returns. */
  returnOrdersRefreshedAt: number;
}

export type MetaKey = keyof MetaValues;

export async function getMeta<K extends MetaKey>(key: K): Promise<MetaValues[K] | undefined> {
  const row = await db.meta.get(key);
  return row?.value as MetaValues[K] | undefined;
}

export async function setMeta<K extends MetaKey>(key: K, value: MetaValues[K]): Promise<void> {
  await db.meta.put({ key, value });
}

export async function deleteMeta(key: MetaKey): Promise<void> {
  await db.meta.delete(key);
}

/** Several keys in one read, for live queries that show sync state. */
export async function readMeta(): Promise<Partial<MetaValues>> {
  const rows = await db.meta.toArray();
  return Object.fromEntries(rows.map((row) => [row.key, row.value])) as Partial<MetaValues>;
}
