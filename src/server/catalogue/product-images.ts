import { eq } from 'drizzle-orm';
import type { ProductImageResult } from '../../contract/catalogue';
import { stockErrorCodes } from '../../contract/error-codes';
import type { Db } from '../db/client';
import { products } from '../db/schema';
import { HttpError } from '../http-error';

/** Names (or, with null, removes) a product's picture; a SKU the catalogue lacks is a 404. */
export async function setProductImage(
  db: Db,
  sku: string,
  imageUrl: string | null,
): Promise<ProductImageResult> {
  const [row] = await db
    .update(products)
    .set({ imageUrl })
    .where(eq(products.sku, sku))
    .returning({ sku: products.sku, imageUrl: products.imageUrl });
  if (!row) throw new HttpError(404, stockErrorCodes.productNotFound, `No product ${sku} in the catalogue`);
  return row;
}
