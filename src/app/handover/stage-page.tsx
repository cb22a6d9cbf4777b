import { useLiveQuery } from 'dexie-react-hooks';
import type { OrderDetail } from '../../contract/orders';
import type { StagingLocation } from '../../contract/stores';
import { enqueueCommand } from '../../local-db/enqueue';
import { readLocations, type OrderView } from '../../local-db/replica-read';
import type { ScannedCode } from '../../scan/scanned-code';
import { OrderGate } from '../common/order-gate';
import { OrderHeader } from '../common/order-header';
import { ScanStep } from '../common/scan-step';
import { StepUnavailable } from '../common/step-unavailable';
import { useActor } from '../common/use-actor';
import { useStagingScan } from '../common/use-staging-scan';
import { useT } from '../i18n/use-t';
import { ButtonLink } from '../ui/button';
import { ScanBanner } from '../ui/scan-banner';
import { useScanBanner } from '../ui/use-scan-banner';

export function StagePage() {
  return <OrderGate>{(view) => <StageView view={view} />}</OrderGate>;
}

function StageView({ view }: { view: OrderView }) {
  const t = useT();
  const actor = useActor();
  const { order } = view;
  const { banner, flash } = useScanBanner();
  const canStage = order.status === 'picked';

  const stage = useStagingScan(flash, (locationCode) =>
    enqueueCommand({ name: 'order.stage', args: { orderId: order.id, locationCode }, actor }),
  );
  const onScan = (scan: ScannedCode) => {
    if (canStage) stage(scan);
  };

  return (
    <div className="stack">
      <OrderHeader order={order} title={t('stage.title', { number: order.number })} />
      {canStage || banner ? <ScanBanner state={banner} /> : null}
      {canStage ? (
        <>
          <section className="card">
            <ScanStep
              label={t('stage.label')}
              hint={t('stage.hint')}
              buttonLabel={t('stage.confirm')}
              onScan={onScan}
              name="staging-location"
            />
          </section>
          <LocationHints order={order} onPick={(code) => onScan({ text: code, source: 'typed' })} />
        </>
      ) : null}
      {order.status === 'ready' ? (
        <section className="card stack done-panel">
          <h2 className="done-panel__title">{t('stage.done', { location: order.stagingLocation ?? '—' })}</h2>
          <ButtonLink to="/" variant="primary" size="lg">
            {t('common.backToQueue')}
          </ButtonLink>
          <ButtonLink to={`/orders/${order.id}/handover`}>{t('order.handover')}</ButtonLink>
        </section>
      ) : null}
      {!canStage && order.status !== 'ready' ? (
        <StepUnavailable message={t('stage.notPicked')} orderId={order.id} />
      ) : null}
    </div>
  );
}

/** Curbside orders go to a curbside bay; the rest to a shelf or a locker. */
function fitsOrder(location: StagingLocation, order: OrderDetail): boolean {
  return order.fulfillmentType === 'curbside' ? location.kind === 'curbside' : location.kind !== 'curbside';
}

function LocationHints({ order, onPick }: { order: OrderDetail; onPick: (code: string) => void }) {
  const t = useT();
  const locations = useLiveQuery(readLocations, []);
  const fitting = (locations ?? []).filter((location) => fitsOrder(location, order));
  if (fitting.length === 0) return null;
  return (
    <section aria-labelledby="stage-locations-title">
      <h2 id="stage-locations-title" className="section-title">
        {t('stage.locations')}
      </h2>
      <ul className="location-grid">
        {fitting.map((location) => (
          <li key={location.code}>
            <button
              type="button"
              className="btn btn--secondary location-grid__button"
              onClick={() => onPick(location.code)}
              title={location.label}
            >
              {location.code}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
