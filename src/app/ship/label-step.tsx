import { useState } from 'react';
import type { SyncOrder } from '../../contract/sync';
import { enqueueCommand } from '../../local-db/enqueue';
import { useActor } from '../common/use-actor';
import { useI18n } from '../i18n/use-t';
import { useOnline } from '../common/use-connectivity';
import { ErrorAlert, Notice } from '../ui/alert';
import { Button } from '../ui/button';
import { PdfButton } from './pdf-button';
import { createShipment } from './shipment-api';

const orderPath = (order: SyncOrder, document: string) =>
  `/api/orders/${encodeURIComponent(order.id)}/${document}`;

/**
 * A packed order: book its label (the network is needed: the carrier issues the tracking
 * numbers), print labels and packing slip, then mark it shipped (queued offline like any action).
 */
export function LabelStep({
  order,
  unsynced,
  onRepack,
}: {
  order: SyncOrder;
  /** This device's actions on the order not yet on the server: the packing must get there first. */
  unsynced: number;
  onRepack: () => void;
}) {
  const { t } = useI18n();
  const actor = useActor();
  const online = useOnline();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const shipment = order.shipment;

  const book = () => {
    setError(null);
    setBusy(true);
    createShipment(order.id, actor.storeId)
      .catch(setError)
      .finally(() => setBusy(false));
  };

  const ship = () => {
    setError(null);
    enqueueCommand({ name: 'order.ship', args: { orderId: order.id }, actor }).catch(setError);
  };

  if (!shipment) {
    return (
      <section className="card stack" aria-labelledby="label-title">
        <h2 id="label-title" className="section-title">
          {t('label.title')}
        </h2>
        <p>{t('label.needsNetwork')}</p>
        {online ? null : (
          <Notice tone="warning">
            <p data-testid="label-offline">{t('label.offline')}</p>
          </Notice>
        )}
        {online && unsynced > 0 ? (
          <p className="muted" role="status">
            {t('label.sendingPacking')}
          </p>
        ) : null}
        {error ? <ErrorAlert error={error} /> : null}
        <Button
          variant="primary"
          size="lg"
          onClick={book}
          busy={busy || (online && unsynced > 0)}
          disabled={!online}
        >
          {t('label.create')}
        </Button>
        <Button variant="ghost" onClick={onRepack}>
          {t('pack.change')}
        </Button>
      </section>
    );
  }

  return (
    <section className="card stack" aria-labelledby="label-title">
      <h2 id="label-title" className="section-title">
        {t('label.booked', { carrier: shipment.carrierName, service: shipment.serviceName })}
      </h2>
      <TrackingList order={order} />
      <p className="muted">{t('label.printHint')}</p>
      <div className="button-row">
        <PdfButton path={orderPath(order, 'labels.pdf')} label={t('label.labelsPdf')} testId="labels-pdf" />
        <PdfButton path={orderPath(order, 'packing-slip.pdf')} label={t('label.slipPdf')} testId="slip-pdf" />
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      {order.status === 'packed' ? (
        <Button variant="primary" size="lg" onClick={ship}>
          {t('label.markShipped')}
        </Button>
      ) : null}
    </section>
  );
}

export function TrackingList({ order }: { order: SyncOrder }) {
  const { t } = useI18n();
  const count = order.shipment?.packages.length ?? 0;
  return (
    <ul className="summary-list" aria-label={t('label.trackingNumbers')}>
      {order.shipment?.packages.map((pkg) => (
        <li key={pkg.packageNumber} className="summary-list__item">
          <span className="muted">{t('label.packageOf', { number: pkg.packageNumber, count })}</span>
          <span className="tracking-number" data-testid="tracking-number">
            {pkg.trackingNumber}
          </span>
        </li>
      ))}
    </ul>
  );
}
