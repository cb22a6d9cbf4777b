import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId } from 'react';
import { Link } from 'react-router';
import { pruneReservations, readReservations } from '../../local-db/reservations';
import { useI18n } from '../i18n/use-t';
import { reservationPath } from './paths';
import { productName } from './product-heading';

/** The reservations this device made for walk-in customers, with how far each has got. */
export function ReservationsList({ storeId }: { storeId: string }) {
  const { t, language, locale } = useI18n();
  const titleId = useId();
  const views = useLiveQuery(() => readReservations(storeId), [storeId]);
  useEffect(() => {
    void pruneReservations().catch(() => undefined);
  }, []);
  if (!views || views.length === 0) return null;
  return (
    <section className="stack" aria-labelledby={titleId}>
      <h2 id={titleId} className="section-title">
        {t('reservations.title')}
      </h2>
      <ul className="stock-hits">
        {views.map(({ reservation, state }) => (
          <li key={reservation.id}>
            <Link
              className="link-card stock-hit"
              to={reservationPath(reservation.id)}
              data-testid="reservation-item"
              data-state={state}
            >
              <span className="stock-hit__name">
                {t('reservations.item', {
                  qty: reservation.args.qty,
                  product: productName(reservation.product, language),
                  store: reservation.store.name,
                })}
              </span>
              <span className="muted">
                {reservation.args.customer.name} ·{' '}
                {new Date(reservation.createdAt).toLocaleTimeString(locale, {
                  hour: '2-digit',
                  minute: '2-digit',
                })}
              </span>
              <span className={`reservation-state reservation-state--${state}`}>
                {t(`reservations.state.${state}`)}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
