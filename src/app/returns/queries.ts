import { queryOptions, useQuery } from '@tanstack/react-query';
import { isApiError } from '../../sync/api-client';
import {
  findReturnOrders,
  getReturn,
  listReturns,
  loadReturnOrder,
  loadReturnSettings,
  type ReturnListStatus,
} from '../../sync/returns-api';

/** Offline with nothing kept (status 0) or a 4xx: trying again at once says the same. */
const retry = (failures: number, error: unknown) =>
  !(isApiError(error) && error.status < 500) && failures < 2;

/** A live answer is fresh for half a minute; one read from the device is refetched as soon as possible. */
const staleTime = (query: { state: { data?: { fromDevice: boolean } } }) =>
  query.state.data && !query.state.data.fromDevice ? 30_000 : 0;

// networkMode 'always': offline the query still runs, and answers from the device.
export const returnOrdersQuery = (storeId: string, query: string) =>
  queryOptions({
    queryKey: ['return-orders', storeId, query],
    queryFn: ({ signal }) => findReturnOrders(storeId, query, signal),
    enabled: query !== '',
    staleTime,
    retry,
    networkMode: 'always',
  });

export const returnOrderQuery = (storeId: string, orderId: string) =>
  queryOptions({
    queryKey: ['return-order', storeId, orderId],
    queryFn: ({ signal }) => loadReturnOrder(storeId, orderId, signal),
    staleTime,
    retry,
    networkMode: 'always',
  });

export const returnSettingsQuery = () =>
  queryOptions({
    queryKey: ['return-settings'],
    queryFn: ({ signal }) => loadReturnSettings(signal),
    staleTime: (query) => (query.state.data && !query.state.data.fromDevice ? 10 * 60_000 : 0),
    retry,
    networkMode: 'always',
  });

export const returnListQuery = (status: ReturnListStatus) =>
  queryOptions({
    queryKey: ['returns', status],
    queryFn: ({ signal }) => listReturns(status, signal),
    staleTime: 15_000,
    retry,
  });

export const returnDetailQuery = (returnId: string) =>
  queryOptions({
    queryKey: ['return', returnId],
    queryFn: ({ signal }) => getReturn(returnId, signal),
    retry,
  });

export const useReturnOrders = (storeId: string, query: string) =>
  useQuery(returnOrdersQuery(storeId, query));
export const useReturnSettings = () => useQuery(returnSettingsQuery());
