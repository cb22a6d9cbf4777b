import { z } from 'zod';

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
