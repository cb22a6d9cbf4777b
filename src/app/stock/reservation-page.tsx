import { useLiveQuery } from 'dexie-react-hooks';
import { useId } from 'react';
import { useParams } from 'react-router';
import { discardCommand, resendCommand } from '../../local-db/outbox-decisions';
import { readReservation, type ReservationView } from '../../local-db/reservations';
import { errorMessageKey } from '../i18n/translate';
import { useI18n } from '../i18n/use-t';
import { Loading, Notice } from '../ui/alert';
import { Button, ButtonLink } from '../ui/button';
import { PageHeading } from '../ui/page-heading';
import { lookupPath, productPath } from './paths';
import { productName } from './product-heading';

/** "482913" → "482 913": easier to read out to a customer, and to copy down. */
const grouped = (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`;

/**
 * The confirmation: the pickup code big enough to show across the counter, where to collect,
 * and how far the reservation has got (saved on the device, sent, confirmed with the order
 * number, or refused with what to do).
 */
export function ReservationPage() {
  const { t } = useI18n();
  const { reservationId = '' } = useParams();
  const view = useLiveQuery(() => readReservation(reservationId), [reservationId], 'loading' as const);
  if (view === 'loading') return <Loading />;
  if (!view) {
    return (
      <div className="stack">
        <PageHeading>{t('reservation.title')}</PageHeading>
        <Notice tone="warning">
          <p>{t('reservation.notFound')}</p>
        </Notice>
        <ButtonLink to={lookupPath}>{t('reservation.newLookup')}</ButtonLink>
      </div>
    );
  }
  return <ReservationDetails view={view} />;
}

function ReservationDetails({ view }: { view: ReservationView }) {
  const { t, language } = useI18n();
  const codeId = useId();
  const { reservation, state } = view;
  const { args, store, product } = reservation;
  const valid = state !== 'refused' && state !== 'discarded';
  const contact = args.customer.email ?? args.customer.phone ?? '';

  return (
    <div className="stack">
      <PageHeading>{t('reservation.title')}</PageHeading>
      <div role="status" aria-live="polite" data-testid="reservation-state" data-state={state}>
        <StateNotice view={view} />
      </div>
      {valid ? (
        <section className="card stack pickup-code" aria-labelledby={codeId}>
          <h2 id={codeId} className="section-title">
            {t('reservation.code')}
          </h2>
          <p className="pickup-code__digits" data-testid="pickup-code" data-code={args.pickupCode}>
            {grouped(args.pickupCode)}
          </p>
          <p>{t('reservation.giveCode')}</p>
          {contact ? <p className="muted">{t('reservation.willBeSent', { contact })}</p> : null}
        </section>
      ) : null}
      <section className="card">
        <dl className="reservation-facts">
          <div>
            <dt>{t('reservation.collectAt')}</dt>
            <dd>
              <strong>{store.name}</strong>
              <br />
              {store.address}
            </dd>
          </div>
          {view.orderNumber ? (
            <div>
              <dt>{t('reservation.orderNumber')}</dt>
              <dd className="stock-code" data-testid="reservation-order-number">
                {view.orderNumber}
              </dd>
            </div>
          ) : null}
          <div>
            <dt>{t('reservation.what')}</dt>
            <dd>
              {args.qty} × {productName(product, language)} · {product.size}
            </dd>
          </div>
          <div>
            <dt>{t('reservation.customer')}</dt>
            <dd>
              {args.customer.name}
              {contact ? ` · ${contact}` : ''}
            </dd>
          </div>
        </dl>
      </section>
      {state === 'refused' ? (
        <div className="button-row">
          <ButtonLink to={productPath(product.id)} variant="primary">
            {t('reservation.lookAgain')}
          </ButtonLink>
          <Button onClick={() => void resendCommand(view.command.id)}>{t('activity.sendAgain')}</Button>
          <Button variant="danger" onClick={() => void discardCommand(view.command.id)}>
            {t('activity.discard')}
          </Button>
        </div>
      ) : null}
      <div className="button-row">
        <ButtonLink to={lookupPath} variant={state === 'refused' ? 'secondary' : 'primary'}>
          {t('reservation.newLookup')}
        </ButtonLink>
        <ButtonLink to="/">{t('common.backToQueue')}</ButtonLink>
      </div>
    </div>
  );
}

function StateNotice({ view }: { view: ReservationView }) {
  const { t } = useI18n();
  const store = view.reservation.store.name;
  switch (view.state) {
    case 'confirmed':
      return (
        <Notice tone="success">
          <p>{t('reservation.state.confirmed', { number: view.orderNumber ?? '—', store })}</p>
        </Notice>
      );
    case 'refused':
      return (
        <div className="alert alert--error">
          <div>
            <p>
              <strong>{t('reservation.state.refused', { store })}</strong> {t(errorMessageKey(view.error))}
            </p>
            <p>{t('reservation.refusedHint')}</p>
          </div>
        </div>
      );
    case 'discarded':
      return (
        <Notice tone="warning">
          <p>{t('reservation.state.discarded')}</p>
        </Notice>
      );
    case 'sending':
      return (
        <Notice>
          <p>{t('reservation.state.sending', { store })}</p>
        </Notice>
      );
    default:
      return (
        <Notice>
          <p>{t('reservation.state.saved', { store })}</p>
        </Notice>
      );
  }
}
