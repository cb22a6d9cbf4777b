import { queryOptions, useQuery } from '@tanstack/react-query';
import type { StoreSummary } from '../../contract/stores';
import { apiRequest } from '../../sync/api-client';

export const storesQueryOptions = queryOptions({
  queryKey: ['stores'],
  queryFn: ({ signal }) =>
    apiRequest<{ stores: StoreSummary[] }>('GET', '/api/stores', { auth: false, signal }).then(
      (body) => body.stores,
    ),
  staleTime: 60 * 60_000,
});

export function useStores() {
  return useQuery(storesQueryOptions);
}
