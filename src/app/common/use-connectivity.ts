import { useEffect, useState, useSyncExternalStore } from 'react';
import { isOnline, subscribeConnectivity } from '../../sync/connectivity';

export function useOnline(): boolean {
  return useSyncExternalStore(subscribeConnectivity, isOnline, () => true);
}

/** Offline only after it lasted `delayMs`: a blip between two Wi-Fi access points shows nothing. */
export function useDebouncedOffline(online: boolean, delayMs = 1500): boolean {
  const [offline, setOffline] = useState(false);
  useEffect(() => {
    if (online) {
      setOffline(false);
      return;
    }
    const timer = setTimeout(() => setOffline(true), delayMs);
    return () => clearTimeout(timer);
  }, [online, delayMs]);
  return offline && !online;
}
