import { queryOptions } from '@tanstack/react-query';
import type { LockOutsResponse, StoreAssociatesResponse } from '../../contract/manager';
import type { KpiReport } from '../../domain/kpi';
import type { KpiRange } from '../../domain/kpi-period';
import { apiGet, isApiError } from '../../sync/api-client';

/** A 4xx says the same on a retry. */
const retry = (failures: number, error: unknown) =>
  !(isApiError(error) && error.status < 500) && failures < 2;

export const associatesQuery = () =>
  queryOptions({
    queryKey: ['manager', 'associates'],
    queryFn: ({ signal }) => apiGet<StoreAssociatesResponse>('/api/manager/associates', signal),
    staleTime: 5 * 60_000,
    retry,
  });

/** KPIs move slowly: refreshed every minute while the screen is open. */
export const kpiQuery = (range: KpiRange) =>
  queryOptions({
    queryKey: ['manager', 'kpis', range],
    queryFn: ({ signal }) => apiGet<KpiReport>(`/api/manager/kpis?range=${range}`, signal),
    staleTime: 30_000,
    refetchInterval: 60_000,
    retry,
  });

/** Who is locked out after wrong PINs: checked every half minute while the screen is open. */
export const lockOutsQuery = () =>
  queryOptions({
    queryKey: ['manager', 'lock-outs'],
    queryFn: ({ signal }) => apiGet<LockOutsResponse>('/api/manager/lock-outs', signal),
    staleTime: 15_000,
    refetchInterval: 30_000,
    retry,
  });
