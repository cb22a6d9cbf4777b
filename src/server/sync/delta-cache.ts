import { sql } from 'drizzle-orm';
import type { PullResponse } from '../../contract/sync';
import type { Principal } from '../core/tokens';
import type { PickupCodeKeys } from '../core/pickup-code-keys';
import type { Db } from '../db/client';
import { preparedStatement } from '../db/prepared';
import { assertOwnClient } from './push-service';

/** The store's version and the device's stream, in one snapshot: one named statement. */
const versionAndSeq = preparedStatement<{ storeId: string; clientId: string | null }>(
  'aisle_delta_check',
  sql`select coalesce((select version from store_sync where store_id = ${sql.placeholder('storeId')}::text), 0) as version,
      c.last_seq, c.store_id, c.device_id
    from (values (1)) as one (n) left join sync_clients c on c.client_id = ${sql.placeholder('clientId')}::uuid`,
);

type StoreDelta = Omit<PullResponse, 'lastProcessedSeq' | 'serverTime' | 'pickupCodeKeys'>;

interface Entry {
  from: number;
  to: number;
  delta: StoreDelta;
  keyIds: string[];
}

/**
 * The last delta a store's devices pulled on this instance (ADR 0048). A change pokes every
 * device of the store and each pulls the same (from, to]: the first reads it from the database,
 * the others get it back in one round trip that checks the store is still at `to` and reads
 * their own lastProcessedSeq in the same snapshot, so delta and seq go together as in a full
 * pull. A store that moved on meanwhile is pulled from the database again.
 */
export class DeltaCache {
  private readonly byStore = new Map<string, Entry>();
  /** A delta being read from the database now, per store: its `from`, and its end. */
  private readonly reading = new Map<string, { from: number; done: Promise<void> }>();

  /**
   * A pull of the store's delta from `from` that `pull` could not answer: `read` reads it from
   * the database (and remembers it), unless another pull is reading the same delta now. Then
   * this one waits for it and tries `shared` (the check's path) first: a poke makes every
   * device of the store pull at once, and without this each of them ran the delta statement
   * before the first one's answer was remembered. `read` is false when `shared` answered.
   */
  async read(
    storeId: string,
    from: number,
    read: () => Promise<PullResponse>,
    shared: () => Promise<PullResponse | undefined>,
  ): Promise<{ answer: PullResponse; read: boolean }> {
    const under = this.reading.get(storeId);
    if (under?.from === from) {
      await under.done;
      const answer = await shared();
      if (answer) return { answer, read: false };
    }
    if (this.reading.has(storeId)) return { answer: await read(), read: true };
    let finish!: () => void;
    const done = new Promise<void>((resolve) => (finish = resolve));
    this.reading.set(storeId, { from, done });
    try {
      return { answer: await read(), read: true };
    } finally {
      this.reading.delete(storeId);
      finish();
    }
  }

  /** Keeps a delta the database just answered (never a snapshot: each device needs its own). */
  remember(storeId: string, from: number, answer: PullResponse): void {
    const to = Number(answer.cursor.slice('v2:'.length));
    if (answer.reset || !(to > from)) return;
    const { lastProcessedSeq: _seq, serverTime: _time, pickupCodeKeys, ...delta } = answer;
    const keyIds = (pickupCodeKeys ?? []).map((key) => key.keyId);
    this.byStore.set(storeId, { from, to, delta, keyIds });
  }

  /** The pull from the remembered delta, or undefined when it does not answer this one. */
  async pull(
    db: Db,
    principal: Principal,
    since: number,
    clientId: string | undefined,
    pickupCodes: PickupCodeKeys,
  ): Promise<PullResponse | undefined> {
    const entry = this.byStore.get(principal.storeId);
    if (!entry || entry.from !== since) return undefined;
    const [row] = await versionAndSeq<{
      version: string | number;
      last_seq: number | null;
      store_id: string | null;
      device_id: string | null;
    }>(db, { storeId: principal.storeId, clientId: clientId ?? null });
    if (!row || Number(row.version) !== entry.to) return undefined;
    if (row.store_id !== null && row.device_id !== null) {
      assertOwnClient({ storeId: row.store_id, deviceId: row.device_id }, principal);
    }
    return {
      ...entry.delta,
      lastProcessedSeq: row.last_seq ?? 0,
      serverTime: new Date().toISOString(),
      pickupCodeKeys: pickupCodes.keysFor(principal.storeId, entry.keyIds),
    };
  }
}
