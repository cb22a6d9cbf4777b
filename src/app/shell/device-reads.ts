/**
 * What the shell reads from the device database for a signed-in associate (sync state, server
 * clock, storage notices, sign-out check). A chunk of its own, fetched through loadDeviceReads():
 * the sign-in screen never touches IndexedDB, so it never loads Dexie.
 */
export { dismissEvictionNotice } from '../../local-db/client-identity';
export { getMeta } from '../../local-db/meta';
export { countUnsettled, readSyncSummary } from '../../local-db/replica-read';
export { STORAGE_WARN_RATIO, storageUsage } from '../../local-db/storage-health';
export { watch } from '../../local-db/watch';
