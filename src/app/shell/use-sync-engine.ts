import { useEffect } from 'react';
import { afterFirstScreen } from '../common/after-first-screen';
import { setServerOffset } from '../common/server-clock';
import { useDeviceRead, type DeviceReads } from './use-device-read';
import { useSession } from '../common/use-session';

const readServerOffset = (reads: DeviceReads) => reads.getMeta('serverOffsetMs');

/**
 * Runs the sync engine while someone is signed in, for that associate and store. The engine is
 * a chunk of its own, started once the first screen has rendered from the replica: nothing on
 * that screen waits for the network (a first sign-in shows "Downloading…" until its pull).
 */
export function useSyncEngine(): void {
  const session = useSession();
  const associateId = session?.associate.id;
  const storeId = session?.associate.storeId;
  useEffect(() => {
    if (!associateId || !storeId) return;
    let stop: (() => void) | undefined;
    let cancelled = false;
    const cancelStart = afterFirstScreen(() =>
      import('../../sync/sync-engine').then(
        ({ startSyncEngine }) => {
          if (!cancelled) stop = startSyncEngine({ associateId, storeId });
        },
        (error: unknown) => console.error('Could not load the sync engine', error),
      ),
    );
    return () => {
      cancelled = true;
      cancelStart();
      stop?.();
    };
  }, [associateId, storeId]);

  // SLA timers run on the server's clock, as measured at the last pull.
  const offset = useDeviceRead(storeId, readServerOffset);
  useEffect(() => {
    if (offset !== undefined) setServerOffset(offset);
  }, [offset]);
}
