import { describe, expect, it } from 'vitest';
import { compareCount } from './shelf-count';

describe('compareCount', () => {
  it('is exact when every expected unit is counted and nothing else', () => {
    const result = compareCount(
      [
        { gtin14: 'A', qty: 2 },
        { gtin14: 'B', qty: 1 },
      ],
      [
        { gtin14: 'B', qty: 1 },
        { gtin14: 'A', qty: 2 },
      ],
    );
    expect(result).toEqual({
      found: [
        { gtin14: 'A', expected: 2, counted: 2 },
        { gtin14: 'B', expected: 1, counted: 1 },
      ],
      missing: [],
      unexpected: [],
      exact: true,
    });
  });

  it('tells missing units, surplus units and products nobody expected apart', () => {
    const result = compareCount(
      [
        { gtin14: 'A', qty: 3 },
        { gtin14: 'B', qty: 1 },
        { gtin14: 'C', qty: 1 },
      ],
      [
        { gtin14: 'A', qty: 1 },
        { gtin14: 'B', qty: 2 },
        { gtin14: 'Z', qty: 1 },
      ],
    );
    expect(result.found).toEqual([
      { gtin14: 'A', expected: 3, counted: 1 },
      { gtin14: 'B', expected: 1, counted: 1 },
    ]);
    expect(result.missing).toEqual([
      { gtin14: 'A', qty: 2 },
      { gtin14: 'C', qty: 1 },
    ]);
    expect(result.unexpected).toEqual([
      { gtin14: 'B', qty: 1 },
      { gtin14: 'Z', qty: 1 },
    ]);
    expect(result.exact).toBe(false);
  });

  it('adds up repeated lines of one product and ignores zero quantities', () => {
    const result = compareCount(
      [
        { gtin14: 'A', qty: 1 },
        { gtin14: 'A', qty: 1 },
      ],
      [
        { gtin14: 'A', qty: 2 },
        { gtin14: 'B', qty: 0 },
      ],
    );
    expect(result.exact).toBe(true);
  });
});
