import { useId } from 'react';
import type { ReturnableOrder } from '../../contract/returns';
import { useReturnsI18n } from './i18n/returns-i18n';
import { RefundTable } from './refund-table';
import type { ReturnCheck } from './return-check';
import { ViolationList } from './violation-list';

/**
 * The live policy check and the refund it leads to. The headline is a polite live region, so a
 * screen reader hears "Outside the policy" the moment a unit makes it so; the details follow.
 */
export function PolicySection({ order, check }: { order: ReturnableOrder; check: ReturnCheck }) {
  const { rt, errorText } = useReturnsI18n();
  const titleId = useId();
  const { outcome } = check;
  const tone =
    outcome === 'allowed'
      ? 'success'
      : outcome === 'blocked' || outcome === 'notDelivered'
        ? 'error'
        : outcome === 'overridable'
          ? 'warning'
          : 'info';
  return (
    <section
      className="card stack"
      aria-labelledby={titleId}
      data-testid="return-policy"
      data-outcome={outcome}
    >
      <h2 id={titleId} className="section-title">
        {rt('policy.title')}
      </h2>
      <div className={`alert alert--${tone}`}>
        <p role="status" aria-live="polite" aria-atomic="true">
          <strong>{rt(`policy.${outcome}`)}</strong>
        </p>
      </div>
      {check.failure ? <p className="field__error">{errorText({ code: check.failure })}</p> : null}
      {check.violations.length > 0 ? (
        <ViolationList violations={check.violations} lines={order.lines} />
      ) : null}
      {outcome === 'overridable' ? <p>{rt('policy.overridableHint')}</p> : null}
      {outcome === 'blocked' ? <p>{rt('policy.blockedHint')}</p> : null}
      {check.refund.ok ? (
        <RefundTable
          refund={check.refund.refund}
          lines={order.lines}
          currency={order.currency}
          payment={order.payment}
          caption={outcome === 'overridable' ? rt('refund.previewIfApproved') : rt('refund.preview')}
        />
      ) : outcome !== 'empty' && check.refund.code !== 'refund.emptyReturn' ? (
        <p className="muted">{rt('refund.unavailable')}</p>
      ) : null}
    </section>
  );
}
