import { useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { Link, useLocation } from 'react-router';
import type { ArrivalAlert } from '../../local-db/customer-arrivals';
import { useActor } from '../common/use-actor';
import { useI18n } from '../i18n/use-t';
import { Button } from '../ui/button';
import { acknowledgeArrival } from './acknowledge-arrival';
import { unlockSoundOnFirstGesture } from './alert-signals';
import { alertsWords } from './alerts-words';
import { useAlertFeed } from './use-alert-feed';
import './alerts.css';

/** Where the shell's header keeps room for the alert count. */
export const ALERT_BADGE_SLOT = 'alert-badge-slot';

/**
 * The alerts on every associate screen: each customer who said "I'm here" and nobody has taken
 * yet, with "I'm on it" and the way to the handover, and the new orders that landed. The region
 * is polite; a customer waiting is worth interrupting for, so arrivals are announced assertively.
 */
export function CustomerAlerts() {
  const { language } = useI18n();
  const w = useMemo(() => alertsWords(language), [language]);
  const location = useLocation();
  const signalWords = useMemo(
    () => ({
      arrival: (number: string) => w('notifyArrival', { number }),
      order: (number: string) => w('notifyOrder', { number }),
    }),
    [w],
  );
  const feed = useAlertFeed(location.pathname === '/', signalWords);
  useEffect(() => unlockSoundOnFirstGesture(), []);
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  useEffect(() => setSlot(document.getElementById(ALERT_BADGE_SLOT)), []);

  return (
    <>
      {slot && feed.waiting > 0
        ? createPortal(
            <span className="alert-badge" data-testid="alert-badge" data-count={feed.waiting}>
              <span aria-hidden="true">{feed.waiting}</span>
              <span className="visually-hidden">
                {feed.waiting === 1 ? w('badgeOne') : w('badge', { count: feed.waiting })}
              </span>
            </span>,
            slot,
          )
        : null}
      <section className="customer-alerts" aria-label={w('region')}>
        <div aria-live="assertive" className="customer-alerts__list">
          {feed.arrivals.map((alert) => (
            <ArrivalCard key={alert.arrival.id} alert={alert} w={w} />
          ))}
        </div>
        <div aria-live="polite">
          {feed.landed.length > 0 ? (
            <p
              className="customer-alerts__orders"
              data-testid="new-order-alert"
              data-count={feed.landed.length}
            >
              <span>
                {feed.landed.length === 1 ? w('newOrder') : w('newOrders', { count: feed.landed.length })}
              </span>{' '}
              <Link to="/">{w('openQueue')}</Link>
            </p>
          ) : null}
        </div>
      </section>
    </>
  );
}

function ArrivalCard({ alert, w }: { alert: ArrivalAlert; w: ReturnType<typeof alertsWords> }) {
  const actor = useActor();
  const [failed, setFailed] = useState(false);
  const { arrival } = alert;
  const takenBy =
    arrival.acknowledgedBy?.id === actor.id || (alert.acknowledged && !arrival.acknowledgedBy)
      ? w('takenByYou')
      : arrival.acknowledgedBy
        ? w('takenBy', { name: arrival.acknowledgedBy.name })
        : null;
  const vars = { name: arrival.customerName, number: arrival.orderNumber };
  const take = () => {
    setFailed(false);
    acknowledgeArrival(actor, arrival).catch(() => setFailed(true));
  };
  const handoverLink = (
    <Link
      className="btn btn--secondary"
      to={`/orders/${arrival.orderId}/handover`}
      data-testid="arrival-handover"
    >
      {w('handover', { number: arrival.orderNumber })}
    </Link>
  );
  // Once someone is on it, the alert shrinks to one row: who, where, who took it, and the way
  // to the handover. It stays until the order is handed over, without pushing the work down.
  if (alert.acknowledged && takenBy) {
    const where = [
      arrival.orderNumber,
      arrival.parkingSpot ? w('spot', { spot: arrival.parkingSpot }) : null,
      arrival.vehicle ?? null,
    ].filter((part) => part !== null);
    return (
      <article
        className="arrival-alert arrival-alert--taken"
        data-testid="customer-arrival-alert"
        data-order-number={arrival.orderNumber}
        data-kind={arrival.kind}
        data-acknowledged="true"
      >
        <p className="arrival-alert__line">
          <strong>{arrival.customerName}</strong> · {where.join(' · ')} ·{' '}
          <span data-testid="arrival-taken">{takenBy}</span>
        </p>
        {handoverLink}
      </article>
    );
  }
  return (
    <article
      className="arrival-alert"
      data-testid="customer-arrival-alert"
      data-order-number={arrival.orderNumber}
      data-kind={arrival.kind}
      data-acknowledged={alert.acknowledged}
    >
      <p className="arrival-alert__who">{w(arrival.kind === 'curbside' ? 'curbside' : 'counter', vars)}</p>
      {arrival.kind === 'curbside' ? (
        <p className="arrival-alert__car">
          {arrival.parkingSpot ? <strong>{w('spot', { spot: arrival.parkingSpot })}</strong> : null}
          {arrival.parkingSpot && arrival.vehicle ? ' · ' : null}
          {arrival.vehicle ? <span>{w('car', { car: arrival.vehicle })}</span> : null}
        </p>
      ) : null}
      <div className="arrival-alert__actions">
        {takenBy ? (
          <p className="arrival-alert__taken" data-testid="arrival-taken">
            {takenBy}
          </p>
        ) : (
          <Button variant="primary" onClick={take} data-testid="arrival-acknowledge">
            {w('onIt')}
          </Button>
        )}
        {handoverLink}
      </div>
      {failed ? <p role="alert">{w('failed')}</p> : null}
    </article>
  );
}
