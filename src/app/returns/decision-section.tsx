import { useId } from 'react';
import { useOnline } from '../common/use-connectivity';
import { Button } from '../ui/button';
import { RadioGroup } from '../ui/radio-group';
import type { ManagerApproval } from './approval-dialog';
import { useReturnsI18n } from './i18n/returns-i18n';
import { MAX_REASON, MIN_REASON } from './reason-rules';

/**
 * What happens to a return the policy refuses:
 * - override: the signed-in manager sets the policy aside, with a reason;
 * - approval: a manager approves now on this device with their PIN (needs the network);
 * - review: it goes as it is, and waits in the manager's review queue (works offline).
 */
export type DecisionChoice = 'override' | 'approval' | 'review';

export function DecisionSection({
  manager,
  choice,
  onChoice,
  overrideReason,
  onOverrideReason,
  approval,
  onAskApproval,
  onDropApproval,
  invalid,
}: {
  manager: boolean;
  choice: DecisionChoice;
  onChoice: (choice: DecisionChoice) => void;
  overrideReason: string;
  onOverrideReason: (reason: string) => void;
  approval: ManagerApproval | null;
  onAskApproval: () => void;
  onDropApproval: () => void;
  invalid: boolean;
}) {
  const { rt } = useReturnsI18n();
  const online = useOnline();
  const id = useId();
  const options: DecisionChoice[] = manager ? ['override', 'review'] : ['approval', 'review'];
  return (
    <section className="card stack" aria-labelledby={`${id}-title`} data-testid="return-decision">
      <h2 id={`${id}-title`} className="section-title">
        {rt('decision.title')}
      </h2>
      <RadioGroup
        legend={rt('decision.legend')}
        name={`${id}-choice`}
        options={options}
        value={choice}
        onChange={onChoice}
        label={(option) => rt(`decision.${option}`)}
      />
      {choice === 'override' ? (
        <div className="field">
          <label htmlFor={`${id}-reason`}>{rt('override.reason')}</label>
          <p id={`${id}-hint`} className="field__hint">
            {rt('override.reasonHint', { min: MIN_REASON })}
          </p>
          <textarea
            id={`${id}-reason`}
            name="override-reason"
            rows={3}
            maxLength={MAX_REASON}
            value={overrideReason}
            onChange={(e) => onOverrideReason(e.target.value)}
            aria-describedby={`${id}-hint`}
            aria-invalid={invalid || undefined}
          />
        </div>
      ) : null}
      {choice === 'approval' ? (
        approval ? (
          <div className="alert alert--success" data-testid="return-approval">
            <div>
              <p role="status">
                {rt('approval.given', { manager: approval.manager.name, reason: approval.reason })}
              </p>
              <Button variant="ghost" onClick={onDropApproval}>
                {rt('approval.drop')}
              </Button>
            </div>
          </div>
        ) : (
          <div className="stack">
            <Button
              variant="primary"
              onClick={onAskApproval}
              disabled={!online}
              aria-describedby={`${id}-approval-hint`}
            >
              {rt('approval.ask')}
            </Button>
            <p id={`${id}-approval-hint`} className="field__hint">
              {online ? rt('approval.askHint') : rt('approval.offline')}
            </p>
          </div>
        )
      ) : null}
      {choice === 'review' ? <p>{rt('decision.reviewHint')}</p> : null}
    </section>
  );
}
