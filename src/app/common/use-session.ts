import { useSyncExternalStore } from 'react';
import type { Session } from '../../contract/auth';
import { getSession, subscribeSession } from '../../sync/session-store';

/** The signed-in associate's session, or null; re-renders on sign-in, refresh and sign-out. */
export function useSession(): Session | null {
  return useSyncExternalStore(subscribeSession, getSession, getSession);
}
