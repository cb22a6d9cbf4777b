import { z } from 'zod';

/** The longest picture address taken: any real image host's fits; a data: URL or a page of text does not. */
export const PRODUCT_IMAGE_URL_MAX_LENGTH = 2048;

/**
 * Whether a picture address from the platform is one a customer's page may load: https only (a
 * page served over https shows no http picture, and a data: or javascript: address is no
 * picture), a host, no user or password, no whitespace or backslash. Kept as the platform sent it.
 */
export function isProductImageUrl(value: string): boolean {
  // The URL parser forgives a third slash or a backslash before the host; the database's check
  // and a careful reader do not.
  if (!/^https:\/\/[^/]/.test(value) || /[\s\p{Cc}\\]/u.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '' && !url.username && !url.password;
  } catch {
    return false;
  }
}

export const productImageUrl = z
  .string()
  .max(PRODUCT_IMAGE_URL_MAX_LENGTH)
  .refine(isProductImageUrl, 'must be an https:// address with a host and no user or password')
  .describe('The product’s picture, an https address; the customer’s page and e-mail show it');

/** The platform sets (or, with null, removes) a product's picture. */
export const productImageBody = z
  .object({ imageUrl: productImageUrl.nullable() })
  .meta({ id: 'ProductImage' });

export const productImageResult = z
  .object({ sku: z.string(), imageUrl: z.string().nullable() })
  .meta({ id: 'ProductImageResult' });
export type ProductImageResult = z.infer<typeof productImageResult>;

/**
 * A first sync's products in columns (ADR 0052): the products a store sells, each with the
 * store's aisle and bay, one array per field, row i across all of them. Only the fields a
 * handheld reads from its replica (a substitute's names and price, the known GTINs, a style's
 * other sizes, a count's names, the store's bays); columns put like values side by side, which
 * is most of what gzip saves on 20,000 products.
 */
export const catalogueColumns = z
  .object({
    id: z.array(z.string()),
    sku: z.array(z.string()),
    gtin14: z.array(z.string()),
    brand: z.array(z.string()),
    nameIt: z.array(z.string()),
    nameEn: z.array(z.string()),
    size: z.array(z.string()),
    priceCents: z.array(z.number()),
    aisle: z.array(z.string().nullable()),
    bay: z.array(z.string().nullable()),
  })
  .meta({ id: 'CatalogueColumns' });
export type CatalogueColumns = z.infer<typeof catalogueColumns>;

/** One product of a store's catalogue as a device keeps it. */
export interface CatalogueRow {
  id: string;
  sku: string;
  gtin14: string;
  brand: string;
  nameIt: string;
  nameEn: string;
  size: string;
  priceCents: number;
  aisle: string | null;
  bay: string | null;
}

const fields = [
  'id',
  'sku',
  'gtin14',
  'brand',
  'nameIt',
  'nameEn',
  'size',
  'priceCents',
  'aisle',
  'bay',
] as const;

export function toCatalogueColumns(rows: readonly CatalogueRow[]): CatalogueColumns {
  const columns = Object.fromEntries(fields.map((field) => [field, rows.map((row) => row[field])]));
  return columns as CatalogueColumns;
}

/** The rows back; columns of unequal length are a broken answer, not a shorter catalogue. */
export function fromCatalogueColumns(columns: CatalogueColumns): CatalogueRow[] {
  const count = columns.id.length;
  if (fields.some((field) => columns[field].length !== count)) {
    throw new Error('catalogue columns of unequal length');
  }
  return columns.id.map((id, i) => ({
    id,
    sku: columns.sku[i]!,
    gtin14: columns.gtin14[i]!,
    brand: columns.brand[i]!,
    nameIt: columns.nameIt[i]!,
    nameEn: columns.nameEn[i]!,
    size: columns.size[i]!,
    priceCents: columns.priceCents[i]!,
    aisle: columns.aisle[i] ?? null,
    bay: columns.bay[i] ?? null,
  }));
}
