import { useQueries } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { KioskOrderView } from '../../contract/kiosk';
import { fetchKioskOrder } from '../../sync/kiosk-api';

/** How often the counter asks whether a checked-in order has been handed over. */
const STATUS_POLL_MS = 10_000;
/** A customer who left without rating is not asked by the next one's screen forever. */
const PENDING_FOR_MS = 60 * 60_000;

interface Pending {
  orderId: string;
  since: number;
}

/**
 * The orders checked in at this kiosk and not yet rated: their status is polled, and the first
 * one handed over is offered for rating on the start screen.
 */
export function usePendingRatings() {
  const [pending, setPending] = useState<Pending[]>([]);
  const live = pending.filter((p) => Date.now() - p.since < PENDING_FOR_MS);
  const results = useQueries({
    queries: live.map((p) => ({
      queryKey: ['kiosk', 'order', p.orderId],
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchKioskOrder(p.orderId, signal),
      refetchInterval: STATUS_POLL_MS,
      retry: false,
    })),
  });
  const toRate: KioskOrderView | null =
    results.map((r) => r.data).find((order) => order?.status === 'collected' && !order.rated) ?? null;

  const watch = useCallback((orderId: string) => {
    setPending((current) =>
      current.some((p) => p.orderId === orderId) ? current : [...current, { orderId, since: Date.now() }],
    );
  }, []);
  const forget = useCallback((orderId: string) => {
    setPending((current) => current.filter((p) => p.orderId !== orderId));
  }, []);
  return { toRate, watch, forget };
}
