import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { OrderDetail, OrderLineView } from '../../contract/orders';
import { parseGtin } from '../../domain/gtin';
import { matchScan, pickErrorCodes } from '../../domain/picking';
import { isApiError } from '../../sync/api-client';
import type { ScanOutcome } from '../../scan/feedback';
import { lineColour, lineName } from '../common/localized';
import { queryKeys } from '../common/query-keys';
import { errorMessageKey } from '../i18n/translate';
import { useI18n } from '../i18n/use-t';
import { useScanBanner } from '../ui/use-scan-banner';
import { usePick } from './commands';

const outcomeByCode: Record<string, ScanOutcome> = {
  [pickErrorCodes.wrongItem]: 'wrongItem',
  [pickErrorCodes.lineComplete]: 'alreadyComplete',
  [pickErrorCodes.overPick]: 'alreadyComplete',
  [pickErrorCodes.unknownCode]: 'unknown',
};

/** Which open line a code confirms on this device's copy of the order, if any. */
function localMatch(order: OrderDetail, code: string): OrderLineView | undefined {
  try {
    const line = matchScan(code, order.lines, () => false);
    return order.lines.find((candidate) => candidate.id === line.id);
  } catch {
    return undefined;
  }
}

/**
 * One scan, start to end: a code that is no GTIN is refused on the spot; a code that
 * matches an open line is confirmed at once (sound first, server after); anything else
 * waits for the server's verdict.
 */
export function usePickScan(orderId: string) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const pick = usePick(orderId);
  const { banner, flash: show } = useScanBanner();

  const describe = useCallback(
    (line: OrderLineView) => `${lineName(line, language)} · ${lineColour(line, language)} · ${line.size}`,
    [language],
  );

  const onScan = useCallback(
    (raw: string) => {
      const code = raw.trim();
      const parsed = parseGtin(code);
      if (!parsed.ok) {
        show('unknown', t('feedback.unknown'), `${code}: ${t(errorMessageKey({ code: parsed.code }))}`);
        return;
      }
      // Read the cache, not a render's snapshot: back-to-back scans must see each other.
      const order = queryClient.getQueryData<OrderDetail>(queryKeys.order(orderId));
      const line = order ? localMatch(order, code) : undefined;
      if (line) show('success', t('feedback.success'), describe(line));

      // mutateAsync, not mutate: mutate's callbacks fire only for the latest call, and scans overlap.
      pick.mutateAsync({ code, qty: 1, optimisticLineId: line?.id }).then(
        (result) => {
          if (line) return;
          const picked = result.order.lines.find((candidate) => candidate.id === result.lineId);
          show('success', t('feedback.success'), picked ? describe(picked) : code);
        },
        (error: unknown) => {
          const message = t(errorMessageKey(error));
          const mapped = isApiError(error) ? outcomeByCode[error.code] : undefined;
          // A pick the device already confirmed and the server refused is a plain error: it was undone.
          const outcome = line || !mapped ? 'error' : mapped;
          show(outcome, t(`feedback.${outcome}`), message);
        },
      );
    },
    [describe, orderId, pick, queryClient, show, t],
  );

  return { banner, onScan };
}
