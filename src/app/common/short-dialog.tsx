import { useState } from 'react';
import type { OrderLineView } from '../../contract/orders';
import { remaining, shortReasons, type ShortReason } from '../../domain/picking';
import { useI18n } from '../i18n/use-t';
import { RadioGroup } from '../ui/radio-group';
import { enqueueCommand } from '../../local-db/enqueue';
import { LineDialog, LineForm, QtySelect } from './line-dialog';
import { useActor } from './use-actor';

interface ShortDialogProps {
  orderId: string;
  line: OrderLineView | null;
  onClose: () => void;
}

export function ShortDialog({ orderId, line, onClose }: ShortDialogProps) {
  const { t } = useI18n();
  return (
    <LineDialog title={t('short.title')} line={line} onClose={onClose}>
      {(subject) => <ShortForm orderId={orderId} line={subject} onDone={onClose} />}
    </LineDialog>
  );
}

function ShortForm({ orderId, line, onDone }: { orderId: string; line: OrderLineView; onDone: () => void }) {
  const { t } = useI18n();
  const actor = useActor();
  const [error, setError] = useState<unknown>(null);
  const open = remaining(line);
  const [qty, setQty] = useState(open);
  const [reason, setReason] = useState<ShortReason>('not_found');

  const submit = () => {
    setError(null);
    enqueueCommand({ name: 'pick.short', args: { orderId, lineId: line.id, qty, reason }, actor }).then(
      onDone,
      setError,
    );
  };

  return (
    <LineForm line={line} submitLabel={t('short.submit')} error={error} onSubmit={submit} onCancel={onDone}>
      <QtySelect id="short-qty" label={t('short.qty')} max={open} value={qty} onChange={setQty} />
      <RadioGroup
        legend={t('short.reason')}
        name="short-reason"
        options={shortReasons}
        value={reason}
        onChange={setReason}
        label={(value) => t(`reason.${value}`)}
      />
    </LineForm>
  );
}
