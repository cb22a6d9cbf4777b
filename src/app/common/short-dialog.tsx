import { useState, type FormEvent } from 'react';
import type { OrderLineView } from '../../contract/orders';
import { remaining, shortReasons, type ShortReason } from '../../domain/picking';
import { lineName } from './localized';
import { useI18n } from '../i18n/use-t';
import { ErrorAlert } from '../ui/alert';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { enqueueCommand } from '../../local-db/enqueue';
import { useActor } from './use-actor';

interface ShortDialogProps {
  orderId: string;
  line: OrderLineView | null;
  onClose: () => void;
}

export function ShortDialog({ orderId, line, onClose }: ShortDialogProps) {
  const { t } = useI18n();
  return (
    <Dialog open={line !== null} title={t('short.title')} onClose={onClose}>
      {line ? <ShortForm key={line.id} orderId={orderId} line={line} onDone={onClose} /> : null}
    </Dialog>
  );
}

function ShortForm({ orderId, line, onDone }: { orderId: string; line: OrderLineView; onDone: () => void }) {
  const { t, language } = useI18n();
  const actor = useActor();
  const [error, setError] = useState<unknown>(null);
  const open = remaining(line);
  const [qty, setQty] = useState(open);
  const [reason, setReason] = useState<ShortReason>('not_found');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    enqueueCommand({ name: 'pick.short', args: { orderId, lineId: line.id, qty, reason }, actor }).then(
      onDone,
      setError,
    );
  };

  return (
    <form className="stack" onSubmit={submit}>
      <p className="dialog__subject">{lineName(line, language)}</p>
      <div className="field">
        <label htmlFor="short-qty">{t('short.qty')}</label>
        <select id="short-qty" value={qty} onChange={(event) => setQty(Number(event.target.value))}>
          {Array.from({ length: open }, (_, index) => index + 1).map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="radio-group">
        <legend>{t('short.reason')}</legend>
        {shortReasons.map((value) => (
          <label key={value} className="radio-group__option">
            <input
              type="radio"
              name="short-reason"
              value={value}
              checked={reason === value}
              onChange={() => setReason(value)}
            />
            <span>{t(`reason.${value}`)}</span>
          </label>
        ))}
      </fieldset>
      {error ? <ErrorAlert error={error} /> : null}
      <div className="button-row">
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="submit" variant="danger">
          {t('short.submit')}
        </Button>
      </div>
    </form>
  );
}
