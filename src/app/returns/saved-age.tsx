import { formatDuration } from '../common/sla';
import { useNow } from '../common/use-now';
import { useI18n } from '../i18n/use-t';
import { Notice } from '../ui/alert';
import { useReturnsI18n } from './i18n/returns-i18n';

/** "5 min": how long ago this device received something (device clock). */
export function useAge(): (savedAt: number) => string {
  const { t } = useI18n();
  useNow(); // re-render every second, for the age
  return (savedAt) => formatDuration(Math.max(0, Date.now() - savedAt), t);
}

/** Offline: what is on screen was kept on this device, and this is how old it is. */
export function DeviceCopyNotice({ savedAt }: { savedAt: number }) {
  const { rt, locale } = useReturnsI18n();
  const age = useAge();
  const time = new Date(savedAt).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  return (
    <Notice tone="warning">
      <p data-testid="return-cached">{rt('cached.order', { time, age: age(savedAt) })}</p>
    </Notice>
  );
}
