import { useLiveQuery } from 'dexie-react-hooks';
import { needsAttention } from '../../local-db/outbox-record';
import { readActivity, readOrderStatuses } from '../../local-db/replica-read';
import { useActor } from '../common/use-actor';
import { useT } from '../i18n/use-t';
import { Loading } from '../ui/alert';
import { PageHeading } from '../ui/page-heading';
import { useOnline } from '../common/use-connectivity';
import { ActivityItem, AttentionItem } from './activity-item';

/** Every action of this associate on this device, and the ones that need a decision first. */
export function ActivityPage() {
  const t = useT();
  const actor = useActor();
  const online = useOnline();
  const data = useLiveQuery(
    async () => ({ records: await readActivity(actor.id), statuses: await readOrderStatuses() }),
    [actor.id],
  );
  if (!data) return <Loading />;
  const attention = data.records.filter(needsAttention);

  return (
    <div className="stack">
      <PageHeading>{t('activity.title')}</PageHeading>
      {attention.length > 0 ? (
        <section className="stack" aria-labelledby="attention-title">
          <h2 id="attention-title" className="section-title">
            {t('activity.attentionTitle')}
          </h2>
          <ul className="stack attention-list">
            {attention.map((record) => (
              <AttentionItem
                key={record.id}
                record={record}
                orderStatus={data.statuses.get(String(record.args.orderId))}
              />
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="activity-all-title">
        <h2 id="activity-all-title" className="section-title">
          {t('activity.allTitle')}
        </h2>
        {data.records.length === 0 ? (
          <p className="muted">{t('activity.empty')}</p>
        ) : (
          <ul className="activity-list">
            {data.records.map((record) => (
              <ActivityItem key={record.id} record={record} online={online} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
