import { Link } from 'react-router';
import { formatTime } from '../common/format-time';
import { formatDuration } from '../common/sla';
import { useNow } from '../common/use-now';
import { useI18n } from '../i18n/use-t';
import { useDebouncedOffline, useOnline } from '../common/use-connectivity';
import { syncHeadline } from './sync-headline';
import type { SyncSummary } from '../../local-db/replica-read';

/**
 * Sync at a glance, on one line under the header: online or not (offline, the line turns amber
 * and says the work is kept), what waits (actions needing attention first, never "All synced"
 * while any does), then how old the oldest is and when the device last heard from the server.
 * The headline never shrinks; the ages give way first on a narrow screen. It opens the activity list.
 */
export function SyncStatus({ summary }: { summary: SyncSummary }) {
  const { t, tp, locale } = useI18n();
  const online = useOnline();
  const showBanner = useDebouncedOffline(online);
  useNow(); // re-render every second, for the ages below
  const now = Date.now();
  const oldest = summary.oldestPendingAt ? Date.parse(summary.oldestPendingAt) : null;
  const headline = syncHeadline(summary);
  const words = headline.map((part) =>
    part.kind === 'attention'
      ? tp('sync.attention', part.count)
      : part.kind === 'pending'
        ? tp('sync.pending', part.count)
        : t(part.kind === 'allSynced' ? 'sync.allSynced' : 'sync.notSyncedYet'),
  );
  const ages = [
    oldest !== null ? t('sync.oldest', { time: formatDuration(Math.max(0, now - oldest), t) }) : null,
    summary.lastSyncAt ? t('sync.lastSync', { time: formatTime(summary.lastSyncAt, locale) }) : null,
  ].filter((part): part is string => part !== null);
  const tone = !online
    ? 'offline'
    : headline.some((part) => part.kind === 'attention')
      ? 'attention'
      : 'online';

  return (
    <Link
      to="/activity"
      className={`sync-status sync-status--${tone}`}
      data-testid="sync-status"
      data-online={String(online)}
      // Only a real count: a placeholder 0 before the outbox is read would say "all synced".
      data-pending={summary.loaded ? summary.pending : undefined}
      data-attention={summary.loaded ? summary.attention : undefined}
    >
      <span className="visually-hidden">{t('sync.statusLabel')}: </span>
      <span className={`sync-status__dot sync-status__dot--${tone}`} aria-hidden="true" />
      <span aria-live="polite" className="sync-status__state">
        {showBanner ? (
          <span className="offline-banner" role="status" data-testid="offline-banner">
            {t('sync.offlineBanner')}
          </span>
        ) : online ? (
          t('sync.online')
        ) : (
          t('sync.offline')
        )}
      </span>
      {words.length > 0 ? <span className="sync-status__headline">{words.join(' · ')}</span> : null}
      {ages.length > 0 ? <span className="sync-status__detail">{ages.join(' · ')}</span> : null}
    </Link>
  );
}
