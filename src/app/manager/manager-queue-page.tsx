import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { QueueItem } from '../../contract/orders';
import {
  fulfillmentTypes,
  openStatuses,
  type FulfillmentType,
  type OrderStatus,
} from '../../domain/order-machine';
import { DownloadingReplica } from '../common/downloading-replica';
import { slaFor, type SlaState } from '../common/sla';
import { useActor } from '../common/use-actor';
import { useNow } from '../common/use-now';
import { ErrorAlert, Loading } from '../ui/alert';
import { Button } from '../ui/button';
import { PageHeading } from '../ui/page-heading';
import { saveFile } from './commands';
import { useManagerI18n } from './i18n/manager-i18n';
import { associatesQuery } from './queries';
import { queueCsv } from './queue-csv';
import { QueueTable } from './queue-table';
import { LockOutsPanel } from './lock-outs';
import { useLiveQueue } from './use-live-queue';
import { workloadOf } from './workload';
import { WorkloadTable } from './workload-table';

const slaFilters = ['all', 'attention', 'late', 'atRisk'] as const;
type SlaFilter = (typeof slaFilters)[number];

function matchesSla(filter: SlaFilter, state: SlaState | undefined): boolean {
  if (filter === 'all') return true;
  if (filter === 'attention') return state === 'late' || state === 'atRisk';
  return state === filter;
}

/** The live queue by status, with SLA timers, assignment and each associate's workload. */
export function ManagerQueuePage() {
  const { mt, mtp, t } = useManagerI18n();
  const actor = useActor();
  const queue = useLiveQueue(actor.storeId);
  const associates = useQuery(associatesQuery());
  const now = useNow();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const [params, setParams] = useSearchParams();
  const status = openStatuses.find((s) => s === params.get('status')) ?? 'any';
  const sla = slaFilters.find((s) => s === params.get('sla')) ?? 'all';
  const type = fulfillmentTypes.find((s) => s === params.get('type')) ?? 'any';
  const update = (key: string, value: string, fallback: string) => {
    const next = new URLSearchParams(params);
    if (value === fallback) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };

  const open: QueueItem[] =
    queue.kind === 'ready' ? queue.orders.filter((o) => openStatuses.includes(o.status)) : [];
  const shown = open.filter(
    (o) =>
      (status === 'any' || o.status === status) &&
      (type === 'any' || o.fulfillmentType === type) &&
      matchesSla(sla, slaFor(o, now)?.state),
  );
  const late = open.filter((o) => slaFor(o, now)?.state === 'late').length;
  const atRisk = open.filter((o) => slaFor(o, now)?.state === 'atRisk').length;
  const staff = associates.data?.associates ?? [];

  const exportCsv = () =>
    saveFile(
      new Blob([queueCsv(shown, now)], { type: 'text/csv;charset=utf-8' }),
      `queue-${actor.storeId}-${new Date(now).toISOString().slice(0, 16).replace(':', '')}.csv`,
    );

  return (
    <div className="stack">
      <div className="page-head">
        <PageHeading>{mt('queue.title')}</PageHeading>
        <Button onClick={exportCsv} disabled={queue.kind !== 'ready'} data-testid="queue-csv">
          {mt('queue.exportCsv')}
        </Button>
      </div>
      <p className="muted">
        {mt('queue.live')}{' '}
        {queue.kind === 'ready' ? (
          <strong data-testid="manager-summary">
            {mt('queue.summary', { late, atRisk, open: open.length })}
          </strong>
        ) : null}
      </p>
      <div className="queue-filters" role="group" aria-label={mt('queue.filters')}>
        <div className="field field--inline">
          <label htmlFor="mq-status">{mt('queue.status')}</label>
          <select id="mq-status" value={status} onChange={(e) => update('status', e.target.value, 'any')}>
            <option value="any">{mt('queue.allOpen')}</option>
            {openStatuses.map((value) => (
              <option key={value} value={value}>
                {t(`status.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="mq-sla">{mt('queue.sla')}</label>
          <select id="mq-sla" value={sla} onChange={(e) => update('sla', e.target.value, 'all')}>
            <option value="all">{mt('queue.slaAll')}</option>
            <option value="attention">{mt('queue.slaLateOrAtRisk')}</option>
            <option value="late">{mt('queue.slaLate')}</option>
            <option value="atRisk">{mt('queue.slaAtRisk')}</option>
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="mq-type">{mt('queue.type')}</label>
          <select id="mq-type" value={type} onChange={(e) => update('type', e.target.value, 'any')}>
            <option value="any">{mt('queue.allTypes')}</option>
            {fulfillmentTypes.map((value) => (
              <option key={value} value={value}>
                {t(`type.${value as FulfillmentType}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div aria-live="polite" role="status" className="mq-message">
        {message ? <p className={message.error ? 'mq-message--error' : undefined}>{message.text}</p> : null}
      </div>
      {associates.isError ? <ErrorAlert error={associates.error} /> : null}
      {queue.kind === 'loading' ? <Loading /> : null}
      {queue.kind === 'downloading' ? <DownloadingReplica /> : null}
      {queue.kind === 'ready' ? (
        <p className="muted" aria-live="polite">
          {mtp('queue.count', shown.length)}
        </p>
      ) : null}
      {queue.kind === 'ready' && shown.length === 0 ? <p className="empty">{mt('queue.empty')}</p> : null}
      {openStatuses.map((s: OrderStatus) => {
        const group = shown.filter((o) => o.status === s);
        return group.length > 0 ? (
          <QueueTable
            key={s}
            status={s}
            orders={group}
            associates={staff}
            now={now}
            onDone={(text) => setMessage({ text, error: false })}
            onError={(text) => setMessage({ text, error: true })}
          />
        ) : null;
      })}
      {queue.kind === 'ready' && staff.length > 0 ? <WorkloadTable rows={workloadOf(staff, open)} /> : null}
      <LockOutsPanel />
    </div>
  );
}
