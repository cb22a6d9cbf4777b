import type { SQL } from 'drizzle-orm';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { StockMatchKind } from '../../contract/stock';
import type { ProductRow } from '../../contract/sync';
import type { Executor } from '../db/client';
import { rowsOf } from '../db/rows';
import { products, stock, stores } from '../db/schema';
import type { SearchTerms } from './search-terms';
import { productColumns } from '../db/product-columns';

export async function findProduct(db: Executor, productId: string): Promise<ProductRow | undefined> {
  const [row] = await db.select(productColumns).from(products).where(eq(products.id, productId));
  return row;
}

export interface StoreStockRow {
  storeId: string;
  name: string;
  city: string;
  address: string;
  postcode: string;
  lat: number;
  lng: number;
  /** Null when the store has no stock row for the product: it does not carry it. */
  onHand: number | null;
  reserved: number | null;
  safetyStock: number | null;
  updatedAt: string | null;
}

/**
 * Every store with its stock of one product. The stock side is an index scan of
 * stock_product_idx (one entry per store), hash-joined to the small stores table.
 */
export async function storeStockOf(db: Executor, productId: string): Promise<StoreStockRow[]> {
  return db
    .select({
      storeId: stores.id,
      name: stores.name,
      city: stores.city,
      address: stores.address,
      postcode: stores.postcode,
      lat: stores.lat,
      lng: stores.lng,
      onHand: stock.onHand,
      reserved: stock.reserved,
      safetyStock: stock.safetyStock,
      updatedAt: stock.updatedAt,
    })
    .from(stores)
    .leftJoin(stock, and(eq(stock.storeId, stores.id), eq(stock.productId, productId)))
    .orderBy(asc(stores.id));
}

export type SearchHitRow = ProductRow & {
  match: StockMatchKind;
  onHand: number | null;
  reserved: number | null;
  safetyStock: number | null;
};

/**
 * Products matching the terms, best first: the exact code, then SKUs starting with the query,
 * then name/brand/colour/size words by full-text rank. Each branch of the OR has its own index
 * (products_gtin14_key, products_sku_upper_idx, products_search_idx), so PostgreSQL combines
 * bitmap scans instead of reading the catalogue. The store's own figures are joined to the
 * page of results only, by the stock primary key.
 */
export async function searchProducts(
  db: Executor,
  storeId: string,
  terms: SearchTerms,
  limit: number,
): Promise<SearchHitRow[]> {
  const none = sql`null::text`;
  const gtin = terms.gtin14 ?? none;
  const prefix = terms.skuPrefix ?? none;
  const tsQuery = terms.tsQuery ? sql`to_tsquery('simple', ${terms.tsQuery})` : undefined;
  const branches: SQL[] = [sql`upper(p.sku) = ${terms.sku}`];
  if (terms.gtin14) branches.push(sql`p.gtin14 = ${terms.gtin14}`);
  if (terms.skuPrefix) branches.push(sql`upper(p.sku) like ${terms.skuPrefix}`);
  if (tsQuery) branches.push(sql`p.search_vector @@ ${tsQuery}`);
  const result = await db.execute(sql`
    select h.id, h.sku, h.gtin14, h.barcode, h.brand, h.name_it as "nameIt", h.name_en as "nameEn",
      h.color_it as "colorIt", h.color_en as "colorEn", h.size, h.price_cents as "priceCents",
      (array['gtin', 'sku', 'skuPrefix', 'text'])[h.rank + 1] as match,
      s.on_hand as "onHand", s.reserved, s.safety_stock as "safetyStock"
    from (
      select p.*, m.rank, ${tsQuery ? sql`ts_rank(p.search_vector, ${tsQuery})` : sql`0`} as score
      from products p
      cross join lateral (select case
          when p.gtin14 = ${gtin} then 0
          when upper(p.sku) = ${terms.sku} then 1
          when upper(p.sku) like ${prefix} then 2
          else 3 end as rank) m
      where ${sql.join(branches, sql` or `)}
      order by m.rank, score desc, p.name_en, p.sku
      limit ${limit}
    ) h
    left join stock s on s.store_id = ${storeId} and s.product_id = h.id
    order by h.rank, h.score desc, h.name_en, h.sku`);
  return rowsOf<SearchHitRow>(result);
}
