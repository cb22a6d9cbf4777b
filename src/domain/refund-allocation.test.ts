import { describe, expect, it } from 'vitest';
import { allocateLargestRemainder, cumulativeNetCents } from './refund-allocation';

describe('allocateLargestRemainder', () => {
  it('shares a 10 € coupon over lines worth 30, 20 and 10 € exactly', () => {
    expect(allocateLargestRemainder(1000, [3000, 2000, 1000])).toEqual([500, 333, 167]);
  });

  it('gives the leftover cent to the largest remainder, ties to the earlier line', () => {
    expect(allocateLargestRemainder(100, [3333, 3333, 3333])).toEqual([34, 33, 33]);
    expect(allocateLargestRemainder(2, [1, 1, 1])).toEqual([1, 1, 0]);
  });

  it('gives nothing to a line worth nothing, and refuses money over no weight', () => {
    expect(allocateLargestRemainder(500, [0, 1000])).toEqual([0, 500]);
    expect(allocateLargestRemainder(0, [0, 0])).toEqual([0, 0]);
    expect(() => allocateLargestRemainder(1, [0, 0])).toThrow(RangeError);
  });

  it('stays exact where floating point would not (amounts past 2^53 / 100)', () => {
    const shares = allocateLargestRemainder(9_007_199_254_740, [1, 2, 3]);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(9_007_199_254_740);
  });
});

describe('cumulativeNetCents', () => {
  it('rounds halves up and reaches the line net exactly on the last unit', () => {
    expect([0, 1, 2, 3].map((n) => cumulativeNetCents(n, 3, 9499))).toEqual([0, 3166, 6333, 9499]);
    expect(cumulativeNetCents(1, 2, 5569)).toBe(2785);
  });
});
