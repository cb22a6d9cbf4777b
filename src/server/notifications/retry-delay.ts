export interface RetrySchedule {
  /** The wait after the first failed attempt. */
  baseMs: number;
  /** No wait is longer than this, however many attempts failed. */
  capMs: number;
}

/**
 * Exponential back-off with jitter: after attempt n the wait is base·2^(n-1), capped, of which a
 * random half is taken off, so many messages that failed together (an SMTP server or platform
 * down) do not all come back in the same second.
 */
export function retryDelayMs(
  attempt: number,
  schedule: RetrySchedule,
  random: () => number = Math.random,
): number {
  const exponential = schedule.baseMs * 2 ** Math.max(0, attempt - 1);
  const capped = Math.min(schedule.capMs, exponential);
  return Math.round(capped / 2 + (capped / 2) * random());
}
