import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import type { OrderDetail } from '../../contract/orders';
import { useOrder } from './order-query';
import { useT } from '../i18n/use-t';
import { ErrorAlert, Loading } from '../ui/alert';
import { ButtonLink } from '../ui/button';

/** Loads the order named in the URL, and renders the page only once it is there. */
export function OrderGate({ children }: { children: (order: OrderDetail) => ReactNode }) {
  const { id = '' } = useParams();
  const t = useT();
  const order = useOrder(id);
  if (order.isPending) return <Loading />;
  if (order.isError) {
    return (
      <div className="stack">
        <ErrorAlert error={order.error}>
          <p>{t('order.loadError')}</p>
        </ErrorAlert>
        <ButtonLink to="/" size="lg">
          {t('common.backToQueue')}
        </ButtonLink>
      </div>
    );
  }
  return <>{children(order.data)}</>;
}
