import { queryOptions } from '@tanstack/react-query';
import type { CurbsideLink } from '../../contract/curbside';
import { apiRequest } from '../../sync/api-client';

/** A ready order's curbside link: the server signs it, so it needs the network. */
export const curbsideLinkQueryOptions = (orderId: string) =>
  queryOptions({
    queryKey: ['curbside-link', orderId],
    queryFn: ({ signal }) =>
      apiRequest<CurbsideLink>('GET', `/api/orders/${encodeURIComponent(orderId)}/curbside-link`, {
        signal,
      }),
    staleTime: 5 * 60_000,
    retry: false,
  });
