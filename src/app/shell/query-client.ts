import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../../sync/api-client';

/** Retry only what may heal by itself: the network and 5xx. A 4xx will say the same again. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status > 0 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 5_000, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}
