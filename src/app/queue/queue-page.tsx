import { useSearchParams } from 'react-router';
import { fulfillmentTypes, isOpen, type FulfillmentType } from '../../domain/order-machine';
import { useI18n } from '../i18n/use-t';
import { ErrorAlert, Loading } from '../ui/alert';
import { Button } from '../ui/button';
import { PageHeading } from '../ui/page-heading';
import { useQueue } from './queries';
import { QueueFilters, type ShowFilter } from './queue-filters';
import { QueueRow } from './queue-row';

function readType(value: string | null): FulfillmentType | 'any' {
  return fulfillmentTypes.find((type) => type === value) ?? 'any';
}

export function QueuePage() {
  const { t, tp } = useI18n();
  const queue = useQueue();
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

  const orders = (queue.data?.orders ?? []).filter(
    (order) => (show === 'all' || isOpen(order.status)) && (type === 'any' || order.fulfillmentType === type),
  );

  return (
    <div className="stack">
      <div className="page-head">
        <PageHeading>{t('queue.title')}</PageHeading>
        {queue.data ? (
          <p className="muted" aria-live="polite">
            {tp('queue.count', orders.length)}
          </p>
        ) : null}
      </div>
      <QueueFilters
        show={show}
        type={type}
        onShow={(value) => update('show', value, 'open')}
        onType={(value) => update('type', value, 'any')}
      />
      {queue.isPending ? <Loading /> : null}
      {queue.isError ? (
        <ErrorAlert error={queue.error}>
          {queue.data ? <p>{t('queue.refreshError')}</p> : null}
          <Button onClick={() => void queue.refetch()}>{t('common.retry')}</Button>
        </ErrorAlert>
      ) : null}
      {queue.data && orders.length === 0 ? (
        <div className="empty">
          <p className="empty__title">{t('queue.empty')}</p>
          <p>{t('queue.emptyHint')}</p>
        </div>
      ) : null}
      {orders.length > 0 ? (
        <ul className="queue-list">
          {orders.map((order) => (
            <QueueRow key={order.id} order={order} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}
