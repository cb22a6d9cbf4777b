import { useMemo } from 'react';
import type { OrderStatus } from '../../domain/order-machine';
import { useI18n } from '../i18n/use-t';
import { Icon } from '../ui/icon';
import { formatTime } from './format-time';
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
  const promisedLabel = useMemo(
    () => t('sla.promised', { time: formatTime(new Date(order.promisedAt), locale) }),
    [t, locale, order.promisedAt],
  );
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
