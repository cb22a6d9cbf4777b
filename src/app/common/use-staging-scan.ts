import { orderErrorCodes } from '../../contract/error-codes';
import { isDomainError } from '../../domain/domain-error';
import type { ScanOutcome } from '../../scan/feedback';
import type { ScannedCode } from '../../scan/scanned-code';
import { errorMessageKey } from '../i18n/translate';
import { useT } from '../i18n/use-t';
import { stagingCodeOf } from './scan-meaning';
import { useActor } from './use-actor';

type Flash = (outcome: ScanOutcome, title: string, message: string) => void;

/**
 * A scan that files something on a staging shelf (stage a picked order, receive a parcel): the
 * label must be this store's staging shelf, `send` queues the command for that shelf, and the
 * outcome flashes. The shelf is checked against the replica, so an unknown label is refused
 * offline.
 */
export function useStagingScan(flash: Flash, send: (locationCode: string) => Promise<unknown>) {
  const t = useT();
  const actor = useActor();
  return (scan: ScannedCode) => {
    const meaning = stagingCodeOf(scan, actor.storeId);
    if (!meaning.ok) {
      flash('unknown', t('feedback.unknown'), t(errorMessageKey({ code: meaning.code })));
      return;
    }
    send(meaning.value).then(
      () => flash('success', t('feedback.staged'), meaning.value),
      (error: unknown) => {
        const unknown = isDomainError(error) && error.code === orderErrorCodes.unknownLocation;
        flash(
          unknown ? 'unknown' : 'error',
          t(unknown ? 'feedback.unknown' : 'feedback.error'),
          t(errorMessageKey(error)),
        );
      },
    );
  };
}
