import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { readLocations, readStockBays, replicaReady } from '../../local-db/replica-read';
import { code128Svg } from '../../print/barcode-svg';
import { DownloadingReplica } from '../common/downloading-replica';
import { useActor } from '../common/use-actor';
import { useI18n } from '../i18n/use-t';
import { Loading, Notice } from '../ui/alert';
import { Button } from '../ui/button';
import { Icon } from '../ui/icon';
import { PageHeading } from '../ui/page-heading';
import { BarcodeImage } from './barcode-image';
import { bayLabels, stagingLabels, type LabelSet, type LocationLabel } from './location-labels';
import './labels.css';

/**
 * Code 128 labels for the store's places, from the device's replica (so they print offline
 * too): the staging shelves orders wait on, and the aisle-bay places that hold stock.
 */
export function LocationLabelsPage() {
  const { t, tp } = useI18n();
  const { storeId } = useActor();
  const [params] = useSearchParams();
  const set: LabelSet = params.get('set') === 'bays' ? 'bays' : 'staging';
  const data = useLiveQuery(
    async () => ({
      ready: await replicaReady(storeId),
      locations: await readLocations(),
      bays: await readStockBays(),
    }),
    [storeId],
  );
  const labels = useMemo(() => {
    if (!data) return [];
    return set === 'staging' ? stagingLabels(storeId, data.locations) : bayLabels(storeId, data.bays);
  }, [data, set, storeId]);

  if (!data) return <Loading />;
  if (!data.ready) return <DownloadingReplica />;

  return (
    <div className="stack">
      <div className="stack labels-controls no-print">
        <PageHeading>{t('labels.title')}</PageHeading>
        <p className="muted">{t('labels.intro')}</p>
        <nav aria-label={t('labels.which')}>
          <ul className="labels-sets">
            {(['staging', 'bays'] as const).map((option) => (
              <li key={option}>
                <Link
                  to={`?set=${option}`}
                  replace
                  className={`btn ${option === set ? 'btn--primary' : 'btn--secondary'}`}
                  aria-current={option === set ? 'page' : undefined}
                >
                  {t(option === 'staging' ? 'labels.staging' : 'labels.bays')}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="labels-print-row">
          <p data-testid="labels-count">{tp('labels.count', labels.length)}</p>
          <Button variant="primary" onClick={() => window.print()} disabled={labels.length === 0}>
            <Icon name="printer" /> {t('labels.print')}
          </Button>
        </div>
      </div>
      {labels.length === 0 ? (
        <Notice tone="warning">
          <p>{t(set === 'staging' ? 'labels.noStaging' : 'labels.noBays')}</p>
        </Notice>
      ) : (
        <LabelSheet labels={labels} />
      )}
    </div>
  );
}

function LabelSheet({ labels }: { labels: LocationLabel[] }) {
  const t = useI18n().t;
  // Drawing is synchronous and a store has a few hundred places at most.
  const svgs = useMemo(() => labels.map((label) => code128Svg(label.encoded)), [labels]);
  return (
    <ul className="labels-sheet" aria-label={t('labels.sheet')}>
      {labels.map((label, index) => {
        const { location } = label;
        const name =
          location.kind === 'staging'
            ? location.stagingCode
            : t('labels.bayName', { aisle: location.aisle, bay: location.bay });
        const described =
          location.kind === 'staging'
            ? t('labels.stagingBarcode', { code: location.stagingCode })
            : t('labels.bayBarcode', { aisle: location.aisle, bay: location.bay });
        return (
          <li key={label.key} className="labels-sheet__label">
            <BarcodeImage svg={svgs[index] ?? ''} label={described} encoded={label.encoded} />
            <p className="labels-sheet__encoded">{label.encoded}</p>
            <p className="labels-sheet__name">
              {name}
              {'stagingKind' in label ? (
                <span className="labels-sheet__kind"> · {t(`labels.kind.${label.stagingKind}`)}</span>
              ) : null}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
