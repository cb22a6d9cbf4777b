import type { ProductAvailability, StockFigures, StockSearchResponse } from '../../contract/stock';
import { stockErrorCodes } from '../../contract/error-codes';
import type { ProductRow } from '../../contract/sync';
import { available } from '../../domain/availability';
import { nearestFirst } from '../../domain/distance';
import type { Executor } from '../db/client';
import { iso } from '../db/time';
import { HttpError } from '../http-error';
import { searchTerms } from './search-terms';
import type { StoreStockRow } from './stock-repository';
import { findProduct, searchProducts, storeStockOf } from './stock-repository';

type Stocked = StoreStockRow & { onHand: number; reserved: number; safetyStock: number; updatedAt: string };

const isStocked = (row: StoreStockRow): row is Stocked => row.onHand !== null;

function figures(row: Stocked): StockFigures {
  return {
    onHand: row.onHand,
    reserved: row.reserved,
    safetyStock: row.safetyStock,
    available: available(row),
    updatedAt: iso(row.updatedAt),
  };
}

/** The product in the signed-in store and in every other store that carries it, nearest first. */
export async function availabilityOf(
  db: Executor,
  storeId: string,
  product: ProductRow,
): Promise<ProductAvailability> {
  const rows = await storeStockOf(db, product.id);
  const origin = rows.find((row) => row.storeId === storeId);
  if (!origin) throw new HttpError(404, stockErrorCodes.unknownStore, `No store ${storeId}`, { storeId });
  const others = nearestFirst(
    origin,
    rows.filter((row) => row.storeId !== storeId && isStocked(row)) as Stocked[],
  );
  return {
    product,
    here: isStocked(origin) ? { storeId, ...figures(origin) } : null,
    others: others.map((row) => ({
      store: {
        id: row.storeId,
        name: row.name,
        city: row.city,
        address: `${row.address}, ${row.postcode} ${row.city}`,
      },
      distanceKm: Math.round(row.distanceKm * 10) / 10,
      ...figures(row),
    })),
  };
}

export async function productAvailability(
  db: Executor,
  storeId: string,
  productId: string,
): Promise<ProductAvailability> {
  const product = await findProduct(db, productId);
  if (!product) {
    throw new HttpError(404, stockErrorCodes.productNotFound, 'No such product in the catalogue', {
      productId,
    });
  }
  return availabilityOf(db, storeId, product);
}

/**
 * Finds products by code, SKU or words, with this store's availability on each. When the
 * answer is one product (the exact code or SKU, or the only match), its availability in every
 * store comes in the same response: a scan is one round trip.
 */
export async function searchStock(
  db: Executor,
  storeId: string,
  query: string,
  limit: number,
): Promise<StockSearchResponse> {
  const terms = searchTerms(query);
  const rows = await searchProducts(db, storeId, terms, limit + 1);
  const more = rows.length > limit;
  const hits = rows.slice(0, limit).map(({ onHand, reserved, safetyStock, ...product }) => ({
    ...product,
    hereAvailable:
      onHand === null ? null : available({ onHand, reserved: reserved ?? 0, safetyStock: safetyStock ?? 0 }),
  }));
  const exact = hits.filter((hit) => hit.match === 'gtin' || hit.match === 'sku');
  const single = exact.length === 1 ? exact[0] : hits.length === 1 && !more ? hits[0] : undefined;
  let availability: ProductAvailability | null = null;
  if (single) {
    const { match: _match, hereAvailable: _here, ...product } = single;
    availability = await availabilityOf(db, storeId, product);
  }
  return {
    query,
    interpretedAs: terms.gtin14 ? 'gtin' : 'text',
    products: hits,
    more,
    availability,
  };
}
