import { describe, expect, it } from 'vitest';
import { backoffDelay } from './outbox-sync';

describe('backoffDelay', () => {
  it('waits a random time up to a cap that doubles from 1 s to 60 s', () => {
    const top = () => 0.999_999;
    expect(backoffDelay(1, top)).toBe(999);
    expect(backoffDelay(2, top)).toBe(1_999);
    expect(backoffDelay(4, top)).toBe(7_999);
    expect(backoffDelay(12, top)).toBe(59_999);
    expect(backoffDelay(3, () => 0)).toBe(0);
  });
});
