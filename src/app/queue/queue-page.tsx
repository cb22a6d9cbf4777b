import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { fulfillmentTypes, type FulfillmentType } from '../../domain/order-machine';
import {
  needsWork,
  nextOrderToClaim,
  queueGroupOf,
  sortForWork,
  type QueueGroup,
} from '../../domain/work-queue';
import type { OrderView } from '../../local-db/replica-read';
import { DownloadingReplica } from '../common/downloading-replica';
import { useActor } from '../common/use-actor';
import { useI18n } from '../i18n/use-t';
import { ErrorAlert, Loading } from '../ui/alert';
import { Button, ButtonLink } from '../ui/button';
import { Icon } from '../ui/icon';
import { PageHeading } from '../ui/page-heading';
import { QueueFilters, queueTabs, type QueueTab } from './queue-filters';
import { QueueRow } from './queue-row';
import { useQueue } from './use-queue';
import { useFirstScreenReady } from '../common/after-first-screen';

function readType(value: string | null): FulfillmentType | 'any' {
  return fulfillmentTypes.find((type) => type === value) ?? 'any';
}

function readTab(value: string | null): QueueTab {
  return queueTabs.find((tab) => tab === value) ?? 'todo';
}

const inTab = (tab: QueueTab, group: QueueGroup) =>
  tab === 'all' || (tab === 'todo' ? needsWork(group) : group === 'waiting');

interface Grouped {
  view: OrderView;
  group: QueueGroup;
}

export function QueuePage() {
  const { t, tp } = useI18n();
  const actor = useActor();
  const navigate = useNavigate();
  const queue = useQueue(actor.storeId);
  const [claimError, setClaimError] = useState<unknown>(null);
  const [claiming, setClaiming] = useState(false);
  // Rows, an empty queue or "Downloading…" (which waits for the sync engine) are all in use.
  useFirstScreenReady(queue.kind !== 'loading');
  // Filters live in the URL, so "back" from an order returns to the same view.
  const [params, setParams] = useSearchParams();
  const tab = readTab(params.get('tab'));
  const type = readType(params.get('type'));

  const update = (key: 'tab' | 'type', value: string, fallback: string) => {
    const next = new URLSearchParams(params);
    if (value === fallback) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };

  const ofType =
    queue.kind === 'ready'
      ? queue.orders.filter(({ order }) => type === 'any' || order.fulfillmentType === type)
      : [];
  // An order with units to put back needs work until they are back on the shelf.
  const grouped: Grouped[] = sortForWork(
    ofType.map((view) => ({ view, group: queueGroupOf(view.order, actor.id, view.putBack !== null) })),
    (item) => item.view.order,
    (item) => item.group,
  );
  const counts: Record<QueueTab, number> = {
    todo: grouped.filter((item) => inTab('todo', item.group)).length,
    waiting: grouped.filter((item) => inTab('waiting', item.group)).length,
    all: grouped.length,
  };
  const shown = grouped.filter((item) => inTab(tab, item.group));
  const next = nextOrderToClaim(
    ofType.map((view) => view.order),
    actor.id,
  );

  const claimNext = async () => {
    if (!next) return;
    setClaimError(null);
    setClaiming(true);
    try {
      // The command layer loads on the tap (it is the order page's, preloaded when idle), so
      // the queue's first chunk stays light.
      const { enqueueCommand } = await import('../../local-db/enqueue');
      await enqueueCommand({ name: 'order.claim', args: { orderId: next.id }, actor });
      void navigate(`/orders/${next.id}`);
    } catch (error) {
      setClaimError(error);
    } finally {
      setClaiming(false);
    }
  };

  return (
    <div className="stack queue-page">
      <div className="page-head">
        <PageHeading>{t('queue.title')}</PageHeading>
        {queue.kind === 'ready' ? (
          <p className="muted" aria-live="polite">
            {tp('queue.count', shown.length)}
          </p>
        ) : null}
      </div>
      {queue.kind === 'ready' ? (
        <Button
          variant="primary"
          size="lg"
          onClick={() => void claimNext()}
          disabled={next === null}
          busy={claiming}
          data-testid="next-order"
        >
          {next ? t('queue.nextOrder', { number: next.number }) : t('queue.noNextOrder')}
        </Button>
      ) : null}
      {claimError ? <ErrorAlert error={claimError} /> : null}
      <nav className="queue-tools" aria-label={t('queue.tools')}>
        <ButtonLink to="/ship" data-testid="ship-link">
          <Icon name="box" /> {t('queue.shipFromStore')}
        </ButtonLink>
        <ButtonLink to="/stock" data-testid="stock-link">
          <Icon name="search" /> {t('queue.stockLookup')}
        </ButtonLink>
        <ButtonLink to="/arrivals" data-testid="arrivals-link">
          <Icon name="box" /> {t('queue.arrivals')}
        </ButtonLink>
      </nav>
      <QueueFilters
        tab={tab}
        counts={counts}
        type={type}
        onTab={(value) => update('tab', value, 'todo')}
        onType={(value) => update('type', value, 'any')}
      />
      {queue.kind === 'loading' ? <Loading /> : null}
      {queue.kind === 'downloading' ? <DownloadingReplica /> : null}
      {queue.kind === 'ready' && shown.length === 0 ? (
        <div className="empty">
          <p className="empty__title">{t(tab === 'todo' ? 'queue.emptyTodo' : 'queue.empty')}</p>
          <p>{t('queue.emptyHint')}</p>
        </div>
      ) : null}
      {groupsOf(shown).map(({ group, items }) => (
        <section key={group} aria-labelledby={`queue-group-${group}`} className="queue-group">
          <h2 id={`queue-group-${group}`} className="queue-group__title">
            {t(`queue.group.${group}`)} <span className="muted">({items.length})</span>
          </h2>
          <ul className="queue-list">
            {items.map(({ view }) => (
              <QueueRow key={view.order.id} view={view} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** Consecutive runs of one group (the list is sorted by group first). */
function groupsOf(items: Grouped[]): { group: QueueGroup; items: Grouped[] }[] {
  const runs: { group: QueueGroup; items: Grouped[] }[] = [];
  for (const item of items) {
    const last = runs.at(-1);
    if (last && last.group === item.group) last.items.push(item);
    else runs.push({ group: item.group, items: [item] });
  }
  return runs;
}
