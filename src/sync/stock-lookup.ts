import type { ProductAvailability, StockSearchResponse } from '../contract/stock';
import { normaliseQuery, readLookup, saveLookup, type LookupKind } from '../local-db/stock-lookups';
import { apiGet, isApiError } from './api-client';
import { setReachable } from './connectivity';

/**
 * The stock lookup needs the server: other stores' stock is not on the device. Each answer is
 * kept on the device, and when the network fails the last answer to the same lookup is shown
 * instead, with the time it arrived.
 */
export interface LookupResult<T> {
  value: T;
  /** Epoch ms the answer arrived from the server (device clock). */
  receivedAt: number;
  /** Read from the device because the server could not be reached. */
  fromDevice: boolean;
}

function unreachable(error: unknown): boolean {
  return isApiError(error) && (error.status === 0 || error.code === 'server.unavailable');
}

async function lookup<T>(
  storeId: string,
  kind: LookupKind,
  id: string,
  path: string,
  signal?: AbortSignal,
): Promise<LookupResult<T>> {
  try {
    const value = await apiGet<T>(path, signal);
    const receivedAt = Date.now();
    setReachable(true);
    // A device that cannot keep it still shows the live answer.
    await saveLookup(storeId, kind, id, value, receivedAt).catch(() => undefined);
    return { value, receivedAt, fromDevice: false };
  } catch (error) {
    if (isApiError(error) && error.status === 0) setReachable(false);
    if (!unreachable(error)) throw error;
    const saved = await readLookup<T>(storeId, kind, id);
    if (!saved) throw error;
    return { value: saved.value, receivedAt: saved.savedAt, fromDevice: true };
  }
}

/** GET /api/stock/search; a search that found one product also keeps it as that product's lookup. */
export async function searchStock(
  storeId: string,
  query: string,
  signal?: AbortSignal,
): Promise<LookupResult<StockSearchResponse>> {
  const q = query.trim();
  const result = await lookup<StockSearchResponse>(
    storeId,
    'search',
    normaliseQuery(q),
    `/api/stock/search?q=${encodeURIComponent(q)}`,
    signal,
  );
  const availability = result.value.availability;
  if (!result.fromDevice && availability) {
    await saveLookup(storeId, 'product', availability.product.id, availability, result.receivedAt).catch(
      () => undefined,
    );
  }
  return result;
}

/** GET /api/stock/products/:productId: this store first, then every other store nearest first. */
export function productAvailability(
  storeId: string,
  productId: string,
  signal?: AbortSignal,
): Promise<LookupResult<ProductAvailability>> {
  return lookup<ProductAvailability>(
    storeId,
    'product',
    productId,
    `/api/stock/products/${encodeURIComponent(productId)}`,
    signal,
  );
}
