import type { LookupResult } from '../../sync/stock-lookup';
import { formatDuration } from '../common/sla';
import { useNow } from '../common/use-now';
import { useI18n } from '../i18n/use-t';
import { useOnline } from '../common/use-connectivity';
import { Notice } from '../ui/alert';

/**
 * "Shown from 14:02, 25 min ago — you are offline": offline, every answer on screen is an old
 * one (kept on the device, or still in memory), and says how old.
 */
export function CachedNotice({
  result,
}: {
  result: Pick<LookupResult<unknown>, 'receivedAt' | 'fromDevice'>;
}) {
  const { t, locale } = useI18n();
  const online = useOnline();
  useNow(); // re-render every second, for the age
  if (online && !result.fromDevice) return null;
  const time = new Date(result.receivedAt).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  const age = formatDuration(Math.max(0, Date.now() - result.receivedAt), t);
  return (
    <Notice tone="warning">
      <p data-testid="lookup-cached">{t('stock.cached', { time, age })}</p>
    </Notice>
  );
}

/** How long ago the server changed a figure, in words ("5 min"), on the server's clock. */
export function useAgeOf(): (iso: string) => string {
  const { t } = useI18n();
  const now = useNow();
  return (iso) => formatDuration(Math.max(0, now - Date.parse(iso)), t);
}
