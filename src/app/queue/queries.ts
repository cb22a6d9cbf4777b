import { queryOptions, useQuery } from '@tanstack/react-query';
import type { QueueResponse } from '../../contract/orders';
import { apiGet } from '../../sync/api-client';
import { queryKeys } from '../common/query-keys';
import { syncServerClock } from '../common/server-clock';

const REFRESH_MS = 15_000;

export const queueQueryOptions = queryOptions({
  queryKey: queryKeys.queue,
  queryFn: async ({ signal }) => {
    const body = await apiGet<QueueResponse>('/api/queue', signal);
    syncServerClock(body.serverTime);
    return body;
  },
  refetchInterval: REFRESH_MS,
  // The queue is a wall monitor too: keep it fresh even when the tab is in the background.
  refetchIntervalInBackground: true,
});

export function useQueue() {
  return useQuery(queueQueryOptions);
}
