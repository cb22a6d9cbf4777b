import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { OrderView } from '../../local-db/replica-read';
import { clearPickBatch, type PickBatch } from '../../local-db/pick-batch';
import { DownloadingReplica } from '../common/downloading-replica';
import { StatusBadge } from '../common/order-badges';
import { SlaCountdown } from '../common/sla-countdown';
import { useActor } from '../common/use-actor';
import { useI18n } from '../i18n/use-t';
import { ErrorAlert, Loading, Notice } from '../ui/alert';
import { Button, ButtonLink } from '../ui/button';
import { PageHeading } from '../ui/page-heading';
import { canBatch, startBatch } from './start-batch';
import { useShipOrders } from './use-ship-orders';
import './ship.css';

const BATCH_SIZES = [2, 3, 4, 5, 6, 8];

/** Ship-from-store at a glance: choose a batch to pick, then what waits to be packed and shipped. */
export function ShipPage() {
  const { t } = useI18n();
  const actor = useActor();
  const state = useShipOrders(actor);

  return (
    <div className="stack">
      <div className="page-head">
        <PageHeading>{t('ship.title')}</PageHeading>
        <ButtonLink to="/ship/manifest">{t('ship.manifestLink')}</ButtonLink>
      </div>
      {state.kind === 'loading' ? <Loading /> : null}
      {state.kind === 'downloading' ? <DownloadingReplica /> : null}
      {state.kind === 'ready' ? <ShipOverview orders={state.orders} batch={state.batch} /> : null}
    </div>
  );
}

function ShipOverview({ orders, batch }: { orders: OrderView[]; batch: PickBatch | null }) {
  const { t, tp } = useI18n();
  const actor = useActor();
  const pickable = orders.filter(({ order }) => canBatch(order, actor.id));
  const toPack = orders.filter(({ order }) => order.status === 'picked');
  const toShip = orders.filter(({ order }) => order.status === 'packed');

  return (
    <>
      {batch ? (
        <BatchInProgress batch={batch} />
      ) : (
        <section className="card stack" aria-labelledby="ship-pick-title">
          <h2 id="ship-pick-title" className="section-title">
            {t('ship.toPick')} ({pickable.length})
          </h2>
          {pickable.length === 0 ? (
            <p className="muted">{t('ship.nothingToPick')}</p>
          ) : (
            <BatchChooser views={pickable} />
          )}
        </section>
      )}
      <OrderLinks title={t('ship.toPack')} empty={t('ship.nothingToPack')} views={toPack} testId="to-pack" />
      <OrderLinks title={t('ship.toShip')} empty={t('ship.nothingToShip')} views={toShip} testId="to-ship" />
      <p className="muted">
        {tp('ship.shippedToday', orders.filter(({ order }) => order.status === 'shipped').length)}
      </p>
    </>
  );
}

function BatchInProgress({ batch }: { batch: PickBatch }) {
  const { t, tp } = useI18n();
  const actor = useActor();
  return (
    <Notice>
      <div className="stack">
        <p>{tp('ship.batchInProgress', batch.orderIds.length)}</p>
        <div className="button-row">
          <Button onClick={() => void clearPickBatch(actor.id)}>{t('batch.finish')}</Button>
          <ButtonLink to="/ship/batch" variant="primary">
            {t('ship.continueBatch')}
          </ButtonLink>
        </div>
      </div>
    </Notice>
  );
}

/** Tick the orders to walk together, or let the app take the most urgent ones. */
function BatchChooser({ views }: { views: OrderView[] }) {
  const { t, tp } = useI18n();
  const actor = useActor();
  const navigate = useNavigate();
  const sizeId = useId();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [size, setSize] = useState(Math.min(4, views.length));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const toggle = (id: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const start = (ids: readonly string[]) => {
    setError(null);
    setBusy(true);
    const picked = views.filter(({ order }) => ids.includes(order.id)).map(({ order }) => order);
    startBatch(actor, picked).then(
      (taken) => (taken.length > 0 ? navigate('/ship/batch') : setBusy(false)),
      (failure: unknown) => {
        setBusy(false);
        setError(failure);
      },
    );
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    start([...chosen]);
  };

  // The queue replica is already in promise order, so the first ones are the most urgent.
  const mostUrgent = views.slice(0, size).map(({ order }) => order.id);

  return (
    <form className="stack" onSubmit={submit}>
      <p>{t('ship.chooseHint')}</p>
      <fieldset className="ship-fieldset">
        <legend className="visually-hidden">{t('ship.chooseLegend')}</legend>
        <ul className="ship-list">
          {views.map(({ order }) => (
            <li key={order.id}>
              <label className="ship-choice" data-testid={`choose-${order.number}`}>
                <input type="checkbox" checked={chosen.has(order.id)} onChange={() => toggle(order.id)} />
                <span className="ship-choice__text">
                  <span className="ship-choice__number">{order.number}</span>
                  <span>
                    {order.customerName} · {tp('queue.items', order.unitCount)}
                  </span>
                  <SlaCountdown order={order} />
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {error ? <ErrorAlert error={error} /> : null}
      <Button type="submit" variant="primary" size="lg" disabled={chosen.size === 0} busy={busy}>
        {t('ship.pickSelected', { count: chosen.size })}
      </Button>
      <div className="ship-urgent">
        <div className="field">
          <label htmlFor={sizeId}>{t('ship.batchSize')}</label>
          <select id={sizeId} value={size} onChange={(event) => setSize(Number(event.target.value))}>
            {BATCH_SIZES.filter((n) => n <= Math.max(views.length, 2)).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <Button onClick={() => start(mostUrgent)} busy={busy}>
          {t('ship.startUrgent', { count: mostUrgent.length })}
        </Button>
      </div>
    </form>
  );
}

function OrderLinks({
  title,
  empty,
  views,
  testId,
}: {
  title: string;
  empty: string;
  views: OrderView[];
  testId: string;
}) {
  const titleId = useId();
  return (
    <section className="card stack" aria-labelledby={titleId} data-testid={testId}>
      <h2 id={titleId} className="section-title">
        {title} ({views.length})
      </h2>
      {views.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="ship-list">
          {views.map(({ order }) => (
            <li key={order.id}>
              <Link
                to={`/orders/${order.id}/pack`}
                className="ship-row"
                data-testid={`ship-row-${order.number}`}
              >
                <span className="ship-row__text">
                  <span className="ship-row__number">{order.number}</span>
                  <span>{order.customerName}</span>
                </span>
                <StatusBadge status={order.status} />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
