import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { ReturnSummary } from '../../contract/returns';
import { isApiError } from '../../sync/api-client';
import { useActor } from '../common/use-actor';
import { useOnline } from '../common/use-connectivity';
import { useSession } from '../common/use-session';
import { Loading, Notice } from '../ui/alert';
import { Button, ButtonLink } from '../ui/button';
import { PageHeading } from '../ui/page-heading';
import { ReturnsErrorAlert } from './returns-error';
import { useReturnsI18n } from './i18n/returns-i18n';
import { DecisionDone, ManagerDecision } from './manager-decision';
import { findPath, returnPath } from './paths';
import { returnDetailQuery, returnListQuery, returnOrderQuery, useReturnSettings } from './queries';
import { previewRefund } from './returnable';
import { conditionLabel, dispositionLabel, reasonLabel } from './unit-fields';
import { ViolationList } from './violation-list';
import { lineName } from '../common/localized';

/**
 * The manager's queue of returns the policy refused (or the server found already returned):
 * why each waits, what came back and what it is worth, and a decision with a reason.
 */
export function ReviewPage() {
  const { rt, rtp, t } = useReturnsI18n();
  const session = useSession();
  const online = useOnline();
  const manager = session?.associate.role === 'manager';
  const list = useQuery({ ...returnListQuery('review'), enabled: manager });
  const [done, setDone] = useState<{ number: string; status: string } | null>(null);

  if (!manager) {
    return (
      <div className="stack">
        <PageHeading>{rt('review.title')}</PageHeading>
        <Notice>
          <p data-testid="review-managers-only">{rt('review.managersOnly')}</p>
        </Notice>
        <ButtonLink to={findPath}>{rt('review.back')}</ButtonLink>
      </div>
    );
  }
  return (
    <div className="stack">
      <div className="page-head">
        <PageHeading>{rt('review.title')}</PageHeading>
        {list.data ? (
          <p className="muted" aria-live="polite">
            {rtp('recent.reviewCount', list.data.returns.length)}
          </p>
        ) : null}
      </div>
      {!online ? (
        <Notice tone="warning">
          <p>{rt('review.offline')}</p>
        </Notice>
      ) : null}
      {list.isPending && online ? <Loading /> : null}
      {list.isError && !(isApiError(list.error) && list.error.status === 0) ? (
        <ReturnsErrorAlert error={list.error}>
          <Button onClick={() => void list.refetch()}>{t('common.retry')}</Button>
        </ReturnsErrorAlert>
      ) : null}
      {/* The decided return leaves the list: the page, not the item, says what happened. */}
      <div role="status" aria-live="polite">
        {done ? <DecisionDone status={done.status} number={done.number} /> : null}
      </div>
      {list.data && list.data.returns.length === 0 ? (
        <p data-testid="review-empty">{rt('review.empty')}</p>
      ) : null}
      {list.data && list.data.returns.length > 0 ? (
        <ul className="stack review-list">
          {list.data.returns.map((summary) => (
            <ReviewItem
              key={summary.id}
              summary={summary}
              onDecided={(status) => setDone({ number: summary.number, status })}
            />
          ))}
        </ul>
      ) : null}
      <ButtonLink to={findPath}>{rt('review.back')}</ButtonLink>
    </div>
  );
}

function ReviewItem({ summary, onDecided }: { summary: ReturnSummary; onDecided: (status: string) => void }) {
  const { rt, rtp, language, dateTime, money } = useReturnsI18n();
  const actor = useActor();
  const titleId = useId();
  const detail = useQuery(returnDetailQuery(summary.id));
  const order = useQuery(returnOrderQuery(actor.storeId, summary.orderId));
  const settings = useReturnSettings();

  // What approving would refund, computed as the server will (the order's history, these units).
  const value =
    detail.data && order.data && settings.data
      ? previewRefund(order.data.order, [], summary.id, detail.data.units, settings.data.value.shippingRule)
      : null;

  return (
    <li
      className="card stack review-item"
      aria-labelledby={titleId}
      data-testid="review-item"
      data-number={summary.number}
    >
      <div className="page-head">
        <h2 id={titleId} className="section-title">
          <Link to={returnPath(summary.id)}>{summary.number}</Link>
        </h2>
        <span className="muted">{dateTime(summary.takenAt)}</span>
      </div>
      <p>
        {rt('find.order', { number: summary.orderNumber })} · {summary.customerName} ·{' '}
        {rtp('find.units', summary.units)}
        {summary.storeId !== actor.storeId
          ? ` · ${rt('review.takenElsewhere', { store: summary.storeId })}`
          : ''}
      </p>
      {value?.ok ? (
        <p data-testid="review-value">
          {rt('review.value', { amount: money(value.refund.totalCents, detail.data?.currency ?? 'EUR') })}
        </p>
      ) : null}
      {detail.isPending ? <Loading /> : null}
      {detail.isError ? <ReturnsErrorAlert error={detail.error} /> : null}
      {detail.data ? (
        <>
          <ViolationList violations={detail.data.violations} lines={detail.data.units} />
          <ul className="return-taken">
            {detail.data.units.map((u) => (
              <li key={u.unitNo}>
                <strong>
                  {lineName(u, language)} · {u.size}
                </strong>{' '}
                — {reasonLabel(rt, u.reason)} · {conditionLabel(rt, u.condition)} ·{' '}
                {dispositionLabel(rt, u.disposition)}
              </li>
            ))}
          </ul>
          <p className="muted">{rt('review.takenBy', { name: detail.data.takenBy.name })}</p>
          <ManagerDecision
            returnId={summary.id}
            label={rt('review.decideFor', { number: summary.number })}
            onDecided={onDecided}
          />
        </>
      ) : null}
    </li>
  );
}
