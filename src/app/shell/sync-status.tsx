import { Link } from 'react-router';
import { formatDuration } from '../common/sla';
import { useNow } from '../common/use-now';
import { useI18n } from '../i18n/use-t';
import { useDebouncedOffline, useOnline } from './use-connectivity';
import type { SyncSummary } from '../../local-db/replica-read';

/**
 * Sync at a glance under the header: online or not, how many actions wait and for how long,
 * and when the device last heard from the server. It links to the activity list.
 */
export function SyncStatus({ summary }: { summary: SyncSummary }) {
  const { t, tp, locale } = useI18n();
  const online = useOnline();
  const showBanner = useDebouncedOffline(online);
  useNow(); // re-render every second, for the ages below
  const now = Date.now();
  const oldest = summary.oldestPendingAt ? Date.parse(summary.oldestPendingAt) : null;
  const parts = [
    !summary.loaded ? null : summary.pending > 0 ? tp('sync.pending', summary.pending) : t('sync.allSynced'),
    oldest !== null ? t('sync.oldest', { time: formatDuration(Math.max(0, now - oldest), t) }) : null,
    summary.lastSyncAt
      ? t('sync.lastSync', {
          time: new Date(summary.lastSyncAt).toLocaleTimeString(locale, {
            hour: '2-digit',
            minute: '2-digit',
          }),
        })
      : t('sync.neverSynced'),
  ].filter((part): part is string => part !== null);

  return (
    <>
      <div aria-live="polite" className="offline-banner__region">
        {showBanner ? (
          <div className="offline-banner" role="status" data-testid="offline-banner">
            {t('sync.offlineBanner')}
          </div>
        ) : null}
      </div>
      <Link
        to="/activity"
        className="sync-status"
        data-testid="sync-status"
        data-online={String(online)}
        // Only a real count: a placeholder 0 before the outbox is read would say "all synced".
        data-pending={summary.loaded ? summary.pending : undefined}
      >
        <span className="visually-hidden">{t('sync.statusLabel')}: </span>
        <span
          className={`sync-status__dot sync-status__dot--${online ? 'online' : 'offline'}`}
          aria-hidden="true"
        />
        <span className="sync-status__state">{online ? t('sync.online') : t('sync.offline')}</span>
        <span className="sync-status__detail">{parts.join(' · ')}</span>
      </Link>
    </>
  );
}
