import type { SyncSummary } from '../../local-db/replica-read';
import { useDeviceRead, type DeviceReads } from './use-device-read';

const empty: SyncSummary = {
  loaded: false,
  pending: 0,
  oldestPendingAt: null,
  attention: 0,
  lastSyncAt: null,
  evictionNotice: false,
};

const readSummary = (reads: DeviceReads, associateId: string) => reads.readSyncSummary(associateId);

/** The signed-in associate's sync state from the outbox and meta, live; placeholders when signed out. */
export function useSyncSummary(associateId: string | undefined): SyncSummary {
  return useDeviceRead(associateId, readSummary) ?? empty;
}
