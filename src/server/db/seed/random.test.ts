import { describe, expect, it } from 'vitest';
import { createRng } from './random';

describe('createRng', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const seqA = Array.from({ length: 20 }, () => a.next());
    const seqB = Array.from({ length: 20 }, () => b.next());
    expect(seqA).toEqual(seqB);
    expect(createRng(43).next()).not.toBe(seqA[0]);
  });

  it('keeps next() in [0, 1) and int() inside its inclusive bounds', () => {
    const rng = createRng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const x = rng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      const n = rng.int(3, 7);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(7);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('picks, shuffles and flips coins deterministically', () => {
    const rng = createRng(7);
    const items = ['a', 'b', 'c', 'd', 'e'];
    expect(items).toContain(rng.pick(items));
    const shuffled = rng.shuffle([...items]);
    expect([...shuffled].sort()).toEqual(items);
    expect(() => rng.pick([])).toThrow(RangeError);
    let heads = 0;
    for (let i = 0; i < 10000; i++) if (rng.chance(0.3)) heads++;
    expect(heads / 10000).toBeGreaterThan(0.27);
    expect(heads / 10000).toBeLessThan(0.33);
  });
});
