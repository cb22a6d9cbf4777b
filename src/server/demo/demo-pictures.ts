import { and, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { products } from '../db/schema';
import { demoPictures, PICTURES_PATH } from './product-pictures';

/**
 * Names the demo's drawings on a demo seeded before products had pictures (ADR 0055), so a
 * running demo shows them without a reseed: each product without a picture whose kind and
 * colour have a drawing gets it. The number of products named.
 */
export async function nameDemoPictures(db: Db): Promise<number> {
  const path = sql<string>`${sql.raw(`'${PICTURES_PATH}/'`)} || ${products.category} || '-' || lower(split_part(${products.sku}, '-', 3)) || '.svg'`;
  const drawn = [...demoPictures().keys()].map((file) => `${PICTURES_PATH}/${file}`);
  const named = await db
    .update(products)
    .set({ imageUrl: path })
    .where(and(isNull(products.imageUrl), inArray(path, drawn)))
    .returning({ id: products.id });
  return named.length;
}
