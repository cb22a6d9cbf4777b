import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './retry-delay';

const schedule = { baseMs: 30_000, capMs: 3_600_000 };

describe('retryDelayMs', () => {
  it('doubles after each failed attempt', () => {
    const top = (attempt: number) => retryDelayMs(attempt, schedule, () => 1);
    expect([1, 2, 3, 4].map(top)).toEqual([30_000, 60_000, 120_000, 240_000]);
  });

  it('takes at most half off at random, never more', () => {
    expect(retryDelayMs(3, schedule, () => 0)).toBe(60_000);
    for (let i = 0; i < 200; i++) {
      const delay = retryDelayMs(3, schedule);
      expect(delay).toBeGreaterThanOrEqual(60_000);
      expect(delay).toBeLessThanOrEqual(120_000);
    }
  });

  it('is capped, however many attempts failed', () => {
    expect(retryDelayMs(30, schedule, () => 1)).toBe(3_600_000);
    expect(retryDelayMs(1000, schedule, () => 1)).toBe(3_600_000);
  });
});
