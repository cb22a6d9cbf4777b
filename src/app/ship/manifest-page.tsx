import type { ManifestListItem, ManifestsResponse } from '../../contract/shipping';
import { isApiError } from '../../sync/api-client';
import { useActor } from '../common/use-actor';
import { useI18n } from '../i18n/use-t';
import { useOnline } from '../common/use-connectivity';
import { ErrorAlert, Loading, Notice } from '../ui/alert';
import { Button, ButtonLink } from '../ui/button';
import { PageHeading } from '../ui/page-heading';
import { useCloseDay, useManifests } from './manifest-queries';
import { PdfButton } from './pdf-button';
import './ship.css';

function useKilograms() {
  const { locale } = useI18n();
  const kg = new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilogram', maximumFractionDigits: 2 });
  return (grams: number) => kg.format(grams / 1000);
}

/** The end of the day: what the driver takes, closing it into a manifest, and the day's manifests. */
export function ManifestPage() {
  const { t } = useI18n();
  const actor = useActor();
  const online = useOnline();
  const day = useManifests(actor.storeId);
  const offline =
    !online || day.fetchStatus === 'paused' || (isApiError(day.error) && day.error.status === 0);

  return (
    <div className="stack">
      <PageHeading>{t('manifest.title')}</PageHeading>
      <p className="muted">{t('manifest.needsNetwork')}</p>
      {offline && !day.data ? (
        <Notice tone="warning">
          <p data-testid="manifest-offline">{t('manifest.offline')}</p>
        </Notice>
      ) : null}
      {day.error && !offline ? <ErrorAlert error={day.error} /> : null}
      {day.isPending && !offline ? <Loading /> : null}
      {day.data ? <ManifestDay day={day.data} /> : null}
      <ButtonLink to="/ship">{t('ship.back')}</ButtonLink>
    </div>
  );
}

function ManifestDay({ day }: { day: ManifestsResponse }) {
  const { t, tp, language } = useI18n();
  const actor = useActor();
  const online = useOnline();
  const close = useCloseDay(actor.storeId);
  const kilograms = useKilograms();
  const { rows, totals } = day.pending;

  return (
    <>
      <section className="card stack" aria-labelledby="manifest-pending-title">
        <h2 id="manifest-pending-title" className="section-title">
          {t('manifest.pending')}
        </h2>
        {rows.length === 0 ? (
          <p className="muted" data-testid="manifest-nothing">
            {t('manifest.nothing')}
          </p>
        ) : (
          <>
            <p className="totals" data-testid="manifest-totals">
              {tp('manifest.parcels', totals.packages)} · {tp('manifest.orders', totals.shipments)} ·{' '}
              {kilograms(totals.weightGrams)}
            </p>
            <ul className="summary-list">
              {rows.map((row) => (
                <li key={row.trackingNumber} className="summary-list__item" data-testid="manifest-row">
                  <span className="tracking-number">{row.trackingNumber}</span>
                  <span>
                    {t('manifest.rowOrder', {
                      number: row.orderNumber,
                      package: row.packageNumber,
                      count: row.packageCount,
                    })}
                  </span>
                  <span className="muted">
                    {kilograms(row.weightGrams)} · {row.destinationPostcode} {row.destinationCity}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
        {day.awaitingShip.length > 0 ? (
          <Notice tone="warning">
            <p>
              {t('manifest.awaitingShip', { orders: day.awaitingShip.map((o) => o.orderNumber).join(', ') })}
            </p>
          </Notice>
        ) : null}
        {close.error ? <ErrorAlert error={close.error} /> : null}
        <Button
          variant="primary"
          size="lg"
          disabled={rows.length === 0 || !online}
          busy={close.isPending}
          onClick={() => close.mutate(language)}
        >
          {t('manifest.close')}
        </Button>
      </section>
      <section className="card stack" aria-labelledby="manifest-closed-title">
        <h2 id="manifest-closed-title" className="section-title">
          {t('manifest.closedToday')}
        </h2>
        {day.manifests.length === 0 ? (
          <p className="muted">{t('manifest.noneClosed')}</p>
        ) : (
          <ul className="ship-list">
            {day.manifests.map((manifest) => (
              <ClosedManifest key={manifest.id} manifest={manifest} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function ClosedManifest({ manifest }: { manifest: ManifestListItem }) {
  const { t, tp, locale } = useI18n();
  const kilograms = useKilograms();
  const time = new Date(manifest.createdAt).toLocaleTimeString(locale, {
    hour: '2-digit',
    minute: '2-digit',
  });
  return (
    <li className="ship-row" data-testid="closed-manifest">
      <span className="ship-row__text">
        <span className="tracking-number">{manifest.carrierManifestId}</span>
        <span>
          {manifest.carrierName} · {t('manifest.closedAt', { time })}
        </span>
        <span className="muted">
          {tp('manifest.parcels', manifest.totals.packages)} · {kilograms(manifest.totals.weightGrams)}
        </span>
      </span>
      <PdfButton
        path={`/api/shipping/manifests/${encodeURIComponent(manifest.id)}.pdf`}
        label={t('manifest.pdf')}
        testId="manifest-pdf"
      />
    </li>
  );
}
