import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CloseManifestResponse, ManifestsResponse } from '../../contract/shipping';
import { apiGet, apiRequest } from '../../sync/api-client';
import type { Language } from '../i18n/language';

/** The day's manifests and what closing would take: the server's, so this needs the network. */
export const manifestsQueryOptions = (storeId: string) =>
  queryOptions({
    queryKey: ['manifests', storeId],
    queryFn: ({ signal }) => apiGet<ManifestsResponse>('/api/shipping/manifests', signal),
    staleTime: 0,
  });

export function useManifests(storeId: string) {
  return useQuery(manifestsQueryOptions(storeId));
}

export function useCloseDay(storeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (language: Language) =>
      apiRequest<CloseManifestResponse>('POST', '/api/shipping/manifests', { body: { language } }),
    onSettled: () => client.invalidateQueries({ queryKey: ['manifests', storeId] }),
    // Closing the day is a call to the carrier: never queued, never replayed by the query cache.
    networkMode: 'always',
    retry: false,
  });
}
