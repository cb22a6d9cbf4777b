import type { OrderStatus } from '../../domain/order-machine';
import { useI18n } from '../i18n/use-t';
import { Icon } from '../ui/icon';
import { slaFor, slaText } from './sla';
import { useNow } from './use-now';

interface SlaCountdownProps {
  order: { status: OrderStatus; promisedAt: string };
}

/**
 * A live "Due in / Late by" timer. Colour is never the only cue: an icon and the words
 * "At risk" or "Late" say the same. Not a live region: a voice reading it every second would drown the page.
 */
export function SlaCountdown({ order }: SlaCountdownProps) {
  const { t, locale } = useI18n();
  const now = useNow();
  const sla = slaFor(order, now);
  const promised = new Date(order.promisedAt);
  const promisedLabel = t('sla.promised', {
    time: promised.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' }),
  });
  if (!sla) return <span className="sla sla--none">{promisedLabel}</span>;
  const icon = sla.state === 'late' ? 'alert' : sla.state === 'atRisk' ? 'warning' : 'clock';
  return (
    <span className={`sla sla--${sla.state}`} title={promisedLabel}>
      <Icon name={icon} />
      {sla.state === 'atRisk' ? <span className="sla__tag">{t('sla.atRisk')}</span> : null}
      <span>{slaText(sla, t)}</span>
    </span>
  );
}
