import { afterFirstScreen } from '../common/after-first-screen';

/** No preload starts this soon after a tap or a key: the associate is working. */
const QUIET_AFTER_INPUT_MS = 1_000;
/** Where requestIdleCallback is missing (Safari), a pause between preloads instead. */
const FALLBACK_PAUSE_MS = 300;

function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(() => run());
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(run, FALLBACK_PAUSE_MS);
  return () => clearTimeout(timer);
}

/**
 * Fetches pages ahead of time without ever competing with a tap: it starts once the first screen
 * is in use, loads one chunk at a time, each in an idle period of its own, and waits while the
 * associate is tapping or typing. Input only notes the time; it never starts work. Returns a
 * function that stops what has not started.
 */
export function preloadWhenIdle(loads: readonly (() => Promise<unknown>)[]): () => void {
  const waiting = [...loads];
  // Said on the page for tests and support: until it is, a page opened with no network (and no
  // service worker yet) may not have its code on the device.
  delete document.documentElement.dataset.preloaded;
  let stopped = false;
  let cancelWait: (() => void) | undefined;
  let lastInputAt = -Infinity;
  const noteInput = () => {
    lastInputAt = performance.now();
  };
  const inputEvents = ['pointerdown', 'keydown', 'touchstart'] as const;
  for (const event of inputEvents)
    window.addEventListener(event, noteInput, { capture: true, passive: true });

  const next = (): void => {
    if (stopped) return;
    cancelWait = whenIdle(() => {
      if (stopped) return;
      const quietFor = performance.now() - lastInputAt;
      if (quietFor < QUIET_AFTER_INPUT_MS) {
        const timer = setTimeout(next, QUIET_AFTER_INPUT_MS - quietFor);
        cancelWait = () => clearTimeout(timer);
        return;
      }
      const load = waiting.shift();
      if (!load) {
        document.documentElement.dataset.preloaded = 'true';
        return stop();
      }
      // The next one waits until this chunk has arrived and run, then for another idle period.
      void load().then(next, next);
    });
  };

  function stop(): void {
    stopped = true;
    cancelWait?.();
    for (const event of inputEvents) window.removeEventListener(event, noteInput, { capture: true });
  }

  const cancelStart = afterFirstScreen(next);
  return () => {
    cancelStart();
    stop();
  };
}
