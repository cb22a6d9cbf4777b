import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OrderDetail, PickResult } from '../../contract/orders';
import type { ShortReason } from '../../domain/picking';
import { apiPost } from '../../sync/api-client';
import { queryKeys } from '../common/query-keys';
import { useOrderUpdated } from '../common/use-order-updated';

const orderPath = (id: string, action: string) => `/api/orders/${encodeURIComponent(id)}/${action}`;

export function useClaim(orderId: string) {
  const updated = useOrderUpdated();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<OrderDetail>(orderPath(orderId, 'claim')),
    onSuccess: updated,
    // Someone else may have claimed it meanwhile: show who, from fresh data.
    onError: () => queryClient.invalidateQueries({ queryKey: queryKeys.order(orderId) }),
  });
}

export interface PickVars {
  code: string;
  qty: number;
  /** Set when the scan matched a line locally: that line is counted before the server answers. */
  optimisticLineId?: string;
}

function addPicked(order: OrderDetail, lineId: string, qty: number): OrderDetail {
  return {
    ...order,
    lines: order.lines.map((line) =>
      line.id === lineId ? { ...line, qtyPicked: line.qtyPicked + qty } : line,
    ),
  };
}

export function usePick(orderId: string) {
  const queryClient = useQueryClient();
  const updated = useOrderUpdated();
  const key = queryKeys.order(orderId);
  return useMutation({
    mutationKey: ['pick', orderId],
    mutationFn: ({ code, qty }: PickVars) => apiPost<PickResult>(orderPath(orderId, 'pick'), { code, qty }),
    onMutate: async ({ optimisticLineId, qty }) => {
      if (!optimisticLineId) return;
      // A refetch in flight would overwrite the optimistic count with the old one.
      await queryClient.cancelQueries({ queryKey: key });
      queryClient.setQueryData<OrderDetail>(key, (order) => order && addPicked(order, optimisticLineId, qty));
    },
    onSuccess: (result) => updated(result.order),
    onError: (_error, { optimisticLineId, qty }) => {
      if (optimisticLineId) {
        queryClient.setQueryData<OrderDetail>(
          key,
          (order) => order && addPicked(order, optimisticLineId, -qty),
        );
      }
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}

export interface ShortVars {
  lineId: string;
  qty: number;
  reason: ShortReason;
}

export function useShort(orderId: string) {
  const updated = useOrderUpdated();
  return useMutation({
    mutationFn: (vars: ShortVars) => apiPost<OrderDetail>(orderPath(orderId, 'short'), vars),
    onSuccess: updated,
  });
}
