import { liveQuery } from 'dexie';

/**
 * Runs `read` now and again each time a table it read changes, and hands each result to
 * `onValue` (Dexie's liveQuery, for code that loads this module only when it needs it, where
 * dexie-react-hooks cannot be imported up front). Returns the function that stops it.
 */
export function watch<T>(read: () => Promise<T>, onValue: (value: T) => void): () => void {
  const subscription = liveQuery(read).subscribe({
    next: onValue,
    error: (error: unknown) => console.error('A live read of the device database failed', error),
  });
  return () => subscription.unsubscribe();
}
