import { useCallback, useRef } from 'react';
import { assignScan } from '../../domain/batch-pick';
import { isDomainError } from '../../domain/domain-error';
import { parseGtin } from '../../domain/gtin';
import { pickErrorCodes } from '../../domain/picking';
import { enqueueCommand } from '../../local-db/enqueue';
import { isKnownGtin } from '../../local-db/pick-batch';
import type { ScanOutcome } from '../../scan/feedback';
import type { ScannedCode } from '../../scan/scanned-code';
import { lineColour, lineName } from '../common/localized';
import { refusalTitleKey } from '../common/refusal-title';
import { productCodeOf } from '../common/scan-meaning';
import { useActor } from '../common/use-actor';
import { errorMessageKey } from '../i18n/translate';
import { useI18n } from '../i18n/use-t';
import { useScanBanner } from '../ui/use-scan-banner';
import { readTotes } from './use-pick-batch';

const outcomeByCode: Record<string, ScanOutcome> = {
  [pickErrorCodes.wrongItem]: 'wrongItem',
  [pickErrorCodes.lineComplete]: 'alreadyComplete',
  [pickErrorCodes.overPick]: 'alreadyComplete',
  [pickErrorCodes.unknownCode]: 'unknown',
};

/**
 * One scan in a batch: which tote the unit goes in (the most urgent order that still needs it),
 * then an ordinary pick.confirm on that order, queued offline like any other. Scans run one
 * after the other, each reading the orders after the previous one was saved, so two quick
 * scans of the last wanted unit never both land on the same line.
 */
export function useBatchScan() {
  const { t, language } = useI18n();
  const actor = useActor();
  const { banner, flash } = useScanBanner();
  const queue = useRef<Promise<void>>(Promise.resolve());

  const refuse = useCallback(
    (error: unknown) => {
      const outcome = isDomainError(error) ? (outcomeByCode[error.code] ?? 'error') : 'error';
      const words =
        isDomainError(error) && error.code === pickErrorCodes.wrongItem
          ? t('batch.wrongItem')
          : isDomainError(error) && error.code === pickErrorCodes.lineComplete
            ? t('batch.noneWanted')
            : t(errorMessageKey(error));
      flash(outcome, t(`feedback.${outcome}`), words);
      if (!isDomainError(error)) console.error('Could not save the scan', error);
    },
    [flash, t],
  );

  const pick = useCallback(
    async (code: string) => {
      const found = await readTotes(actor);
      const open = found?.totes.filter((tote) => tote.active) ?? [];
      const parsed = parseGtin(code);
      const known = parsed.ok && (await isKnownGtin(parsed.gtin14));
      try {
        const { order, line } = assignScan(code, open, () => known);
        await enqueueCommand({ name: 'pick.confirm', args: { orderId: order.id, code, qty: 1 }, actor });
        flash(
          'success',
          t('batch.putInTote', { slot: order.slot, number: order.number }),
          `${lineName(line, language)} · ${lineColour(line, language)} · ${line.size}`,
        );
      } catch (error) {
        refuse(error);
      }
    },
    [actor, flash, language, refuse, t],
  );

  const onScan = useCallback(
    (scan: ScannedCode) => {
      const meaning = productCodeOf(scan);
      if (!meaning.ok) {
        flash(
          'unknown',
          t(refusalTitleKey(scan)),
          `${scan.text.trim()}: ${t(errorMessageKey({ code: meaning.code }))}`,
        );
        return;
      }
      queue.current = queue.current.then(() => pick(meaning.value)).catch(refuse);
    },
    [flash, pick, refuse, t],
  );

  return { banner, onScan };
}
