import { queryOptions, useQuery } from '@tanstack/react-query';
import type { StagingLocation } from '../../contract/stores';
import { apiGet } from '../../sync/api-client';

export const stagingLocationsQueryOptions = queryOptions({
  queryKey: ['staging-locations'],
  queryFn: ({ signal }) =>
    apiGet<{ locations: StagingLocation[] }>('/api/staging-locations', signal).then((body) => body.locations),
  staleTime: 10 * 60_000,
});

export function useStagingLocations() {
  return useQuery(stagingLocationsQueryOptions);
}
