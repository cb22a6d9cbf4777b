import type { Session } from '../contract/auth';

const SESSION_KEY = 'aisle.session';

type Listener = () => void;
const listeners = new Set<Listener>();

function read(): Session | null {
  try {
    const raw = localStorage.getItem(SESSION_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Session>;
    return parsed.accessToken && parsed.refreshToken && parsed.associate ? (parsed as Session) : null;
  } catch {
    return null;
  }
}

let current: Session | null = read();
/** The refresh token was refused: the associate keeps working, and enters the PIN to sync again. */
let needsPin = false;

function emit(): void {
  for (const listener of listeners) listener();
}

export function getSession(): Session | null {
  return current;
}

export function setSession(session: Session): void {
  current = session;
  needsPin = false;
  try {
    localStorage.setItem(SESSION_KEY, JSON.stringify(session));
  } catch {
    // The session still lives in memory for this tab.
  }
  emit();
}

export function clearSession(): void {
  current = null;
  needsPin = false;
  try {
    localStorage.removeItem(SESSION_KEY);
  } catch {
    // Nothing stored, nothing to remove.
  }
  emit();
}

export function sessionNeedsPin(): boolean {
  return needsPin;
}

/**
 * The server no longer accepts this session (refresh refused). It is kept, not cleared: the
 * work on this device goes on offline, and a PIN sign-in for the same associate resumes syncing.
 */
export function markSessionNeedsPin(): void {
  if (!current || needsPin) return;
  needsPin = true;
  emit();
}

/** For `useSyncExternalStore`. Also follows sign-in and sign-out made in another tab. */
export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener);
  if (listeners.size === 1 && typeof window !== 'undefined') {
    window.addEventListener('storage', onStorage);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && typeof window !== 'undefined') {
      window.removeEventListener('storage', onStorage);
    }
  };
}

function onStorage(event: StorageEvent): void {
  if (event.key !== SESSION_KEY && event.key !== null) return;
  current = read();
  emit();
}
