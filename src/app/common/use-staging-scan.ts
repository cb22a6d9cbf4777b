import { useState } from 'react';
import { orderErrorCodes } from '../../contract/error-codes';
import { isDomainError } from '../../domain/domain-error';
import type { ScanOutcome } from '../../scan/feedback';
import type { ScannedCode } from '../../scan/scanned-code';
import { errorMessageKey } from '../i18n/translate';
import { useT } from '../i18n/use-t';
import { refusalTitleKey } from './refusal-title';
import { stagingCodeOf } from './scan-meaning';
import { useActor } from './use-actor';

type Flash = (outcome: ScanOutcome, title: string, message: string) => void;

/** A full shelf the associate is asked about before anything is put on it. */
export interface FullShelf {
  code: string;
  occupied: number;
  capacity: number;
}

function fullShelfOf(error: unknown): FullShelf | null {
  if (!isDomainError(error) || error.code !== orderErrorCodes.shelfFull) return null;
  const details = (error.details ?? {}) as Partial<FullShelf>;
  return {
    code: String(details.code ?? ''),
    occupied: Number(details.occupied ?? 1),
    capacity: Number(details.capacity ?? 1),
  };
}

/**
 * A scan that files something on a staging shelf (stage a picked order, receive a parcel): the
 * label must be this store's staging shelf, `send` queues the command for that shelf, and the
 * outcome flashes. The shelf is checked against the replica, so an unknown label is refused
 * offline, and a full one asks first: `fullShelf` is the question, `shareShelf` the yes.
 */
export function useStagingScan(
  flash: Flash,
  send: (locationCode: string, shareShelf: boolean) => Promise<unknown>,
) {
  const t = useT();
  const actor = useActor();
  const [fullShelf, setFullShelf] = useState<FullShelf | null>(null);

  const queue = (code: string, shareShelf: boolean) =>
    send(code, shareShelf).then(
      () => flash('success', t('feedback.staged'), code),
      (error: unknown) => {
        const full = fullShelfOf(error);
        if (full) {
          setFullShelf(full);
          flash('error', t('stage.fullTitle', { code: full.code }), t('errors.staging.shelfFull'));
          return;
        }
        const unknown = isDomainError(error) && error.code === orderErrorCodes.unknownLocation;
        flash(
          unknown ? 'unknown' : 'error',
          t(unknown ? 'feedback.unknown' : 'feedback.error'),
          t(errorMessageKey(error)),
        );
      },
    );

  const onScan = (scan: ScannedCode) => {
    const meaning = stagingCodeOf(scan, actor.storeId);
    if (!meaning.ok) {
      flash('unknown', t(refusalTitleKey(scan)), t(errorMessageKey({ code: meaning.code })));
      return;
    }
    setFullShelf(null);
    void queue(meaning.value, false);
  };

  return {
    onScan,
    fullShelf,
    /** The associate put it there anyway. */
    shareShelf: () => {
      const shelf = fullShelf;
      setFullShelf(null);
      if (shelf) void queue(shelf.code, true);
    },
    chooseAnother: () => setFullShelf(null),
  };
}
