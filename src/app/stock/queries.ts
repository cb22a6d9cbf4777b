import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { ProductAvailability } from '../../contract/stock';
import { isApiError } from '../../sync/api-client';
import { productAvailability, searchStock, type LookupResult } from '../../sync/stock-lookup';

/** A live answer is fresh for half a minute; one shown from the device is refetched as soon as possible. */
const staleTime = (query: { state: { data?: LookupResult<unknown> } }) =>
  query.state.data && !query.state.data.fromDevice ? 30_000 : 0;

/** Offline with nothing saved (status 0) or a 4xx, trying again at once says the same. */
const retry = (failures: number, error: unknown) =>
  !(isApiError(error) && error.status < 500) && failures < 2;

// networkMode 'always': offline the query still runs, and answers from the device.
export const stockSearchQuery = (storeId: string, query: string) =>
  queryOptions({
    queryKey: ['stock-search', storeId, query],
    queryFn: ({ signal }) => searchStock(storeId, query, signal),
    enabled: query !== '',
    staleTime,
    retry,
    networkMode: 'always',
  });

export const productAvailabilityQuery = (storeId: string, productId: string) =>
  queryOptions({
    queryKey: ['stock-product', storeId, productId],
    queryFn: ({ signal }) => productAvailability(storeId, productId, signal),
    staleTime,
    retry,
    networkMode: 'always',
  });

export function useStockSearch(storeId: string, query: string) {
  return useQuery(stockSearchQuery(storeId, query));
}

export function useProductAvailability(storeId: string, productId: string) {
  return useQuery(productAvailabilityQuery(storeId, productId));
}

/** A search that found one product already carries its availability: the product page reuses it. */
export function rememberAvailability(
  queryClient: QueryClient,
  storeId: string,
  result: LookupResult<ProductAvailability>,
): void {
  const { queryKey } = productAvailabilityQuery(storeId, result.value.product.id);
  queryClient.setQueryData(queryKey, result);
}
