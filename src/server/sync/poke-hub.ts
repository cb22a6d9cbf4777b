import type { DatabaseHandle } from '../db/client';
import { parsePoke, POKE_CHANNEL } from '../core/store-version';

type Listener = () => void;

/**
 * Fans database NOTIFYs out to the devices connected to this instance, by store. Because the
 * NOTIFY travels through PostgreSQL, a change committed by any API instance reaches the
 * devices connected to every other instance.
 *
 * Each NOTIFY also names the store's new version, so the hub knows every store's current
 * version for as long as its listener has heard every NOTIFY (ADR 0048): a pull whose cursor
 * is at that version is answered "nothing new" without the database. When the listening
 * connection drops, what it knew is forgotten and pulls go to the database again.
 */
export class PokeHub {
  private readonly byStore = new Map<string, Set<Listener>>();
  /** Pokes handed to open streams since start, for /metrics. */
  pokesSent = 0;
  private stopListening: (() => Promise<void>) | undefined;
  private readonly versions = new Map<string, number>();
  private listening = false;
  /** Bumped whenever NOTIFYs may have been missed: a version read before then may be stale. */
  private epoch = 0;
  /** Stores to poke once this turn of the event loop ends (one commit may NOTIFY several versions). */
  private readonly due = new Set<string>();
  private flush: NodeJS.Immediate | undefined;

  async start(database: DatabaseHandle): Promise<void> {
    this.stopListening = await database.listen(
      POKE_CHANNEL,
      (payload) => this.heard(payload),
      (listening) => this.connection(listening),
    );
    this.listening = true;
  }

  async stop(): Promise<void> {
    await this.stopListening?.();
    this.stopListening = undefined;
    this.connection(false);
    if (this.flush) clearImmediate(this.flush);
  }

  subscribe(storeId: string, listener: Listener): () => void {
    const listeners = this.byStore.get(storeId) ?? new Set();
    listeners.add(listener);
    this.byStore.set(storeId, listeners);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.byStore.delete(storeId);
    };
  }

  /** A NOTIFY: `storeId:version`, or a bare store id from a server of an older release. */
  private heard(payload: string): void {
    const { storeId, version } = parsePoke(payload);
    if (version === undefined) this.versions.delete(storeId);
    else this.versions.set(storeId, Math.max(version, this.versions.get(storeId) ?? 0));
    // Every NOTIFY pokes, even one not newer than a version a pull read meanwhile: a device that
    // has not pulled since must still hear of the change.
    this.due.add(storeId);
    this.flush ??= setImmediate(() => {
      this.flush = undefined;
      for (const store of this.due) this.poke(store);
      this.due.clear();
    });
  }

  private connection(listening: boolean): void {
    this.listening = listening;
    if (listening) return;
    this.epoch += 1;
    this.versions.clear();
  }

  poke(storeId: string): void {
    for (const listener of this.byStore.get(storeId) ?? []) {
      this.pokesSent += 1;
      listener();
    }
  }

  /** The store's current version, when every NOTIFY since it was learnt has been heard. */
  versionOf(storeId: string): number | undefined {
    return this.listening ? this.versions.get(storeId) : undefined;
  }

  /** Taken before reading a version from the database, and handed to `learn` with it. */
  mark(): number | undefined {
    return this.listening ? this.epoch : undefined;
  }

  /**
   * A version read from the database in a snapshot begun after `mark`: any commit after the
   * snapshot NOTIFYs a newer one, so it stands unless the listener lost its connection since.
   */
  learn(storeId: string, version: number, mark: number | undefined): void {
    if (mark === undefined || !this.listening || mark !== this.epoch) return;
    this.versions.set(storeId, Math.max(version, this.versions.get(storeId) ?? 0));
  }

  /**
   * This instance just committed for the store: its NOTIFY may still be on the way, and the
   * device that wrote will pull at once, so the next pull reads the database.
   */
  changed(storeId: string): void {
    this.versions.delete(storeId);
  }

  connections(storeId: string): number {
    return this.byStore.get(storeId)?.size ?? 0;
  }

  /** Open event streams over every store. */
  open(): number {
    let open = 0;
    for (const listeners of this.byStore.values()) open += listeners.size;
    return open;
  }
}
