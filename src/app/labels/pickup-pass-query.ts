import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PickupPassResponse } from '../../contract/passes';
import { apiRequest } from '../../sync/api-client';

/**
 * The order's signed pass, from the server: only it holds the signing key, so this is the one
 * page of the app that needs the network. Not kept after the page closes (it holds the code).
 */
export const pickupPassQueryOptions = (orderId: string) =>
  queryOptions({
    queryKey: ['pickup-pass', orderId],
    queryFn: ({ signal }) =>
      apiRequest<PickupPassResponse>('GET', `/api/orders/${encodeURIComponent(orderId)}/pickup-pass`, {
        signal,
      }),
    staleTime: Infinity,
    gcTime: 0,
  });

export function usePickupPass(orderId: string) {
  return useQuery(pickupPassQueryOptions(orderId));
}
