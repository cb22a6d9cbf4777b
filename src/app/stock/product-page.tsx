import { lazy, Suspense, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { toGtin14 } from '../../domain/gtin';
import { lineColour } from '../common/localized';
import { useActor } from '../common/use-actor';
import { useI18n } from '../i18n/use-t';
import { Loading } from '../ui/alert';
import { Button, ButtonLink } from '../ui/button';
import { Icon } from '../ui/icon';
import { PageHeading } from '../ui/page-heading';
import { AvailabilityView } from './availability-view';
import { CachedNotice } from './cached-notice';
import { LookupError } from './lookup-error';
import { lookupPath } from './paths';
import { ProductFacts, productName } from './product-heading';
import { useProductAvailability } from './queries';

const FindPanel = lazy(() => import('../shelf/find-panel').then((m) => ({ default: m.FindPanel })));

/** One product chosen from a search: here first, then the other stores nearest first. */
export function ProductPage() {
  const { t, language } = useI18n();
  const { productId = '' } = useParams();
  const actor = useActor();
  const lookup = useProductAvailability(actor.storeId, productId);
  const [finding, setFinding] = useState(false);
  const [found, setFound] = useState(false);
  const findButton = useRef<HTMLButtonElement>(null);

  if (lookup.isPending) return <Loading />;
  if (lookup.isError) {
    return (
      <div className="stack">
        <LookupError error={lookup.error} onRetry={() => void lookup.refetch()} />
        <ButtonLink to={lookupPath}>{t('reservation.newLookup')}</ButtonLink>
      </div>
    );
  }
  const { value } = lookup.data;
  const name = productName(value.product, language);
  // On this store's shelves: the camera marks it among everything in view (issue 17).
  const onShelf = (value.here?.onHand ?? 0) > 0;
  const closeFind = () => {
    setFinding(false);
    findButton.current?.focus();
  };
  return (
    <div className="stack" data-testid="stock-product">
      <div>
        <PageHeading>{name}</PageHeading>
        <ProductFacts product={value.product} />
      </div>
      <CachedNotice result={lookup.data} />
      {onShelf ? (
        <div className="stack">
          <Button
            ref={findButton}
            onClick={() => {
              setFound(false);
              setFinding(true);
            }}
            aria-expanded={finding}
          >
            <Icon name="camera" />
            {t('shelf.find')}
          </Button>
          <p role="status" className="muted" data-testid="stock-found">
            {found ? t('stock.foundOnShelf', { name }) : ''}
          </p>
        </div>
      ) : null}
      {finding ? (
        <Suspense fallback={<Loading />}>
          <FindPanel
            target={{
              gtin14: toGtin14(value.product.barcode),
              name: `${name} · ${lineColour(value.product, language)} · ${value.product.size}`,
            }}
            onPick={() => {
              setFound(true);
              closeFind();
            }}
            onClose={closeFind}
          />
        </Suspense>
      ) : null}
      <AvailabilityView availability={value} level={2} />
      <ButtonLink to={lookupPath}>{t('reservation.newLookup')}</ButtonLink>
    </div>
  );
}
