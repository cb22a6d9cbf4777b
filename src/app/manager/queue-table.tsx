import type { StoreAssociate } from '../../contract/manager';
import type { QueueItem } from '../../contract/orders';
import type { OrderStatus } from '../../domain/order-machine';
import { StatusBadge, TypeBadge } from '../common/order-badges';
import { slaFor } from '../common/sla';
import { SlaCountdown } from '../common/sla-countdown';
import { AssignControl } from './assign-control';
import { useManagerI18n } from './i18n/manager-i18n';

interface QueueTableProps {
  status: OrderStatus;
  orders: readonly QueueItem[];
  associates: readonly StoreAssociate[];
  now: number;
  onDone: (message: string) => void;
  onError: (message: string) => void;
}

/** The open orders of one status, by promise time; late and at-risk rows stand out. */
export function QueueTable({ status, orders, associates, now, onDone, onError }: QueueTableProps) {
  const { mt, mtp, t } = useManagerI18n();
  const titleId = `mq-${status}`;
  return (
    <section className="stack" aria-labelledby={titleId} data-testid={`manager-group-${status}`}>
      <h2 id={titleId} className="mq-group__title">
        {t(`status.${status}`)} <span className="muted">· {mtp('queue.count', orders.length)}</span>
      </h2>
      <div className="table-scroll" role="region" aria-labelledby={titleId} tabIndex={0}>
        <table className="data-table mq-table stack-table">
          <thead>
            <tr>
              <th scope="col">{mt('queue.col.order')}</th>
              <th scope="col">{mt('queue.col.timer')}</th>
              <th scope="col">{mt('queue.col.customer')}</th>
              <th scope="col">{mt('queue.col.type')}</th>
              <th scope="col" className="num">
                {mt('queue.col.progress')}
              </th>
              <th scope="col">{mt('queue.col.claimed')}</th>
              <th scope="col">{mt('queue.col.assigned')}</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((order) => {
              const sla = slaFor(order, now);
              return (
                <tr
                  key={order.id}
                  className={sla ? `mq-row mq-row--${sla.state}` : 'mq-row'}
                  data-testid={`manager-row-${order.number}`}
                  data-sla={sla?.state ?? 'none'}
                >
                  <th scope="row">
                    <span className="mq-number">{order.number}</span>
                    <StatusBadge status={order.status} />
                  </th>
                  <td data-label={mt('queue.col.timer')}>
                    <SlaCountdown order={order} />
                  </td>
                  <td data-label={mt('queue.col.customer')}>{order.customerName}</td>
                  <td data-label={mt('queue.col.type')}>
                    <TypeBadge type={order.fulfillmentType} />
                  </td>
                  <td className="num" data-label={mt('queue.col.progress')}>
                    {mt('queue.progress', { picked: order.pickedUnits, total: order.unitCount })}
                  </td>
                  <td data-label={mt('queue.col.claimed')}>{order.claimedBy?.name ?? mt('queue.nobody')}</td>
                  <td data-label={mt('queue.col.assigned')}>
                    <AssignControl order={order} associates={associates} onDone={onDone} onError={onError} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
