import { useQueries } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { KioskOrderView } from '../../contract/kiosk';
import { fetchKioskOrder } from '../../sync/kiosk-api';
import type { Language } from '../i18n/language';

/** How often the counter asks whether a checked-in order has been handed over. */
const STATUS_POLL_MS = 10_000;
/** A customer who left without rating is not asked by the next one's screen forever. */
const PENDING_FOR_MS = 60 * 60_000;

interface Pending {
  orderId: string;
  since: number;
  /** The language the customer checked in with: their rating is asked in it. */
  language: Language;
}

export interface ToRate {
  order: KioskOrderView;
  language: Language;
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
      // Once collected there is nothing more to learn: the rating on screen stays put (with its
      // thanks) until the customer is done with it, whatever a later poll would say.
      refetchInterval: (query: { state: { data?: KioskOrderView } }) =>
        query.state.data?.status === 'collected' ? false : STATUS_POLL_MS,
      refetchOnWindowFocus: false,
      retry: false,
    })),
  });
  const index = results.findIndex(({ data }) => data?.status === 'collected' && !data.rated);
  const toRate: ToRate | null =
    index < 0 ? null : { order: results[index]!.data!, language: live[index]!.language };

  const watch = useCallback((orderId: string, language: Language) => {
    setPending((current) =>
      current.some((p) => p.orderId === orderId)
        ? current
        : [...current, { orderId, since: Date.now(), language }],
    );
  }, []);
  const forget = useCallback((orderId: string) => {
    setPending((current) => current.filter((p) => p.orderId !== orderId));
  }, []);
  return { toRate, watch, forget };
}
