import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { getMeta } from '../../local-db/meta';
import { startSyncEngine } from '../../sync/sync-engine';
import { setServerOffset } from '../common/server-clock';
import { useSession } from './use-session';

/** Runs the sync engine while someone is signed in, for that associate and store. */
export function useSyncEngine(): void {
  const session = useSession();
  const associateId = session?.associate.id;
  const storeId = session?.associate.storeId;
  useEffect(() => {
    if (!associateId || !storeId) return;
    return startSyncEngine({ associateId, storeId });
  }, [associateId, storeId]);

  // SLA timers run on the server's clock, as measured at the last pull.
  const offset = useLiveQuery(() => getMeta('serverOffsetMs'), []);
  useEffect(() => {
    if (offset !== undefined) setServerOffset(offset);
  }, [offset]);
}
