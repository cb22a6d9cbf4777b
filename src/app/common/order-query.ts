import { queryOptions, useQuery } from '@tanstack/react-query';
import type { OrderDetail } from '../../contract/orders';
import { apiGet } from '../../sync/api-client';
import { queryKeys } from './query-keys';

export function orderQueryOptions(id: string) {
  return queryOptions({
    queryKey: queryKeys.order(id),
    queryFn: ({ signal }) => apiGet<OrderDetail>(`/api/orders/${encodeURIComponent(id)}`, signal),
  });
}

/** One order with its lines in walking order; shared by the pick and handover screens. */
export function useOrder(id: string) {
  return useQuery(orderQueryOptions(id));
}
