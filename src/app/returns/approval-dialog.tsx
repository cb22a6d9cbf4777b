import { useId, useState, type FormEvent } from 'react';
import { requestReturnApproval } from '../../sync/returns-api';
import { useOnline } from '../common/use-connectivity';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { PinInput } from '../ui/pin-input';
import { ReturnsErrorAlert } from './returns-error';
import { useReturnsI18n } from './i18n/returns-i18n';
import { MIN_REASON, MAX_REASON } from './reason-rules';

export interface ManagerApproval {
  /** The signed approval the command carries. */
  token: string;
  manager: { id: string; name: string };
  reason: string;
}

/**
 * A manager at the counter approves on the associate's handheld with their employee id and PIN.
 * The server signs an approval for this return only, so it needs the network.
 */
export function ApprovalDialog({
  open,
  returnId,
  onClose,
  onApproved,
}: {
  open: boolean;
  returnId: string;
  onClose: () => void;
  onApproved: (approval: ManagerApproval) => void;
}) {
  const { rt } = useReturnsI18n();
  return (
    <Dialog open={open} title={rt('approval.title')} onClose={onClose}>
      <ApprovalForm returnId={returnId} onCancel={onClose} onApproved={onApproved} />
    </Dialog>
  );
}

function ApprovalForm({
  returnId,
  onCancel,
  onApproved,
}: {
  returnId: string;
  onCancel: () => void;
  onApproved: (approval: ManagerApproval) => void;
}) {
  const { rt, t } = useReturnsI18n();
  const online = useOnline();
  const id = useId();
  const [employeeId, setEmployeeId] = useState('');
  const [pin, setPin] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useState<'fields' | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const trimmed = reason.trim();
    if (employeeId.trim() === '' || !/^\d{4,8}$/.test(pin) || trimmed.length < MIN_REASON) {
      setProblem('fields');
      return;
    }
    setProblem(null);
    setError(null);
    setBusy(true);
    requestReturnApproval({ returnId, employeeId: employeeId.trim(), pin, reason: trimmed })
      .then((answer) => onApproved({ token: answer.approval, manager: answer.manager, reason: trimmed }))
      .catch((caught: unknown) => {
        setError(caught);
        setPin('');
      })
      .finally(() => setBusy(false));
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <p>{rt('approval.intro')}</p>
      {!online ? (
        <p className="alert alert--warning" role="status">
          {rt('approval.offline')}
        </p>
      ) : null}
      {problem ? (
        <p className="alert alert--error" role="alert">
          {rt('approval.check')}
        </p>
      ) : null}
      {error ? <ReturnsErrorAlert error={error} /> : null}
      <div className="field">
        <label htmlFor={`${id}-employee`}>{rt('approval.employeeId')}</label>
        <input
          id={`${id}-employee`}
          name="manager-employee-id"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          maxLength={16}
          value={employeeId}
          onChange={(e) => setEmployeeId(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-pin`}>{rt('approval.pin')}</label>
        <PinInput id={`${id}-pin`} name="manager-pin" autoComplete="off" value={pin} onValueChange={setPin} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{rt('approval.reason')}</label>
        <p id={`${id}-reason-hint`} className="field__hint">
          {rt('override.reasonHint', { min: MIN_REASON })}
        </p>
        <textarea
          id={`${id}-reason`}
          name="approval-reason"
          rows={3}
          maxLength={MAX_REASON}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-describedby={`${id}-reason-hint`}
        />
      </div>
      <div className="button-row">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" variant="primary" busy={busy} disabled={!online}>
          {rt('approval.submit')}
        </Button>
      </div>
    </form>
  );
}
