/**
 * Runs `task` only if no other tab (nor this one) holds the named lock, else answers null.
 * Where Web Locks are missing (old WebViews) it runs directly: one tab is the common case.
 */
export async function withLockIfAvailable<T>(name: string, task: () => Promise<T>): Promise<T | null> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks?.request) return task();
  return locks.request(name, { ifAvailable: true }, async (lock) => (lock ? task() : null));
}
