import { categories } from './catalogue';
import type { Category } from './catalogue';
import { productLineCode, productLines } from './products';
import type { SeedProduct } from './products';
import { createRng } from './random';
import type { Rng } from './random';

export const baysPerAisle = 12;

/** Aisles per category, 14 in all: clothes and shoes take most of the floor. */
const aisleShare: Record<Category, number> = {
  apparel: 4,
  footwear: 3,
  sport: 2,
  accessories: 1,
  beauty: 1,
  home: 1,
  electronics: 1,
  toys: 1,
};

export const aisleCount = Object.values(aisleShare).reduce((a, b) => a + b, 0);

/** Where each line sits among the lines of its category, so a line spreads evenly over its block. */
const lineSlots = (() => {
  const perCategory = new Map<Category, number>();
  const slots = new Map<string, { category: Category; index: number }>();
  for (const line of productLines) {
    const index = perCategory.get(line.category) ?? 0;
    perCategory.set(line.category, index + 1);
    slots.set(line.code, { category: line.category, index });
  }
  return { slots, perCategory };
})();

const blockCache = new Map<number, Map<Category, number>>();

/**
 * The first aisle (0-based) of each category in a store. Derived from the store index with a
 * private rng, not the caller's, so every product of a store agrees on the same floor plan
 * however many random numbers were drawn in between.
 */
function categoryBlocks(storeIndex: number): Map<Category, number> {
  let blocks = blockCache.get(storeIndex);
  if (!blocks) {
    const order = createRng(7919 * (storeIndex + 1)).shuffle([...categories]);
    blocks = new Map();
    let next = 0;
    for (const category of order) {
      blocks.set(category, next);
      next += aisleShare[category];
    }
    blockCache.set(storeIndex, blocks);
  }
  return blocks;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Aisle "A01".."A14" and bay "01".."12" for a product in a store. A whole line shares one bay,
 * except that a few units sit in the next bay along, as overflow does on a real shop floor;
 * that keeps pick paths realistic without scattering a line across the store.
 */
export function shelfLocation(
  storeIndex: number,
  product: SeedProduct,
  rng: Rng,
): { aisle: string; bay: string } {
  const aisles = aisleShare[product.category];
  const firstAisle = categoryBlocks(storeIndex).get(product.category) ?? 0;
  const slotsInBlock = aisles * baysPerAisle;
  const code = productLineCode(product.sku);
  const known = lineSlots.slots.get(code);
  const linesInCategory = lineSlots.perCategory.get(product.category) ?? 1;
  const base = known
    ? Math.floor((known.index * slotsInBlock) / Math.max(linesInCategory, 1))
    : hash(code) % slotsInBlock;
  // Each store rotates lines within the block, so planograms differ beyond category order.
  let slot = (base + storeIndex * 5) % slotsInBlock;
  if (rng.chance(0.08)) slot = slot + 1 < slotsInBlock ? slot + 1 : slot - 1;
  return {
    aisle: `A${pad2(firstAisle + Math.floor(slot / baysPerAisle) + 1)}`,
    bay: pad2((slot % baysPerAisle) + 1),
  };
}

const popularSizes: Partial<Record<Category, readonly string[]>> = {
  footwear: ['38', '39', '40', '41', '42', '43'],
  apparel: ['S', 'M', 'L', '30', '31', '32', '33', '116', '128'],
  sport: ['S', 'M', 'L'],
};
const fringeSizes = new Set(['XS', 'XXL', '3XL', '35', '45', '46', '24', '25', '26', '27', '38', '164']);

/** Typical shelf depth per category: a store holds a few headphones but many lipsticks. */
const depth: Record<Category, number> = {
  footwear: 8,
  apparel: 12,
  accessories: 8,
  beauty: 18,
  home: 10,
  electronics: 5,
  sport: 10,
  toys: 6,
};

export function seedStock(rng: Rng, product: SeedProduct): { onHand: number; safetyStock: number } {
  const safetyStock = product.priceCents >= 10000 ? rng.int(0, 1) : rng.int(0, 2);
  // About one variant in ten is sold out, so demos meet "not in stock here, try Monza".
  if (rng.chance(0.1)) return { onHand: 0, safetyStock };
  const popular = popularSizes[product.category]?.includes(product.size) ?? false;
  const fringe = !popular && product.category !== 'beauty' && fringeSizes.has(product.size);
  const factor = popular ? 1.6 : fringe ? 0.5 : 1;
  const onHand = Math.round(rng.int(0, depth[product.category]) * factor);
  return { onHand, safetyStock };
}
