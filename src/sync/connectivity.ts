type Listener = () => void;

let reachable = true;
const listeners = new Set<Listener>();

function browserOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

/**
 * Whether the server seems reachable: the browser says it is online, and the last sync
 * request did not fail at the network level. A Wi-Fi with no route to the server is offline too.
 */
export function isOnline(): boolean {
  return browserOnline() && reachable;
}

export function setReachable(value: boolean): void {
  if (value === reachable) return;
  reachable = value;
  for (const listener of listeners) listener();
}

export function subscribeConnectivity(listener: Listener): () => void {
  listeners.add(listener);
  const onChange = () => {
    // Going online proves nothing about the server, but going offline is final.
    if (browserOnline()) reachable = true;
    listener();
  };
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}
