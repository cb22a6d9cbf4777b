import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../../sync/api-client';
import { getSession, subscribeSession } from '../../sync/session-store';

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

/** The app's one client, loaded with this module by query-boundary.tsx. */
export const queryClient = createQueryClient();

// Another associate may sign in on this device next: drop everything cached for the last one.
subscribeSession(() => {
  if (!getSession()) queryClient.clear();
});
