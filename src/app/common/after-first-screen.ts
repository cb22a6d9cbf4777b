import { useEffect } from 'react';

/**
 * Work the first screen does not need (registering the service worker, loading the sync
 * engine) waits until that screen is in use, so its code stays off the first screen's critical
 * path. The first screen says so with useFirstScreenReady(); a page that never does still lets
 * the work run after `fallbackMs`.
 */
let ready = false;
const waiting = new Set<() => void>();

function markReady(): void {
  if (ready) return;
  ready = true;
  performance.mark('aisle-first-screen');
  for (const run of waiting) run();
  waiting.clear();
}

/** Called by the screens an associate starts on (sign-in, the queue) once they show content. */
export function useFirstScreenReady(isReady = true): void {
  useEffect(() => {
    if (isReady) markReady();
  }, [isReady]);
}

/** Runs `task` when the browser is next idle after the first screen is ready. Returns a cancel. */
export function afterFirstScreen(task: () => void, fallbackMs = 2_000): () => void {
  let cancelled = false;
  let cancelIdle: (() => void) | undefined;
  const start = () => {
    if (cancelled) return;
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(() => !cancelled && task(), { timeout: 500 });
      cancelIdle = () => cancelIdleCallback(handle);
    } else {
      const timer = setTimeout(() => !cancelled && task(), 50);
      cancelIdle = () => clearTimeout(timer);
    }
  };
  const fallback = setTimeout(() => {
    waiting.delete(start);
    start();
  }, fallbackMs);
  const onReady = () => {
    clearTimeout(fallback);
    start();
  };
  if (ready) onReady();
  else waiting.add(onReady);
  return () => {
    cancelled = true;
    clearTimeout(fallback);
    waiting.delete(onReady);
    cancelIdle?.();
  };
}

/** Resolves when the browser is next idle after the first screen is ready (see afterFirstScreen). */
export function firstScreenShown(): Promise<void> {
  return new Promise((resolve) => afterFirstScreen(resolve));
}
