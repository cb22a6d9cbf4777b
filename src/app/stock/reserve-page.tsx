import { useParams } from 'react-router';
import { useActor } from '../common/use-actor';
import { useI18n } from '../i18n/use-t';
import { Loading, Notice } from '../ui/alert';
import { ButtonLink } from '../ui/button';
import { PageHeading } from '../ui/page-heading';
import { CachedNotice } from './cached-notice';
import { LookupError } from './lookup-error';
import { productPath } from './paths';
import { useProductAvailability } from './queries';
import { ReserveForm } from './reserve-form';

/** Reserve the product at one of the other stores for the customer standing here. */
export function ReservePage() {
  const { t } = useI18n();
  const { productId = '', storeId = '' } = useParams();
  const actor = useActor();
  const lookup = useProductAvailability(actor.storeId, productId);

  if (lookup.isPending) return <Loading />;
  if (lookup.isError) return <LookupError error={lookup.error} onRetry={() => void lookup.refetch()} />;
  const { value } = lookup.data;
  const other = value.others.find((candidate) => candidate.store.id === storeId);
  return (
    <div className="stack">
      <PageHeading>{t('reserve.title')}</PageHeading>
      <CachedNotice result={lookup.data} />
      {other && other.available > 0 ? (
        <ReserveForm product={value.product} other={other} />
      ) : (
        <>
          <Notice tone="warning">
            <p>{t('reserve.storeGone')}</p>
          </Notice>
          <ButtonLink to={productPath(productId)}>{t('reserve.backToProduct')}</ButtonLink>
        </>
      )}
    </div>
  );
}
