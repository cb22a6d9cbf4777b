import { describe, expect, it } from 'vitest';
import { createDuplicateFilter } from './duplicate-filter';

describe('the camera duplicate filter', () => {
  it('counts a code held in view once, however many frames read it', () => {
    const filter = createDuplicateFilter(700);
    const reads = [0, 33, 66, 100, 400, 800, 1200].map((t) => filter.accept('4006381333931', t));
    expect(reads).toEqual([true, false, false, false, false, false, false]);
  });

  it('counts the same code again once it was out of view long enough', () => {
    const filter = createDuplicateFilter(700);
    expect(filter.accept('4006381333931', 0)).toBe(true);
    expect(filter.accept('4006381333931', 500)).toBe(false);
    expect(filter.accept('4006381333931', 1_300)).toBe(true);
  });

  it('lets a different code through at once, and forgets everything on reset', () => {
    const filter = createDuplicateFilter(700);
    expect(filter.accept('A', 0)).toBe(true);
    expect(filter.accept('B', 10)).toBe(true);
    expect(filter.accept('A', 20)).toBe(false);
    filter.reset();
    expect(filter.accept('A', 30)).toBe(true);
  });
});
