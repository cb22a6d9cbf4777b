import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { OrderDetail } from '../../contract/orders';
import { queryKeys } from './query-keys';

/**
 * Every command answers with the whole order: put it in the cache as is (no refetch), and
 * mark the queue stale so it shows the new status next time.
 */
export function useOrderUpdated(): (order: OrderDetail) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (order: OrderDetail) => {
      const key = queryKeys.order(order.id);
      const current = queryClient.getQueryData<OrderDetail>(key);
      // Answers to parallel scans may arrive out of order; never step back a version.
      if (!current || current.version <= order.version) queryClient.setQueryData(key, order);
      void queryClient.invalidateQueries({ queryKey: queryKeys.queue });
    },
    [queryClient],
  );
}
