import type { FulfillmentType, OrderStatus } from '../../domain/order-machine';
import { useT } from '../i18n/use-t';

export function StatusBadge({ status, testId }: { status: OrderStatus; testId?: string }) {
  const t = useT();
  return (
    <span className={`badge badge--status badge--${status}`} data-testid={testId} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}

export function TypeBadge({ type }: { type: FulfillmentType }) {
  const t = useT();
  return <span className={`badge badge--type badge--${type}`}>{t(`type.${type}`)}</span>;
}
