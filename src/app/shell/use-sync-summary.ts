import { useLiveQuery } from 'dexie-react-hooks';
import { readSyncSummary, type SyncSummary } from '../../local-db/replica-read';

const empty: SyncSummary = {
  loaded: false,
  pending: 0,
  oldestPendingAt: null,
  attention: 0,
  lastSyncAt: null,
  evictionNotice: false,
};

/** The signed-in associate's sync state from the outbox and meta, live; placeholders when signed out. */
export function useSyncSummary(associateId: string | undefined): SyncSummary {
  return useLiveQuery(() => (associateId ? readSyncSummary(associateId) : undefined), [associateId]) ?? empty;
}
