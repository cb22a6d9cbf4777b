import { describe, expect, it } from 'vitest';
import { aisleCount, seedStock, shelfLocation } from './layout';
import { productLineCode, seedProducts } from './products';
import { createRng } from './random';

const products = seedProducts(createRng(3));

describe('shelfLocation', () => {
  it('returns aisle A01..A14 and bay 01..12', () => {
    const rng = createRng(1);
    expect(aisleCount).toBe(14);
    for (const p of products) {
      const { aisle, bay } = shelfLocation(0, p, rng);
      expect(aisle).toMatch(/^A(0[1-9]|1[0-4])$/);
      expect(bay).toMatch(/^(0[1-9]|1[0-2])$/);
    }
  });

  it('keeps a line together: at most two neighbouring bays', () => {
    const rng = createRng(2);
    const byLine = new Map<string, Set<number>>();
    for (const p of products) {
      const { aisle, bay } = shelfLocation(4, p, rng);
      const position = Number(aisle.slice(1)) * 12 + Number(bay);
      const set = byLine.get(productLineCode(p.sku)) ?? new Set<number>();
      set.add(position);
      byLine.set(productLineCode(p.sku), set);
    }
    for (const positions of byLine.values()) {
      expect(Math.max(...positions) - Math.min(...positions)).toBeLessThanOrEqual(2);
    }
  });

  it('lays categories out differently across stores', () => {
    const aislesOf = (store: number) =>
      ['footwear', 'apparel', 'beauty', 'toys']
        .map((category) => {
          const product = products.find((p) => p.category === category);
          return product ? shelfLocation(store, product, createRng(0)).aisle : '';
        })
        .join();
    const layouts = new Set(Array.from({ length: 12 }, (_, i) => aislesOf(i)));
    expect(layouts.size).toBeGreaterThan(6);
  });
});

describe('seedStock', () => {
  it('gives plausible, mostly small quantities with some sold-out variants', () => {
    const rng = createRng(11);
    const stock = products.map((p) => seedStock(rng, p));
    for (const { onHand, safetyStock } of stock) {
      expect(Number.isInteger(onHand)).toBe(true);
      expect(onHand).toBeGreaterThanOrEqual(0);
      expect(onHand).toBeLessThanOrEqual(40);
      expect(safetyStock).toBeGreaterThanOrEqual(0);
      expect(safetyStock).toBeLessThanOrEqual(2);
    }
    const zero = stock.filter((s) => s.onHand === 0).length / stock.length;
    expect(zero).toBeGreaterThan(0.05);
    expect(zero).toBeLessThan(0.3);
    expect(stock.filter((s) => s.onHand <= 15).length / stock.length).toBeGreaterThan(0.8);
  });

  it('stocks popular shoe sizes deeper than fringe sizes', () => {
    const rng = createRng(12);
    const shoes = products.filter((p) => p.category === 'footwear');
    const mean = (sizes: string[]) => {
      const picked = shoes.filter((p) => sizes.includes(p.size));
      const total = picked.reduce((sum, p) => sum + seedStock(rng, p).onHand, 0);
      return total / picked.length;
    };
    expect(mean(['40', '41', '42'])).toBeGreaterThan(mean(['45', '46']));
  });
});
