import { styleCode } from '../domain/shelf-find';
import { db, type ReplicaProduct } from './db';

/**
 * The product looked for and every other size and colour of its style, from the replica (so
 * Find works offline): the style's SKUs share their line code, which the sku index finds by
 * prefix; a SKU without one falls back to brand and name.
 */
export async function styleFamily(
  gtin14: string,
): Promise<{ target?: ReplicaProduct; family: ReplicaProduct[] }> {
  const target = await db.products.where('gtin14').equals(gtin14).first();
  if (!target) return { family: [] };
  const style = styleCode(target.sku);
  const family = style
    ? await db.products.where('sku').startsWith(`${style}-`).toArray()
    : await db.products
        .filter((p) => p.brand === target.brand && p.nameEn.toLowerCase() === target.nameEn.toLowerCase())
        .toArray();
  return { target, family };
}

/** The replica's products of these GTIN-14s, by GTIN: names for what a count found. */
export async function productsByGtin(gtins: readonly string[]): Promise<Map<string, ReplicaProduct>> {
  if (gtins.length === 0) return new Map();
  const rows = await db.products
    .where('gtin14')
    .anyOf([...gtins])
    .toArray();
  return new Map(rows.map((row) => [row.gtin14, row]));
}
