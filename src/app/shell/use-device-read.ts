import { useEffect, useState } from 'react';
import { afterFirstScreen } from '../common/after-first-screen';
import type * as deviceReads from './device-reads';

export type DeviceReads = typeof deviceReads;

/** The shell's reads of the device database, fetched (with Dexie) the first time one is needed. */
export const loadDeviceReads = (): Promise<DeviceReads> => import('./device-reads');

/**
 * A live read of the device database for the shell, like useLiveQuery, but its code is fetched
 * only once `key` is defined (someone is signed in), and after the first screen is up: the
 * shell's sync state and alerts must not hold the queue's first paint back for Dexie's code. `read` must be a stable function (declared
 * at module level): it is read again whenever `key` changes. Undefined until the first answer.
 */
export function useDeviceRead<T>(
  key: string | undefined,
  read: (reads: DeviceReads, key: string) => Promise<T>,
): T | undefined {
  const [state, setState] = useState<{ key: string; value: T }>();
  useEffect(() => {
    if (key === undefined) return;
    let cancelled = false;
    let stop: (() => void) | undefined;
    const cancelStart = afterFirstScreen(() =>
      loadDeviceReads().then(
        (reads) => {
          if (!cancelled)
            stop = reads.watch(
              () => read(reads, key),
              (value) => setState({ key, value }),
            );
        },
        (error: unknown) => console.error('Could not load the device database', error),
      ),
    );
    return () => {
      cancelled = true;
      cancelStart();
      stop?.();
    };
  }, [key, read]);
  return state !== undefined && state.key === key ? state.value : undefined;
}
