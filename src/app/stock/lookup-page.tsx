import { useQueryClient } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ProductAvailability, StockSearchResponse } from '../../contract/stock';
import { recentProductLookups } from '../../local-db/stock-lookups';
import type { ScannedCode } from '../../scan/scanned-code';
import type { LookupResult } from '../../sync/stock-lookup';
import { refusalTitleKey } from '../common/refusal-title';
import { ScanStep } from '../common/scan-step';
import { useActor } from '../common/use-actor';
import { errorMessageKey } from '../i18n/translate';
import { useI18n } from '../i18n/use-t';
import { Loading } from '../ui/alert';
import { PageHeading } from '../ui/page-heading';
import { ScanBanner } from '../ui/scan-banner';
import { useScanBanner } from '../ui/use-scan-banner';
import { AvailabilityView } from './availability-view';
import { CachedNotice } from './cached-notice';
import { LookupError } from './lookup-error';
import { productPath } from './paths';
import { ProductFacts, productName } from './product-heading';
import { rememberAvailability, useStockSearch } from './queries';
import { ReservationsList } from './reservations-list';
import { queryOfScan } from './scan-query';

/**
 * Scan or search any product: this store's stock and every other store's, nearest first. The
 * query lives in the URL, so "back" from a product or a reservation returns to the same answer.
 */
export function LookupPage() {
  const { t, tp, language } = useI18n();
  const actor = useActor();
  const [params, setParams] = useSearchParams();
  const query = params.get('q')?.trim() ?? '';
  const search = useStockSearch(actor.storeId, query);
  const { banner, flash, settle } = useScanBanner();
  // The query a scan asked for, until its answer is shown: then the "Looking up" banner says
  // what was found, and focus moves to the answer, which a handheld would keep below the fold.
  const [pending, setPending] = useState<string | null>(null);
  const answerRef = useRef<HTMLDivElement>(null);
  const answered = useCallback(
    (result: typeof search) => {
      if (result.isError) settle('error', t('feedback.error'), t(errorMessageKey(result.error)));
      else if (result.data) {
        const { availability, products } = result.data.value;
        if (availability) settle('success', t('stock.found'), productName(availability.product, language));
        else if (products.length > 0) settle('success', t('stock.found'), tp('stock.count', products.length));
        else settle('unknown', t('stock.notFound'), t('stock.noMatch', { query: result.data.value.query }));
      }
      answerRef.current?.focus();
    },
    [language, settle, t, tp],
  );
  useEffect(() => {
    if (pending === null || pending !== query || search.isFetching) return;
    setPending(null);
    answered(search);
  }, [pending, query, search, answered]);

  const onScan = (scan: ScannedCode) => {
    const meaning = queryOfScan(scan);
    if (!meaning.ok) {
      flash('unknown', t(refusalTitleKey(scan)), t(errorMessageKey({ code: meaning.code })));
      return;
    }
    flash('success', t('stock.lookingUp'), meaning.query);
    if (meaning.query === query) {
      void search.refetch().then(answered);
    } else {
      setPending(meaning.query);
      setParams({ q: meaning.query });
    }
  };

  return (
    <div className="stack">
      <PageHeading>{t('stock.title')}</PageHeading>
      <ScanBanner state={banner} slim />
      <section className="card stack">
        <ScanStep
          label={t('stock.scanLabel')}
          hint={t('stock.scanHint')}
          buttonLabel={t('stock.search')}
          onScan={onScan}
          name="stock-query"
        />
        <p className="muted">{t('stock.needsNetwork')}</p>
      </section>
      <div ref={answerRef} tabIndex={-1} className="stack stock-answer">
        {query === '' ? null : search.isPending ? (
          <Loading />
        ) : search.isError ? (
          <LookupError error={search.error} onRetry={() => void search.refetch()} />
        ) : (
          <SearchAnswer query={query} result={search.data} />
        )}
      </div>
      {query === '' ? <RecentLookups storeId={actor.storeId} /> : null}
      <ReservationsList storeId={actor.storeId} />
    </div>
  );
}

function SearchAnswer({ query, result }: { query: string; result: LookupResult<StockSearchResponse> }) {
  const { t, tp, language } = useI18n();
  const actor = useActor();
  const queryClient = useQueryClient();
  const titleId = useId();
  const answer = result.value;
  const { availability } = answer;
  const { receivedAt, fromDevice } = result;

  useEffect(() => {
    if (availability) {
      rememberAvailability(queryClient, actor.storeId, { value: availability, receivedAt, fromDevice });
    }
  }, [availability, receivedAt, fromDevice, queryClient, actor.storeId]);

  return (
    <>
      <CachedNotice result={result} />
      {availability ? (
        <section className="stack" aria-labelledby={titleId} data-testid="stock-product">
          <div>
            <h2 id={titleId} className="stock-product__name">
              {productName(availability.product, language)}
            </h2>
            <ProductFacts product={availability.product} />
          </div>
          <AvailabilityView availability={availability} level={3} />
        </section>
      ) : (
        <section className="stack" aria-labelledby={titleId}>
          <div className="page-head">
            <h2 id={titleId} className="section-title">
              {t('stock.results', { query })}
            </h2>
            <p className="muted" aria-live="polite">
              {tp('stock.count', answer.products.length)}
            </p>
          </div>
          {answer.products.length === 0 ? <p>{t('stock.noMatch', { query })}</p> : null}
          <ul className="stock-hits">
            {answer.products.map((hit) => (
              <li key={hit.id}>
                <Link className="link-card stock-hit" to={productPath(hit.id)} data-testid={`hit-${hit.sku}`}>
                  <span className="stock-hit__name">{productName(hit, language)}</span>
                  <ProductFacts product={hit} />
                  <span className="stock-hit__here">
                    {hit.hereAvailable === null
                      ? t('stock.notSoldHere')
                      : t('stock.hereAvailable', { count: hit.hereAvailable })}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
          {answer.more ? <p className="muted">{t('stock.more')}</p> : null}
        </section>
      )}
    </>
  );
}

function RecentLookups({ storeId }: { storeId: string }) {
  const { t, language } = useI18n();
  const titleId = useId();
  const recent = useLiveQuery(() => recentProductLookups<ProductAvailability>(storeId), [storeId]);
  if (!recent || recent.length === 0) return null;
  return (
    <section className="stack" aria-labelledby={titleId}>
      <h2 id={titleId} className="section-title">
        {t('stock.recent')}
      </h2>
      <ul className="stock-hits">
        {recent.map(({ value }) => (
          <li key={value.product.id}>
            <Link className="link-card stock-hit" to={productPath(value.product.id)}>
              <span className="stock-hit__name">{productName(value.product, language)}</span>
              <ProductFacts product={value.product} />
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
