import { useQuery } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId } from 'react';
import { Link } from 'react-router';
import type { ReturnSummary } from '../../contract/returns';
import { readLocalReturns, type LocalReturnView } from '../../local-db/local-returns';
import { useActor } from '../common/use-actor';
import { useOnline } from '../common/use-connectivity';
import { useSession } from '../common/use-session';
import { ButtonLink } from '../ui/button';
import { useReturnsI18n } from './i18n/returns-i18n';
import { returnPath, reviewPath } from './paths';
import { returnListQuery } from './queries';
import { ReturnStatusBadge, localStatusOf } from './status-badge';

const RECENT = 10;

/** Below the search: this device's returns (also offline), then the store's, and what waits for a manager. */
export function RecentReturns() {
  const actor = useActor();
  const online = useOnline();
  return (
    <>
      <DeviceReturns storeId={actor.storeId} />
      {online ? <StoreReturns /> : null}
    </>
  );
}

function DeviceReturns({ storeId }: { storeId: string }) {
  const { rt } = useReturnsI18n();
  const titleId = useId();
  const views = useLiveQuery(() => readLocalReturns(storeId), [storeId]);
  if (!views || views.length === 0) return null;
  return (
    <section className="stack" aria-labelledby={titleId}>
      <h2 id={titleId} className="section-title">
        {rt('recent.device')}
      </h2>
      <ul className="return-hits">
        {views.map((view) => (
          <DeviceReturnItem key={view.row.returnId} view={view} />
        ))}
      </ul>
    </section>
  );
}

function DeviceReturnItem({ view }: { view: LocalReturnView }) {
  const { rt, rtp, dateTime } = useReturnsI18n();
  const { row } = view;
  return (
    <li>
      <Link
        className="link-card return-hit"
        to={returnPath(row.returnId)}
        data-testid="device-return"
        data-state={view.state}
      >
        <span className="return-hit__number">
          {view.outcome?.number ?? rt('find.order', { number: row.shown.order.number })}
        </span>
        <span>
          {row.shown.order.customerName} · {rtp('find.units', row.args.units.length)} ·{' '}
          {dateTime(row.createdAt)}
        </span>
        <ReturnStatusBadge status={localStatusOf(view)} />
      </Link>
    </li>
  );
}

function StoreReturns() {
  const { rt, rtp } = useReturnsI18n();
  const session = useSession();
  const manager = session?.associate.role === 'manager';
  const review = useQuery(returnListQuery('review'));
  const recent = useQuery(returnListQuery('all'));
  const reviewId = useId();
  const recentId = useId();
  const waiting = review.data?.returns.length ?? 0;
  return (
    <>
      {review.data ? (
        <section className="card stack" aria-labelledby={reviewId}>
          <h2 id={reviewId} className="section-title">
            {rt('recent.review')}
          </h2>
          <p aria-live="polite" data-testid="review-count" data-count={waiting}>
            {waiting === 0 ? rt('recent.reviewNone') : rtp('recent.reviewCount', waiting)}
          </p>
          {manager && waiting > 0 ? (
            <ButtonLink to={reviewPath} variant="primary">
              {rt('recent.openReview')}
            </ButtonLink>
          ) : null}
        </section>
      ) : null}
      {recent.data && recent.data.returns.length > 0 ? (
        <section className="stack" aria-labelledby={recentId}>
          <h2 id={recentId} className="section-title">
            {rt('recent.store')}
          </h2>
          <ul className="return-hits">
            {recent.data.returns.slice(0, RECENT).map((summary) => (
              <StoreReturnItem key={summary.id} summary={summary} />
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function StoreReturnItem({ summary }: { summary: ReturnSummary }) {
  const { rt, rtp, dateTime } = useReturnsI18n();
  return (
    <li>
      <Link className="link-card return-hit" to={returnPath(summary.id)} data-testid="store-return">
        <span className="return-hit__number">{summary.number}</span>
        <span>
          {rt('find.order', { number: summary.orderNumber })} · {summary.customerName} ·{' '}
          {rtp('find.units', summary.units)} · {dateTime(summary.takenAt)}
        </span>
        <ReturnStatusBadge status={summary.status} />
      </Link>
    </li>
  );
}
