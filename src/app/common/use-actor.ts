import { useMemo } from 'react';
import type { Actor } from '../../local-db/enqueue';
import { useSession } from './use-session';

/** Who the commands of this screen are enqueued for; the screens live behind RequireSession. */
export function useActor(): Actor {
  const session = useSession();
  if (!session) throw new Error('useActor needs a signed-in associate');
  const { id, name, storeId, role } = session.associate;
  return useMemo(() => ({ id, name, storeId, role }), [id, name, storeId, role]);
}
