import type { OrderStatus } from '../../domain/order-machine';
import type { Translate } from '../i18n/translate';

export type SlaState = 'onTime' | 'atRisk' | 'late';

export const AT_RISK_MS = 15 * 60_000;

/** The promise is about being ready (or shipped); after that the clock no longer matters. */
const timedStatuses: ReadonlySet<OrderStatus> = new Set(['new', 'picking', 'picked', 'packed']);

export interface Sla {
  state: SlaState;
  /** Negative when late. */
  remainingMs: number;
}

export function slaFor(order: { status: OrderStatus; promisedAt: string }, now: number): Sla | null {
  if (!timedStatuses.has(order.status)) return null;
  const promised = Date.parse(order.promisedAt);
  if (!Number.isFinite(promised)) return null;
  const remainingMs = promised - now;
  const state: SlaState = remainingMs < 0 ? 'late' : remainingMs < AT_RISK_MS ? 'atRisk' : 'onTime';
  return { state, remainingMs };
}

/** "23 min", "1 h 5 min", "2 d 3 h"; seconds only in the last minute. */
export function formatDuration(ms: number, t: Translate): string {
  const totalSeconds = Math.floor(Math.abs(ms) / 1000);
  if (totalSeconds < 60) return t('duration.seconds', { s: totalSeconds });
  const totalMinutes = Math.floor(totalSeconds / 60);
  if (totalMinutes < 60) return t('duration.minutes', { m: totalMinutes });
  const totalHours = Math.floor(totalMinutes / 60);
  if (totalHours < 24) return t('duration.hoursMinutes', { h: totalHours, m: totalMinutes % 60 });
  return t('duration.daysHours', { d: Math.floor(totalHours / 24), h: totalHours % 24 });
}

export function slaText(sla: Sla, t: Translate): string {
  const time = formatDuration(sla.remainingMs, t);
  return sla.state === 'late' ? t('sla.late', { time }) : t('sla.dueIn', { time });
}
