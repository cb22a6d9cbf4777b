import type { ReturnableOrder } from '../../contract/returns';
import type { ReturnOrderFacts } from '../../local-db/local-return-row';
import { useReturnsI18n, type Rt } from './i18n/returns-i18n';

/** "Visa •••• 4242", "PayPal": where a refund goes back to, never a full card number. */
export function paymentText(rt: Rt, payment: ReturnOrderFacts['payment']): string {
  if (!payment) return rt('payment.unknown');
  if (payment.method === 'card') {
    const brand = payment.brand
      ? payment.brand.charAt(0).toUpperCase() + payment.brand.slice(1)
      : rt('payment.card');
    return payment.last4 ? rt('payment.cardEnding', { brand, last4: payment.last4 }) : brand;
  }
  return rt(`payment.${payment.method}`);
}

export function channelText(rt: Rt, channel: string): string {
  switch (channel) {
    case 'web':
    case 'app':
    case 'marketplace':
    case 'social':
    case 'store':
      return rt(`channel.${channel}`);
    default:
      return channel;
  }
}

/** The order the customer brings back: whose, where and how it was bought, when it arrived, how it was paid. */
export function OrderFacts({ order, storeId }: { order: ReturnableOrder; storeId: string }) {
  const { rt, date } = useReturnsI18n();
  const otherStore = order.storeId !== storeId;
  return (
    <dl className="return-facts" data-testid="return-order-facts">
      <div>
        <dt>{rt('order.customer')}</dt>
        <dd>{order.customerName}</dd>
      </div>
      <div>
        <dt>{rt('order.boughtAt')}</dt>
        <dd>
          {order.storeName}
          {otherStore ? (
            <>
              {' '}
              <span className="badge badge--type return-other-store" data-testid="other-store">
                {rt('order.otherStore')}
              </span>
            </>
          ) : null}
        </dd>
      </div>
      <div>
        <dt>{rt('order.channel')}</dt>
        <dd>{channelText(rt, order.channel)}</dd>
      </div>
      <div>
        <dt>{rt('order.received')}</dt>
        <dd>{order.receivedAt ? date(order.receivedAt) : rt('order.notReceived')}</dd>
      </div>
      <div>
        <dt>{rt('order.paidWith')}</dt>
        <dd>{paymentText(rt, order.payment)}</dd>
      </div>
    </dl>
  );
}
