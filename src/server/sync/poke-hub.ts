import type { DatabaseHandle } from '../db/client';
import { POKE_CHANNEL } from '../core/store-version';

type Listener = () => void;

/**
 * Fans database NOTIFYs out to the devices connected to this instance, by store. Because the
 * NOTIFY travels through PostgreSQL, a change committed by any API instance reaches the
 * devices connected to every other instance.
 */
export class PokeHub {
  private readonly byStore = new Map<string, Set<Listener>>();
  /** Pokes handed to open streams since start, for /metrics. */
  pokesSent = 0;
  private stopListening: (() => Promise<void>) | undefined;

  async start(database: DatabaseHandle): Promise<void> {
    this.stopListening = await database.listen(POKE_CHANNEL, (storeId) => this.poke(storeId));
  }

  async stop(): Promise<void> {
    await this.stopListening?.();
    this.stopListening = undefined;
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

  poke(storeId: string): void {
    for (const listener of this.byStore.get(storeId) ?? []) {
      this.pokesSent += 1;
      listener();
    }
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
