import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { use } from 'react';
import { Outlet } from 'react-router';

let client: QueryClient | undefined;
let loading: Promise<QueryClient> | undefined;

/** Fetches TanStack Query's client (a chunk of its own, with query-core) once. */
export function loadQueryClient(): Promise<QueryClient> {
  loading ??= import('./query-client').then(
    (module) => (client = module.queryClient),
    (error: unknown) => {
      // Offline before it was ever cached: a later render tries again.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * The routes whose pages ask the server through TanStack Query. The queue reads only the device
 * database, so query-core stays out of a signed-in device's first screen.
 */
export function WithQueryClient() {
  const ready = client ?? use(loadQueryClient());
  return (
    <QueryClientProvider client={ready}>
      <Outlet />
    </QueryClientProvider>
  );
}
