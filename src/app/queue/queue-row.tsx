import { Link } from 'react-router';
import { isPickedInStore } from '../../domain/order-machine';
import type { OrderView } from '../../local-db/replica-read';
import { StatusBadge, TypeBadge } from '../common/order-badges';
import { SlaCountdown } from '../common/sla-countdown';
import { useActor } from '../common/use-actor';
import { useI18n } from '../i18n/use-t';

/** One order as a big tappable card: everything needed to choose what to pick next. */
export function QueueRow({ view }: { view: OrderView }) {
  const { t, tp } = useI18n();
  const { order } = view;
  const actor = useActor();
  // Nothing to pick: a ship-to-store order waits for its parcel on the Arrivals screen.
  const awaitingParcel = !isPickedInStore(order.fulfillmentType) && order.status === 'new';
  const progress =
    order.pickedUnits > 0 && order.status === 'picking'
      ? t('queue.pickedOf', { picked: order.pickedUnits, total: order.unitCount })
      : tp('queue.items', order.unitCount);
  return (
    <li>
      <Link
        to={awaitingParcel ? '/arrivals' : `/orders/${order.id}`}
        className="queue-row"
        data-testid={`order-row-${order.number}`}
      >
        <span className="queue-row__top">
          <span className="queue-row__number">{order.number}</span>
          <SlaCountdown order={order} />
        </span>
        <span className="queue-row__customer">{order.customerName}</span>
        <span className="queue-row__badges">
          <TypeBadge type={order.fulfillmentType} />
          <StatusBadge status={order.status} />
          {view.putBack ? (
            <span className="badge badge--put-back" data-testid="put-back-badge">
              {t('putBack.badge')}
            </span>
          ) : null}
          {view.unsynced > 0 ? <span className="badge badge--unsynced">{t('queue.notSynced')}</span> : null}
        </span>
        <span className="queue-row__meta">
          <span>{progress}</span>
          <span>
            {order.claimedBy ? t('queue.claimedBy', { name: order.claimedBy.name }) : t('queue.unclaimed')}
          </span>
          {order.assignedTo ? (
            <span className="queue-row__assigned" data-testid="assigned-to">
              {order.assignedTo.id === actor.id
                ? t('queue.assignedToYou')
                : t('queue.assignedTo', { name: order.assignedTo.name })}
            </span>
          ) : null}
          {order.stagingLocation ? (
            <span>{t('queue.stagedAt', { location: order.stagingLocation })}</span>
          ) : null}
        </span>
      </Link>
    </li>
  );
}
