import { orderErrorCodes } from '../../contract/error-codes';
import type { OrderDetail } from '../../contract/orders';
import type { StagingLocation } from '../../contract/stores';
import { ScanField } from '../../scan/scan-field';
import { useWedgeScanner } from '../../scan/wedge-scanner';
import { OrderGate } from '../common/order-gate';
import { OrderHeader } from '../common/order-header';
import { errorMessageKey } from '../i18n/translate';
import { useT } from '../i18n/use-t';
import { isApiError } from '../../sync/api-client';
import { Notice } from '../ui/alert';
import { ButtonLink } from '../ui/button';
import { ScanBanner } from '../ui/scan-banner';
import { useScanBanner } from '../ui/use-scan-banner';
import { useStage } from './commands';
import { useStagingLocations } from './queries';

export function StagePage() {
  return <OrderGate>{(order) => <StageView order={order} />}</OrderGate>;
}

function StageView({ order }: { order: OrderDetail }) {
  const t = useT();
  const stage = useStage(order.id);
  const { banner, flash } = useScanBanner();
  const canStage = order.status === 'picked';

  const onScan = (raw: string) => {
    const code = raw.trim().toUpperCase();
    if (!code || stage.isPending) return;
    stage.mutate(code, {
      onSuccess: (staged) => flash('success', t('feedback.staged'), staged.stagingLocation ?? code),
      onError: (error) => {
        const unknown = isApiError(error) && error.code === orderErrorCodes.unknownLocation;
        flash(
          unknown ? 'unknown' : 'error',
          t(unknown ? 'feedback.unknown' : 'feedback.error'),
          t(errorMessageKey(error)),
        );
      },
    });
  };
  useWedgeScanner(onScan, { enabled: canStage });

  return (
    <div className="stack">
      <OrderHeader order={order} title={t('stage.title', { number: order.number })} />
      {canStage || banner ? <ScanBanner state={banner} /> : null}
      {canStage ? (
        <>
          <section className="card">
            <ScanField
              label={t('stage.label')}
              hint={t('stage.hint')}
              buttonLabel={t('stage.confirm')}
              onScan={onScan}
              disabled={stage.isPending}
              name="staging-location"
            />
          </section>
          <LocationHints order={order} onPick={onScan} disabled={stage.isPending} />
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
        <>
          <Notice tone="warning">
            <p>{t('stage.notPicked')}</p>
          </Notice>
          <ButtonLink to={`/orders/${order.id}`} size="lg">
            {t('common.backToOrder')}
          </ButtonLink>
        </>
      ) : null}
    </div>
  );
}

/** Curbside orders go to a curbside bay; the rest to a shelf or a locker. */
function fitsOrder(location: StagingLocation, order: OrderDetail): boolean {
  return order.fulfillmentType === 'curbside' ? location.kind === 'curbside' : location.kind !== 'curbside';
}

function LocationHints({
  order,
  onPick,
  disabled,
}: {
  order: OrderDetail;
  onPick: (code: string) => void;
  disabled: boolean;
}) {
  const t = useT();
  const locations = useStagingLocations();
  const fitting = (locations.data ?? []).filter((location) => fitsOrder(location, order));
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
              disabled={disabled}
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
