import { useState } from 'react';
import type { SyncOrder } from '../../contract/sync';
import type { OrderView } from '../../local-db/replica-read';
import { OrderGate } from '../common/order-gate';
import { OrderHeader } from '../common/order-header';
import { StepUnavailable } from '../common/step-unavailable';
import { useRenderedCommands } from '../common/action-timing';
import { useI18n } from '../i18n/use-t';
import { Notice } from '../ui/alert';
import { ButtonLink } from '../ui/button';
import { LabelStep, TrackingList } from './label-step';
import { PackForm } from './pack-form';
import { PdfButton } from './pdf-button';
import './ship.css';

/** After picking, a ship-from-store order's way out: pack, label, shipped. */
export function PackPage() {
  return <OrderGate>{(view) => <PackView view={view} />}</OrderGate>;
}

function PackView({ view }: { view: OrderView }) {
  const { t } = useI18n();
  const { order } = view;
  const [repacking, setRepacking] = useState(false);
  useRenderedCommands(view.foldedIds);
  const shipFromStore = order.fulfillmentType === 'ship_from_store';
  const packing = shipFromStore && (order.status === 'picked' || (order.status === 'packed' && repacking));

  return (
    <div className="stack">
      <OrderHeader order={order} title={t('pack.title', { number: order.number })} />
      {!shipFromStore ? <StepUnavailable message={t('pack.notShip')} orderId={order.id} /> : null}
      {packing ? (
        <PackForm key={order.packedAt ?? 'new'} order={order} onDone={() => setRepacking(false)} />
      ) : null}
      {shipFromStore && order.status === 'packed' && !repacking ? (
        <>
          <PackedSummary order={order} />
          <LabelStep order={order} unsynced={view.unsynced} onRepack={() => setRepacking(true)} />
        </>
      ) : null}
      {shipFromStore && order.status === 'shipped' ? <Shipped order={order} /> : null}
      {shipFromStore && !['picked', 'packed', 'shipped'].includes(order.status) ? (
        <StepUnavailable message={t('pack.notPicked')} orderId={order.id} />
      ) : null}
      <ButtonLink to="/ship">{t('ship.back')}</ButtonLink>
    </div>
  );
}

function PackedSummary({ order }: { order: SyncOrder }) {
  const { t, locale } = useI18n();
  const kg = new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilogram', maximumFractionDigits: 2 });
  return (
    <section className="card" aria-labelledby="packed-title">
      <h2 id="packed-title" className="section-title">
        {t('pack.packedTitle')}
      </h2>
      <ul className="summary-list">
        {order.packages?.map((pkg) => (
          <li key={pkg.packageNumber} className="summary-list__item" data-testid="packed-package">
            <span className="summary-list__name">
              {t('pack.packageN', { number: pkg.packageNumber })}: {t(`packageType.${pkg.type}`)}
            </span>
            <span className="muted">
              {kg.format(pkg.weightGrams / 1000)} ·{' '}
              {t('pack.size', { l: pkg.lengthMm / 10, w: pkg.widthMm / 10, h: pkg.heightMm / 10 })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Shipped({ order }: { order: SyncOrder }) {
  const { t, locale } = useI18n();
  const time = order.shippedAt
    ? new Date(order.shippedAt).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' })
    : '';
  return (
    <section className="card stack done-panel" aria-labelledby="shipped-title">
      <h2 id="shipped-title" className="done-panel__title">
        {t('pack.shipped', { time })}
      </h2>
      {order.shipment ? <TrackingList order={order} /> : null}
      <Notice>
        <p>{t('pack.shippedHint')}</p>
      </Notice>
      {order.shipment ? (
        <div className="button-row">
          <PdfButton path={`/api/orders/${order.id}/labels.pdf`} label={t('label.labelsPdf')} />
        </div>
      ) : null}
      <ButtonLink to="/ship/manifest" variant="primary" size="lg">
        {t('ship.manifestLink')}
      </ButtonLink>
    </section>
  );
}
