import { useParams } from 'react-router';
import { useActor } from '../common/use-actor';
import { useI18n } from '../i18n/use-t';
import { Loading } from '../ui/alert';
import { ButtonLink } from '../ui/button';
import { PageHeading } from '../ui/page-heading';
import { AvailabilityView } from './availability-view';
import { CachedNotice } from './cached-notice';
import { LookupError } from './lookup-error';
import { lookupPath } from './paths';
import { ProductFacts, productName } from './product-heading';
import { useProductAvailability } from './queries';

/** One product chosen from a search: here first, then the other stores nearest first. */
export function ProductPage() {
  const { t, language } = useI18n();
  const { productId = '' } = useParams();
  const actor = useActor();
  const lookup = useProductAvailability(actor.storeId, productId);

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
  return (
    <div className="stack" data-testid="stock-product">
      <div>
        <PageHeading>{productName(value.product, language)}</PageHeading>
        <ProductFacts product={value.product} />
      </div>
      <CachedNotice result={lookup.data} />
      <AvailabilityView availability={value} level={2} />
      <ButtonLink to={lookupPath}>{t('reservation.newLookup')}</ButtonLink>
    </div>
  );
}
