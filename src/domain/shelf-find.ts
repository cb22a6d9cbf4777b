// Finding one product among look-alikes on a shelf (issue 17, point 1): how each code in view
// relates to the product being looked for.

/** What the device knows of a product (the replica's catalogue row). */
export interface FindProduct {
  id: string;
  sku: string;
  gtin14: string;
  brand: string;
  nameEn: string;
}

/**
 * - target: the product looked for;
 * - variant: the same style in another size or colour (a look-alike to be careful with);
 * - other: anything else, or a code the catalogue does not know.
 */
export type FindMatch = 'target' | 'variant' | 'other';

/**
 * The style a SKU belongs to: its first two segments ("SNK-ROMA-BLK-42" → "SNK-ROMA"), the
 * catalogue's line code, which colour and size codes extend. Undefined for a SKU without one.
 */
export function styleCode(sku: string): string | undefined {
  const parts = sku.split('-');
  return parts.length >= 3 ? parts.slice(0, 2).join('-') : undefined;
}

/** Same style, different variant: the same line code, or (SKUs without one) brand and name. */
export function sameStyle(a: FindProduct, b: FindProduct): boolean {
  if (a.id === b.id) return false;
  const styleA = styleCode(a.sku);
  const styleB = styleCode(b.sku);
  if (styleA !== undefined && styleB !== undefined) return styleA === styleB;
  return a.brand === b.brand && a.nameEn.trim().toLowerCase() === b.nameEn.trim().toLowerCase();
}

/** How a code's product (undefined: not in the catalogue) relates to the one looked for. */
export function findMatch(target: FindProduct, seen: FindProduct | undefined): FindMatch {
  if (!seen) return 'other';
  if (seen.id === target.id || seen.gtin14 === target.gtin14) return 'target';
  return sameStyle(target, seen) ? 'variant' : 'other';
}
