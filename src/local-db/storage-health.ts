import { getMeta, setMeta } from './meta';

/**
 * Asks the browser to keep this site's data under storage pressure, once, at the first
 * action: that is when the database starts holding work that exists nowhere else.
 */
export async function askPersistentStorageOnce(): Promise<void> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persist) return;
  if (await getMeta('persistAsked')) return;
  await setMeta('persistAsked', true);
  try {
    await navigator.storage.persist();
  } catch {
    // Refused or unsupported: eviction is then detected at start-up instead.
  }
}

export const STORAGE_WARN_RATIO = 0.8;

/** The share of the quota in use, or null where the browser does not say. */
export async function storageUsage(): Promise<number | null> {
  if (typeof navigator === 'undefined' || !navigator.storage?.estimate) return null;
  try {
    const { usage, quota } = await navigator.storage.estimate();
    return usage !== undefined && quota ? usage / quota : null;
  } catch {
    return null;
  }
}
