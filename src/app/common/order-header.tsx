import type { OrderDetail } from '../../contract/orders';
import { isHandedOverInStore, isOpen } from '../../domain/order-machine';
import { useT } from '../i18n/use-t';
import { ButtonLink } from '../ui/button';
import { PageHeading } from '../ui/page-heading';
import { StatusBadge, TypeBadge } from './order-badges';
import { SlaCountdown } from './sla-countdown';
import { SubstitutionRefundNote } from './substitution-refund-note';

interface OrderHeaderProps {
  order: OrderDetail;
  /** The page's own title, e.g. "Stage order 1042"; defaults to "Order 1042". */
  title?: string;
  /** The pickup pass link; the pick step shows it under its list instead, to keep the walk in view. */
  showPass?: boolean;
}

export function OrderHeader({ order, title, showPass = true }: OrderHeaderProps) {
  const t = useT();
  const heading = title ?? t('order.title', { number: order.number });
  return (
    <header className="order-header">
      <PageHeading>{heading}</PageHeading>
      <div className="order-header__meta">
        <p className="order-header__customer">
          <span className="visually-hidden">{t('order.customer')}: </span>
          {order.customer.name}
        </p>
        <TypeBadge type={order.fulfillmentType} />
        <StatusBadge status={order.status} testId="order-status" />
        <SlaCountdown order={order} />
        {showPass && isHandedOverInStore(order.fulfillmentType) && isOpen(order.status) ? (
          <ButtonLink to={`/orders/${order.id}/pass`} variant="ghost" className="order-header__pass">
            {t('order.pickupPass')}
          </ButtonLink>
        ) : null}
      </div>
      <SubstitutionRefundNote order={order} />
    </header>
  );
}
