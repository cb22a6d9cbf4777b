import { describe, expect, it } from 'vitest';
import { pageAt, pageCapacity, pageCount } from './board-paging';

describe('board paging', () => {
  it('fits whole cells, counting the gaps between them', () => {
    // 1080p TV list area: 880 × 640, cells 250 × 80, 12 px gaps.
    expect(pageCapacity({ width: 880, height: 640 }, { width: 250, height: 80 }, 12)).toEqual({
      columns: 3,
      rows: 7,
    });
    // Exactly two cells and one gap.
    expect(pageCapacity({ width: 512, height: 172 }, { width: 250, height: 80 }, 12)).toEqual({
      columns: 2,
      rows: 2,
    });
  });

  it('shows at least one entry however small the screen, or before anything was measured', () => {
    expect(pageCapacity({ width: 100, height: 30 }, { width: 250, height: 80 }, 12)).toEqual({
      columns: 1,
      rows: 1,
    });
    expect(pageCapacity({ width: 0, height: 0 }, { width: 0, height: 0 }, 0)).toEqual({
      columns: 1,
      rows: 1,
    });
  });

  it('counts pages, one even when the list is empty', () => {
    expect(pageCount(0, 10)).toBe(1);
    expect(pageCount(10, 10)).toBe(1);
    expect(pageCount(11, 10)).toBe(2);
    expect(pageCount(5, 0)).toBe(5);
  });

  it('turns the pages and wraps around to the first', () => {
    const items = Array.from({ length: 25 }, (_, i) => i);
    expect(pageAt(items, 10, 0)).toEqual({ items: items.slice(0, 10), page: 0, pages: 3 });
    expect(pageAt(items, 10, 1).items).toEqual(items.slice(10, 20));
    expect(pageAt(items, 10, 2)).toEqual({ items: items.slice(20), page: 2, pages: 3 });
    expect(pageAt(items, 10, 3).page).toBe(0);
  });

  it('never shows an empty page when the list shrinks between two polls', () => {
    expect(pageAt([1, 2, 3], 10, 7)).toEqual({ items: [1, 2, 3], page: 0, pages: 1 });
    expect(pageAt([], 10, 4)).toEqual({ items: [], page: 0, pages: 1 });
  });
});
