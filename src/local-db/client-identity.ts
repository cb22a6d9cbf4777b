import { db } from './db';
import { getMeta } from './meta';

/** Survives in localStorage, so a database that opens empty tells eviction from a first start. */
const CLIENT_ID_KEY = 'aisle.clientId';

function rememberedClientId(): string | null {
  try {
    return localStorage.getItem(CLIENT_ID_KEY);
  } catch {
    return null;
  }
}

function remember(clientId: string): void {
  try {
    localStorage.setItem(CLIENT_ID_KEY, clientId);
  } catch {
    // Without storage the eviction notice cannot show; the sync itself still works.
  }
}

/**
 * This device's sync stream id. A database found empty takes a new one (the server's stream
 * for the old id is gone with the data); if localStorage remembers an old id, the browser
 * evicted the database, and the associate is told once that unsynced work was lost.
 */
export async function ensureClientId(): Promise<string> {
  const clientId = await db.transaction('rw', db.meta, async () => {
    const existing = await getMeta('clientId');
    if (existing) return existing;
    const evicted = rememberedClientId() !== null;
    const fresh = crypto.randomUUID();
    await db.meta.bulkPut([
      { key: 'clientId', value: fresh },
      { key: 'nextSeq', value: 1 },
      { key: 'nextLocalOrder', value: 1 },
      { key: 'pulledSeq', value: 0 },
      ...(evicted ? [{ key: 'evictionNotice', value: true }] : []),
    ]);
    return fresh;
  });
  remember(clientId);
  return clientId;
}

export async function dismissEvictionNotice(): Promise<void> {
  await db.meta.delete('evictionNotice');
}
