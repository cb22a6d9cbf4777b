import { useMutation } from '@tanstack/react-query';
import type { OrderDetail } from '../../contract/orders';
import { apiPost } from '../../sync/api-client';
import { useOrderUpdated } from '../common/use-order-updated';

const orderPath = (id: string, action: string) => `/api/orders/${encodeURIComponent(id)}/${action}`;

export function useStage(orderId: string) {
  const updated = useOrderUpdated();
  return useMutation({
    mutationFn: (locationCode: string) => apiPost<OrderDetail>(orderPath(orderId, 'stage'), { locationCode }),
    onSuccess: updated,
  });
}

export function useHandover(orderId: string) {
  const updated = useOrderUpdated();
  return useMutation({
    mutationFn: (code: string) => apiPost<OrderDetail>(orderPath(orderId, 'handover'), { code }),
    onSuccess: updated,
  });
}
