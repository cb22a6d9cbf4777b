import { Link } from 'react-router';
import type { OrderStatus } from '../../domain/order-machine';
import { discardCommand, escalateCommand, resendCommand } from '../../local-db/outbox-decisions';
import { needsAttention, type OutboxRecord } from '../../local-db/outbox-record';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/use-t';
import { Button } from '../ui/button';
import { attentionReason } from './attention-reason';

function stateKey(record: OutboxRecord, online: boolean): MessageKey {
  if (needsAttention(record)) return 'activity.state.attention';
  switch (record.status) {
    case 'inflight':
      return 'activity.state.sending';
    case 'retrying':
      return 'activity.state.waiting';
    case 'pending':
      return online ? 'activity.state.saved' : 'activity.state.waiting';
    default:
      return 'activity.state.synced';
  }
}

function useDescribe() {
  const { t, tp } = useI18n();
  return (record: OutboxRecord) =>
    t(`command.${record.name}`, {
      code: String(record.args.code ?? ''),
      qty: Number(record.args.qty ?? 0),
      location: String(record.args.locationCode ?? '').toUpperCase(),
      units: tp('activity.units', Array.isArray(record.args.units) ? record.args.units.length : 0),
    });
}

/** A customer return has its own screen: what was taken, and how to send it again. */
const returnPathOf = (record: OutboxRecord) =>
  record.name === 'return.submit' ? `/returns/r/${encodeURIComponent(String(record.args.returnId))}` : null;

/** One action in the list: what, on which order, when, and its state in words. */
export function ActivityItem({ record, online }: { record: OutboxRecord; online: boolean }) {
  const { t, locale } = useI18n();
  const describe = useDescribe();
  return (
    <li
      className="activity-item"
      data-testid="outbox-item"
      data-status={record.status}
      data-name={record.name}
    >
      <span className="activity-item__what">{describe(record)}</span>
      <span className="muted">
        {record.orderNumber ? t('activity.order', { number: record.orderNumber }) : null} ·{' '}
        {new Date(record.createdAt).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })}
      </span>
      <span className={`activity-item__state activity-item__state--${record.status}`}>
        {t(stateKey(record, online))}
      </span>
    </li>
  );
}

/** A refused or blocked action, why, and what the associate can do about it. */
export function AttentionItem({ record, orderStatus }: { record: OutboxRecord; orderStatus?: OrderStatus }) {
  const { t, locale } = useI18n();
  const describe = useDescribe();
  return (
    <li
      className="card stack attention-item"
      data-testid="attention-item"
      data-code={record.lastError?.code ?? ''}
      data-name={record.name}
    >
      <p className="activity-item__what">
        {describe(record)}
        {record.orderNumber ? ` · ${t('activity.order', { number: record.orderNumber })}` : null}
      </p>
      {attentionReason(record, orderStatus).map((key) => (
        <p key={key}>{t(key)}</p>
      ))}
      {returnPathOf(record) ? (
        <p>
          <Link to={returnPathOf(record)!}>{t('activity.openReturn')}</Link>
        </p>
      ) : null}
      {record.escalatedAt ? (
        <p className="muted">
          {t('activity.managerAsked', {
            time: new Date(record.escalatedAt).toLocaleTimeString(locale, {
              hour: '2-digit',
              minute: '2-digit',
            }),
          })}
        </p>
      ) : null}
      <div className="button-row">
        {/* A new command with the same arguments: after a fix on the floor, or once a blocker is gone. */}
        <Button variant="primary" onClick={() => void resendCommand(record.id)}>
          {t('activity.sendAgain')}
        </Button>
        {record.escalatedAt ? null : (
          <Button onClick={() => void escalateCommand(record.id)}>{t('activity.askManager')}</Button>
        )}
        <Button variant="danger" onClick={() => void discardCommand(record.id)}>
          {t('activity.discard')}
        </Button>
      </div>
    </li>
  );
}
