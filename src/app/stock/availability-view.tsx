import { useId, useState, type ReactNode } from 'react';
import type { OtherStoreStock, ProductAvailability } from '../../contract/stock';
import { useI18n } from '../i18n/use-t';
import { ButtonLink, Button } from '../ui/button';
import { useAgeOf } from './cached-notice';
import { reservePath } from './paths';

/** Stores listed at first; the rest one tap away (a chain can have hundreds). */
const FIRST_STORES = 10;

type Level = 2 | 3;

function Heading({ level, id, children }: { level: Level; id: string; children: ReactNode }) {
  const Tag = level === 2 ? 'h2' : 'h3';
  return (
    <Tag id={id} className="section-title">
      {children}
    </Tag>
  );
}

/** This store's figures first, then every other store nearest first, each with its age. */
export function AvailabilityView({
  availability,
  level,
}: {
  availability: ProductAvailability;
  level: Level;
}) {
  const { t } = useI18n();
  const ageOf = useAgeOf();
  const hereId = useId();
  const othersId = useId();
  const [showAll, setShowAll] = useState(false);
  const { here, others, product } = availability;
  const shown = showAll ? others : others.slice(0, FIRST_STORES);

  return (
    <>
      <section className="card stack" aria-labelledby={hereId} data-testid="stock-here">
        <Heading level={level} id={hereId}>
          {t('stock.here')}
        </Heading>
        {here ? (
          <>
            <dl className="stock-figures">
              <div>
                <dt>{t('stock.available')}</dt>
                <dd data-testid="here-available">{here.available}</dd>
              </div>
              <div>
                <dt>{t('stock.onHand')}</dt>
                <dd>{here.onHand}</dd>
              </div>
            </dl>
            <p className="muted">{t('stock.updated', { time: ageOf(here.updatedAt) })}</p>
          </>
        ) : (
          <p>{t('stock.notSoldHere')}</p>
        )}
      </section>
      <section className="stack" aria-labelledby={othersId}>
        <Heading level={level} id={othersId}>
          {t('stock.others')}
        </Heading>
        {others.length === 0 ? <p className="muted">{t('stock.noOthers')}</p> : null}
        <ul className="store-list">
          {shown.map((other) => (
            <StoreRow
              key={other.store.id}
              other={other}
              productId={product.id}
              age={ageOf(other.updatedAt)}
            />
          ))}
        </ul>
        {shown.length < others.length ? (
          <Button onClick={() => setShowAll(true)}>{t('stock.showAll', { count: others.length })}</Button>
        ) : null}
      </section>
    </>
  );
}

function StoreRow({ other, productId, age }: { other: OtherStoreStock; productId: string; age: string }) {
  const { t, locale } = useI18n();
  const km = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(other.distanceKm);
  const inStock = other.available > 0;
  return (
    <li className="store-row" data-testid={`store-${other.store.id}`} data-available={other.available}>
      <div className="store-row__main">
        <p className="store-row__name">{other.store.name}</p>
        <p className="muted">
          {other.store.city} · {t('stock.distance', { km })}
        </p>
        <p>
          <span className={inStock ? 'store-row__available' : 'store-row__sold-out'}>
            {inStock ? t('stock.availableCount', { count: other.available }) : t('stock.soldOut')}
          </span>{' '}
          <span className="muted">· {t('stock.updated', { time: age })}</span>
        </p>
      </div>
      {inStock ? (
        <ButtonLink
          to={reservePath(productId, other.store.id)}
          variant="primary"
          className="store-row__reserve"
          aria-label={t('stock.reserveAt', { store: other.store.name })}
        >
          {t('stock.reserve')}
        </ButtonLink>
      ) : null}
    </li>
  );
}
