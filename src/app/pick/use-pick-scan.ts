import { useCallback, useEffect, useState } from 'react';
import type { SyncOrder } from '../../contract/sync';
import { isDomainError } from '../../domain/domain-error';
import { pickErrorCodes } from '../../domain/picking';
import { enqueueCommand } from '../../local-db/enqueue';
import type { ScanOutcome } from '../../scan/feedback';
import type { ScannedCode } from '../../scan/scanned-code';
import { cancelScanTiming, expectRendered, markScanStart } from '../common/action-timing';
import { lineColour, lineName } from '../common/localized';
import { refusalTitleKey } from '../common/refusal-title';
import { productCodeOf } from '../common/scan-meaning';
import { useActor } from '../common/use-actor';
import { errorMessageKey } from '../i18n/translate';
import { useI18n } from '../i18n/use-t';
import { useScanBanner } from '../ui/use-scan-banner';

const outcomeByCode: Record<string, ScanOutcome> = {
  [pickErrorCodes.wrongItem]: 'wrongItem',
  [pickErrorCodes.lineComplete]: 'alreadyComplete',
  [pickErrorCodes.overPick]: 'alreadyComplete',
  [pickErrorCodes.unknownCode]: 'unknown',
};

type Line = SyncOrder['lines'][number];

/** The line whose picked count the command raised. */
function pickedLine(before: SyncOrder, after: SyncOrder): Line | undefined {
  return after.lines.find((line) => {
    const old = before.lines.find((candidate) => candidate.id === line.id);
    return old !== undefined && line.qtyPicked > old.qtyPicked;
  });
}

/**
 * One scan, start to end, with no network: the device checks it against the order and the
 * replica's catalogue with the same rules as the server, and either refuses it at once or
 * saves it in the outbox; the server hears about it when the network allows.
 */
export function usePickScan(orderId: string, attentionIds: readonly string[] = []) {
  const { t, language } = useI18n();
  const actor = useActor();
  const { banner, flash: show, settle } = useScanBanner();
  // The command behind the green banner on show, so the banner can turn if the server refuses it.
  const [shown, setShown] = useState<{ recordId: string; seq: number } | null>(null);

  const describe = useCallback(
    (line: Line) => `${lineName(line, language)} · ${lineColour(line, language)} · ${line.size}`,
    [language],
  );

  const onScan = useCallback(
    (scan: ScannedCode) => {
      const meaning = productCodeOf(scan);
      if (!meaning.ok) {
        show(
          'unknown',
          t(refusalTitleKey(scan)),
          `${scan.text.trim()}: ${t(errorMessageKey({ code: meaning.code }))}`,
        );
        return;
      }
      const code = meaning.value;
      markScanStart();
      enqueueCommand({ name: 'pick.confirm', args: { orderId, code, qty: 1 }, actor }).then(
        ({ record, before, after }) => {
          const line = pickedLine(before, after);
          const seq = show('success', t('feedback.success'), line ? describe(line) : code);
          setShown({ recordId: record.id, seq });
          expectRendered(record.id);
        },
        (error: unknown) => {
          cancelScanTiming();
          const outcome = isDomainError(error) ? (outcomeByCode[error.code] ?? 'error') : 'error';
          show(outcome, t(`feedback.${outcome}`), t(errorMessageKey(error)));
          if (!isDomainError(error)) console.error('Could not save the scan', error);
        },
      );
    },
    [actor, describe, orderId, show, t],
  );

  /**
   * Never a green banner for work the server refused: when the shown pick's command comes back
   * refused (it is in `attentionIds`), the same banner says so, in words, without a new sound.
   */
  const refusedIds = attentionIds.join(' ');
  useEffect(() => {
    if (shown && refusedIds.split(' ').includes(shown.recordId)) {
      settle('error', t('feedback.rejected'), t('order.pickRefused'), shown.seq);
    }
  }, [refusedIds, settle, shown, t]);

  return { banner, onScan };
}
