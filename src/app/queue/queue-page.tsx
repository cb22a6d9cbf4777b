import { useSearchParams } from 'react-router';
import { fulfillmentTypes, isOpen, type FulfillmentType } from '../../domain/order-machine';
import { DownloadingReplica } from '../common/downloading-replica';
import { useActor } from '../common/use-actor';
import { useI18n } from '../i18n/use-t';
import { Loading } from '../ui/alert';
import { ButtonLink } from '../ui/button';
import { Icon } from '../ui/icon';
import { PageHeading } from '../ui/page-heading';
import { QueueFilters, type ShowFilter } from './queue-filters';
import { QueueRow } from './queue-row';
import { useQueue } from './use-queue';
import { useFirstScreenReady } from '../common/after-first-screen';

function readType(value: string | null): FulfillmentType | 'any' {
  return fulfillmentTypes.find((type) => type === value) ?? 'any';
}

export function QueuePage() {
  const { t, tp } = useI18n();
  const actor = useActor();
  const queue = useQueue(actor.storeId);
  // Rows, an empty queue or "Downloading…" (which waits for the sync engine) are all in use.
  useFirstScreenReady(queue.kind !== 'loading');
  // Filters live in the URL, so "back" from an order returns to the same view.
  const [params, setParams] = useSearchParams();
  const show: ShowFilter = params.get('show') === 'all' ? 'all' : 'open';
  const type = readType(params.get('type'));

  const update = (key: 'show' | 'type', value: string, fallback: string) => {
    const next = new URLSearchParams(params);
    if (value === fallback) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };

  // An order with units to put back stays in the open view until they are back on the shelf.
  const orders =
    queue.kind === 'ready'
      ? queue.orders.filter(
          ({ order, putBack }) =>
            (show === 'all' || isOpen(order.status) || putBack !== null) &&
            (type === 'any' || order.fulfillmentType === type),
        )
      : [];

  return (
    <div className="stack">
      <div className="page-head">
        <PageHeading>{t('queue.title')}</PageHeading>
        {queue.kind === 'ready' ? (
          <p className="muted" aria-live="polite">
            {tp('queue.count', orders.length)}
          </p>
        ) : null}
        <ButtonLink to="/ship" data-testid="ship-link">
          <Icon name="box" /> {t('queue.shipFromStore')}
        </ButtonLink>
        <ButtonLink to="/stock" data-testid="stock-link">
          <Icon name="search" /> {t('queue.stockLookup')}
        </ButtonLink>
        <ButtonLink to="/arrivals" data-testid="arrivals-link">
          <Icon name="box" /> {t('queue.arrivals')}
        </ButtonLink>
      </div>
      <QueueFilters
        show={show}
        type={type}
        onShow={(value) => update('show', value, 'open')}
        onType={(value) => update('type', value, 'any')}
      />
      {queue.kind === 'loading' ? <Loading /> : null}
      {queue.kind === 'downloading' ? <DownloadingReplica /> : null}
      {queue.kind === 'ready' && orders.length === 0 ? (
        <div className="empty">
          <p className="empty__title">{t('queue.empty')}</p>
          <p>{t('queue.emptyHint')}</p>
        </div>
      ) : null}
      {orders.length > 0 ? (
        <ul className="queue-list">
          {orders.map((view) => (
            <QueueRow key={view.order.id} view={view} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}
