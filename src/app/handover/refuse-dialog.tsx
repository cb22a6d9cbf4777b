import { useState, type FormEvent } from 'react';
import type { OrderLineView } from '../../contract/orders';
import { dispositions, type Disposition } from '../../domain/disposition';
import { defaultReturnReasons } from '../../domain/return-reasons';
import { enqueueCommand } from '../../local-db/enqueue';
import { lineName } from '../common/localized';
import { useActor } from '../common/use-actor';
import { useI18n } from '../i18n/use-t';
import { ErrorAlert } from '../ui/alert';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';

interface RefuseDialogProps {
  orderId: string;
  line: OrderLineView | null;
  /** Units of the line still on the shelf. */
  staged: number;
  onClose: () => void;
  onRefused: (qty: number) => void;
}

/** The customer refuses units of a line at the counter: how many, why, and where they go. */
export function RefuseDialog({ orderId, line, staged, onClose, onRefused }: RefuseDialogProps) {
  const { t } = useI18n();
  return (
    <Dialog open={line !== null} title={t('handover.refuseTitle')} onClose={onClose}>
      {line ? (
        <RefuseForm
          key={line.id}
          orderId={orderId}
          line={line}
          staged={staged}
          onDone={(qty) => {
            onRefused(qty);
            onClose();
          }}
          onCancel={onClose}
        />
      ) : null}
    </Dialog>
  );
}

function RefuseForm({
  orderId,
  line,
  staged,
  onDone,
  onCancel,
}: {
  orderId: string;
  line: OrderLineView;
  staged: number;
  onDone: (qty: number) => void;
  onCancel: () => void;
}) {
  const { t, language } = useI18n();
  const actor = useActor();
  const [error, setError] = useState<unknown>(null);
  const [qty, setQty] = useState(1);
  const [reason, setReason] = useState(defaultReturnReasons[0]!.code);
  const [disposition, setDisposition] = useState<Disposition>('restock');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    const units = Array.from({ length: qty }, () => ({ lineId: line.id, reason, disposition }));
    enqueueCommand({
      name: 'order.refuseItems',
      args: { orderId, refusalId: crypto.randomUUID(), units },
      actor,
    }).then(() => onDone(qty), setError);
  };

  return (
    <form className="stack" onSubmit={submit}>
      <p className="dialog__subject">{lineName(line, language)}</p>
      <div className="field">
        <label htmlFor="refuse-qty">{t('handover.refuseQty')}</label>
        <select id="refuse-qty" value={qty} onChange={(event) => setQty(Number(event.target.value))}>
          {Array.from({ length: staged }, (_, index) => index + 1).map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="radio-group">
        <legend>{t('handover.refuseReason')}</legend>
        {defaultReturnReasons.map(({ code }) => (
          <label key={code} className="radio-group__option">
            <input
              type="radio"
              name="refuse-reason"
              value={code}
              checked={reason === code}
              onChange={() => setReason(code)}
            />
            <span>{t(`handover.reason.${code}` as 'handover.reason.changedMind')}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="radio-group">
        <legend>{t('handover.refuseDisposition')}</legend>
        {dispositions.map((value) => (
          <label key={value} className="radio-group__option">
            <input
              type="radio"
              name="refuse-disposition"
              value={value}
              checked={disposition === value}
              onChange={() => setDisposition(value)}
            />
            <span>{t(`handover.disposition.${value}`)}</span>
          </label>
        ))}
      </fieldset>
      {error ? <ErrorAlert error={error} /> : null}
      <div className="button-row">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" variant="danger" data-testid="refuse-submit">
          {t('handover.refuseSubmit')}
        </Button>
      </div>
    </form>
  );
}
