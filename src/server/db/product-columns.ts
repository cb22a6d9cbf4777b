import { products, stagingLocations } from './schema';

/** The product columns every wire ProductRow carries (pull, stock lookup): select them by this. */
export const productColumns = {
  id: products.id,
  sku: products.sku,
  gtin14: products.gtin14,
  barcode: products.barcode,
  brand: products.brand,
  nameIt: products.nameIt,
  nameEn: products.nameEn,
  colorIt: products.colorIt,
  colorEn: products.colorEn,
  size: products.size,
  priceCents: products.priceCents,
};

/** The staging-location columns every wire location carries (pull, snapshot, the store's shelves). */
export const locationColumns = {
  code: stagingLocations.code,
  label: stagingLocations.label,
  kind: stagingLocations.kind,
  capacity: stagingLocations.capacity,
};
