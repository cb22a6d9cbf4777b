import type { OrderDetail } from '../../contract/orders';
import { isHandedOverInStore } from '../../domain/order-machine';
import { OrderSummary } from '../common/order-summary';
import { useI18n } from '../i18n/use-t';
import { Notice } from '../ui/alert';
import { ButtonLink } from '../ui/button';
import { CurbsideLinkPanel } from './curbside-link-panel';

/** What an order that is past picking shows: the next step as one big button, or a summary. */
export function OrderNextStep({ order }: { order: OrderDetail }) {
  const { t, locale } = useI18n();
  const inStore = isHandedOverInStore(order.fulfillmentType);
  const time = (iso: string | null) =>
    iso ? new Date(iso).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' }) : '';

  return (
    <div className="stack">
      {order.status === 'picked' && inStore ? (
        <>
          <Notice tone="success">
            <p>{t('order.allPicked')}</p>
          </Notice>
          <ButtonLink to={`/orders/${order.id}/stage`} variant="primary" size="lg">
            {t('order.stage')}
          </ButtonLink>
        </>
      ) : null}
      {order.status === 'picked' && !inStore ? (
        <>
          <Notice tone="success">
            <p>{t('order.shipNext')}</p>
          </Notice>
          <ButtonLink to={`/orders/${order.id}/pack`} variant="primary" size="lg">
            {t('order.pack')}
          </ButtonLink>
        </>
      ) : null}
      {order.status === 'packed' ? (
        <>
          <Notice>
            <p>{t('order.packedNext')}</p>
          </Notice>
          <ButtonLink to={`/orders/${order.id}/pack`} variant="primary" size="lg">
            {t('order.labelAndShip')}
          </ButtonLink>
        </>
      ) : null}
      {order.status === 'shipped' ? (
        <>
          <Notice tone="success">
            <p>{t('order.shipped', { time: time(order.shippedAt ?? null) })}</p>
          </Notice>
          <ButtonLink to={`/orders/${order.id}/pack`}>{t('order.shipmentDetails')}</ButtonLink>
        </>
      ) : null}
      {order.status === 'ready' ? (
        <>
          <Notice tone="success">
            <p>{t('order.readyAt', { location: order.stagingLocation ?? '—' })}</p>
          </Notice>
          <ButtonLink to={`/orders/${order.id}/handover`} variant="primary" size="lg">
            {t('order.handover')}
          </ButtonLink>
          {inStore ? <CurbsideLinkPanel order={order} /> : null}
        </>
      ) : null}
      {order.status === 'collected' ? (
        <Notice tone="success">
          <p>{t('order.collected', { time: time(order.collectedAt) })}</p>
        </Notice>
      ) : null}
      {order.status === 'cancelled' ? (
        <Notice tone="warning">
          <p>{t('order.cancelled')}</p>
        </Notice>
      ) : null}
      {order.status === 'expired' ? (
        <Notice tone="warning">
          <p>{t('order.expired')}</p>
        </Notice>
      ) : null}
      <OrderSummary order={order} />
      <ButtonLink to="/" variant="secondary">
        {t('common.backToQueue')}
      </ButtonLink>
    </div>
  );
}
