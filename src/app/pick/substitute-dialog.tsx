import { useState } from 'react';
import type { OrderLineView } from '../../contract/orders';
import { remaining } from '../../domain/picking';
import { enqueueCommand } from '../../local-db/enqueue';
import type { ScannedCode } from '../../scan/scanned-code';
import { LineDialog, LineSubject, QtySelect } from '../common/line-dialog';
import { ScanStep } from '../common/scan-step';
import { useActor } from '../common/use-actor';
import { useI18n } from '../i18n/use-t';
import { ErrorAlert, Notice } from '../ui/alert';
import { Button } from '../ui/button';

interface SubstituteDialogProps {
  orderId: string;
  line: OrderLineView | null;
  onClose: () => void;
}

/**
 * On a line whose units cannot be found, the associate scans a substitute (a hardware scanner,
 * the camera or typing, as every scan step). The customer's preference decides, on this device
 * at once and offline too: the decision is said in words, and a refusal says why.
 */
export function SubstituteDialog({ orderId, line, onClose }: SubstituteDialogProps) {
  const { t } = useI18n();
  return (
    <LineDialog title={t('substitute.title')} line={line} onClose={onClose}>
      {(subject) => <SubstituteForm orderId={orderId} line={subject} onDone={onClose} />}
    </LineDialog>
  );
}

function SubstituteForm({
  orderId,
  line,
  onDone,
}: {
  orderId: string;
  line: OrderLineView;
  onDone: () => void;
}) {
  const { t, language } = useI18n();
  const actor = useActor();
  const [error, setError] = useState<unknown>(null);
  const [decided, setDecided] = useState<NonNullable<OrderLineView['substitute']> | null>(null);
  const open = remaining(line);
  const [qty, setQty] = useState(open);

  const onScan = (scan: ScannedCode) => {
    setError(null);
    enqueueCommand({
      name: 'pick.substitute',
      args: { orderId, lineId: line.id, code: scan.text, qty },
      actor,
    }).then(
      (queued) => setDecided(queued.after.lines.find((l) => l.id === line.id)?.substitute ?? null),
      setError,
    );
  };

  if (decided) {
    const name = language === 'it' ? decided.nameIt : decided.nameEn;
    return (
      <div className="stack">
        <Notice tone={decided.status === 'pending' ? 'warning' : 'success'}>
          <p data-testid="substitute-decision" data-status={decided.status}>
            {t(`substitution.reason.${decided.reason}`)}
          </p>
          <p>
            {t(decided.status === 'pending' ? 'line.substitutePending' : 'line.substitutePicked', {
              name,
              qty: decided.qty,
            })}
          </p>
        </Notice>
        <Button variant="primary" onClick={onDone} data-testid="substitute-done">
          {t('substitute.done')}
        </Button>
      </div>
    );
  }

  return (
    <div className="stack">
      <LineSubject line={line} />
      <QtySelect id="substitute-qty" label={t('substitute.qty')} max={open} value={qty} onChange={setQty} />
      <ScanStep
        label={t('substitute.label')}
        hint={t('substitute.hint')}
        buttonLabel={t('substitute.confirm')}
        onScan={onScan}
        name="substitute-code"
      />
      {error ? <ErrorAlert error={error} /> : null}
      <Button onClick={onDone}>{t('common.cancel')}</Button>
    </div>
  );
}
