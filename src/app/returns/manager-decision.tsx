import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { decideReturn } from '../../sync/returns-api';
import { useOnline } from '../common/use-connectivity';
import { Button } from '../ui/button';
import { ReturnsErrorAlert } from './returns-error';
import { useReturnsI18n } from './i18n/returns-i18n';
import { isReason, MAX_REASON, MIN_REASON } from './reason-rules';

/**
 * A manager's decision on a return waiting for review, with the reason the audit log keeps:
 * approve (the server checks again and refunds) or decline (the goods go back to the customer).
 */
export function ManagerDecision({
  returnId,
  label,
  onDecided,
}: {
  returnId: string;
  label: string;
  /** Where the page says what happened, when this form may disappear with its return (the review list). */
  onDecided?: (status: string) => void;
}) {
  const { rt } = useReturnsI18n();
  const online = useOnline();
  const queryClient = useQueryClient();
  const id = useId();
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'decline') => decideReturn(returnId, decision, reason.trim()),
    onSuccess: (data) => onDecided?.(data.status),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['returns'] });
      void queryClient.invalidateQueries({ queryKey: ['return', returnId] });
    },
  });

  const run = (decision: 'approve' | 'decline') => {
    if (!isReason(reason)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    decide.mutate(decision);
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    run('approve');
  };

  return (
    <form className="stack return-decide no-print" onSubmit={onSubmit} noValidate aria-label={label}>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{rt('review.reason')}</label>
        <p id={`${id}-hint`} className="field__hint">
          {rt('override.reasonHint', { min: MIN_REASON })}
        </p>
        <textarea
          id={`${id}-reason`}
          name="decision-reason"
          rows={2}
          maxLength={MAX_REASON}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-describedby={`${id}-hint${invalid ? ` ${id}-error` : ''}`}
          aria-invalid={invalid || undefined}
        />
        {invalid ? (
          <p id={`${id}-error`} className="field__error">
            {rt('problem.decisionReason')}
          </p>
        ) : null}
      </div>
      <div className="button-row">
        <Button
          variant="danger"
          onClick={() => run('decline')}
          busy={decide.isPending && decide.variables === 'decline'}
          disabled={!online}
        >
          {rt('review.decline')}
        </Button>
        <Button
          type="submit"
          variant="primary"
          busy={decide.isPending && decide.variables === 'approve'}
          disabled={!online}
        >
          {rt('review.approve')}
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {!online ? <p className="muted">{rt('review.offline')}</p> : null}
        {decide.isSuccess && !onDecided ? <DecisionDone status={decide.data.status} /> : null}
      </div>
      {decide.isError ? <ReturnsErrorAlert error={decide.error} /> : null}
    </form>
  );
}

/** What a manager's decision did, in words. */
export function DecisionDone({ status, number }: { status: string; number?: string }) {
  const { rt } = useReturnsI18n();
  const said =
    status === 'refunded'
      ? rt('review.approved')
      : status === 'declined'
        ? rt('review.declined')
        : rt('review.stillReview');
  return (
    <p className="alert alert--success" data-testid="decision-done" data-status={status}>
      {number ? `${number}: ${said}` : said}
    </p>
  );
}
