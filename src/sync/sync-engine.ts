import { ensureClientId } from '../local-db/client-identity';
import { onCommandResent } from '../local-db/outbox-decisions';
import { onCommandEnqueued } from '../local-db/enqueue';
import { pruneLocalReturns } from '../local-db/local-returns';
import { pruneSettled } from '../local-db/outbox-sync';
import { setOutboxIdle } from '../local-db/outbox-status';
import { countBusy } from '../local-db/replica-read';
import { watch } from '../local-db/watch';
import { openPokeStream, type PokeStream } from './poke-stream';
import { pullReplica } from './pull';
import { pushOutbox } from './push';
import { refreshReturnCache } from './returns-api';
import { sessionNeedsPin, subscribeSession } from './session-store';

export interface SyncEngineOptions {
  associateId: string;
  storeId: string;
}

/** A push follows a burst of scans once it pauses this long… */
const PUSH_AFTER_ENQUEUE_MS = 250;
/** …or this long after the burst began, whichever comes first. */
const PUSH_MAX_WAIT_MS = 2_000;
/** A push's own poke arrives with its answer: one pull serves both. */
const PULL_COALESCE_MS = 150;
const PUSH_INTERVAL_MS = 30_000;
const RETRY_CHECK_MS = 1_000;
const PULL_INTERVAL_MS = 60_000;
const PRUNE_INTERVAL_MS = 10 * 60_000;
/** The return counter's offline copy of recent orders refreshes itself at most every 10 min. */
const RETURN_CACHE_CHECK_MS = 5 * 60_000;

/**
 * Keeps the replica and the outbox in step with the server while an associate is signed in.
 * Push: at start, when the network comes back, when the tab becomes visible, when a burst of
 * new commands pauses (at most 2 s after it began), and every 30 s while anything waits. Pull: after a push the server answered, on
 * a server poke, when the network comes back or the tab becomes visible, and every minute.
 * Returns the function that stops it (sign-out).
 */
export function startSyncEngine({ associateId, storeId }: SyncEngineOptions): () => void {
  let stopped = false;
  let pushTimer: ReturnType<typeof setTimeout> | undefined;
  let pushDueAt = Infinity;
  let pushing = false;
  let pushAgain = false;
  let pulling = false;
  let pullAgain = false;
  let pullTimer: ReturnType<typeof setTimeout> | undefined;
  let busy = 0;
  const cleanups: (() => void)[] = [];

  const paused = () => stopped || sessionNeedsPin();

  async function runPush(respectBackoff: boolean): Promise<void> {
    // Offline, a push can only fail and churn the outbox; the `online` event restarts it.
    if (paused() || !navigator.onLine) return;
    if (pushing) {
      pushAgain = true;
      return;
    }
    pushing = true;
    try {
      const outcome = await pushOutbox(associateId, respectBackoff);
      if (outcome && outcome.answered > 0) schedulePull();
      if (outcome?.waitUntil) schedulePush(outcome.waitUntil - Date.now(), true);
      // A failed send backed its batch off: come back then (asking again reports the exact time).
      if (outcome?.stopped === 'transient') schedulePush(RETRY_CHECK_MS, true);
    } finally {
      pushing = false;
    }
    if (pushAgain) {
      pushAgain = false;
      void runPush(false);
    }
  }

  /** Coalesces triggers: the earliest due push wins. */
  function schedulePush(delayMs: number, respectBackoff = false): void {
    if (stopped) return;
    const dueAt = Date.now() + Math.max(0, delayMs);
    if (pushTimer !== undefined && dueAt >= pushDueAt) return;
    clearTimeout(pushTimer);
    pushDueAt = dueAt;
    pushTimer = setTimeout(() => {
      pushTimer = undefined;
      pushDueAt = Infinity;
      void runPush(respectBackoff);
    }, dueAt - Date.now());
  }

  async function runPull(): Promise<void> {
    if (paused()) return;
    if (pulling) {
      pullAgain = true;
      return;
    }
    pulling = true;
    try {
      await pullReplica(storeId);
    } finally {
      pulling = false;
    }
    if (pullAgain) {
      pullAgain = false;
      schedulePull();
    }
  }

  function schedulePull(): void {
    if (stopped || pullTimer !== undefined) return;
    pullTimer = setTimeout(() => {
      pullTimer = undefined;
      void runPull();
    }, PULL_COALESCE_MS);
  }

  // Trailing debounce for new commands: while the associate scans, a push (which takes the
  // outbox in a read-write transaction, then marks acks) would queue behind every scan's own
  // transaction; it waits for a pause in the burst, but never longer than PUSH_MAX_WAIT_MS.
  let burstStartedAt: number | undefined;
  let burstTimer: ReturnType<typeof setTimeout> | undefined;
  const pushAfterEnqueue = () => {
    if (stopped) return;
    const now = Date.now();
    burstStartedAt ??= now;
    clearTimeout(burstTimer);
    burstTimer = setTimeout(
      () => {
        burstTimer = undefined;
        burstStartedAt = undefined;
        void runPush(false);
      },
      Math.max(0, Math.min(now + PUSH_AFTER_ENQUEUE_MS, burstStartedAt + PUSH_MAX_WAIT_MS) - now),
    );
  };
  cleanups.push(() => clearTimeout(burstTimer));

  const syncNow = () => {
    schedulePush(0);
    void runPull();
  };

  // Recently delivered orders and the return policy, so a return can be taken offline (ADR 0018).
  const refreshReturns = () => {
    if (!paused() && navigator.onLine) void refreshReturnCache(storeId);
  };

  let pokes: PokeStream | undefined;
  const openPokes = () => {
    pokes?.stop();
    pokes = paused()
      ? undefined
      : openPokeStream(
          () => void runPull(),
          () => void runPull(),
        );
  };

  void (async () => {
    await ensureClientId();
    if (stopped) return;
    schedulePush(0);
    void runPull();
    openPokes();
    void pruneSettled();
    refreshReturns();
  })();

  const onOnline = () => {
    syncNow();
    refreshReturns();
    pokes?.reconnectNow();
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible') syncNow();
  };
  window.addEventListener('online', onOnline);
  document.addEventListener('visibilitychange', onVisible);
  cleanups.push(() => window.removeEventListener('online', onOnline));
  cleanups.push(() => document.removeEventListener('visibilitychange', onVisible));
  cleanups.push(onCommandEnqueued(pushAfterEnqueue));
  cleanups.push(onCommandResent(pushAfterEnqueue));

  // After the PIN was entered again, carry on where the refused session stopped.
  let wasPaused = sessionNeedsPin();
  cleanups.push(
    subscribeSession(() => {
      const nowPaused = sessionNeedsPin();
      if (wasPaused && !nowPaused) {
        syncNow();
        openPokes();
      }
      wasPaused = nowPaused;
    }),
  );

  const intervals = [
    setInterval(() => {
      if (busy > 0) schedulePush(0, true);
    }, PUSH_INTERVAL_MS),
    setInterval(() => void runPull(), PULL_INTERVAL_MS),
    setInterval(() => {
      void pruneSettled().then(() => pruneLocalReturns());
    }, PRUNE_INTERVAL_MS),
    setInterval(refreshReturns, RETURN_CACHE_CHECK_MS),
  ];
  cleanups.push(() => intervals.forEach(clearInterval));

  // The PWA update prompt waits for this; see docs/decisions/0006.
  cleanups.push(
    watch(
      () => countBusy(associateId),
      (count) => {
        busy = count;
        setOutboxIdle(count === 0);
      },
    ),
  );

  return () => {
    stopped = true;
    clearTimeout(pushTimer);
    clearTimeout(pullTimer);
    pokes?.stop();
    for (const cleanup of cleanups) cleanup();
    setOutboxIdle(true);
  };
}
