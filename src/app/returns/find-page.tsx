import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ScannedCode } from '../../scan/scanned-code';
import { isApiError } from '../../sync/api-client';
import type { OrdersAnswer } from '../../sync/returns-api';
import { interpret } from '../common/scan-meaning';
import { ScanStep } from '../common/scan-step';
import { useActor } from '../common/use-actor';
import { useOnline } from '../common/use-connectivity';
import { Loading, Notice } from '../ui/alert';
import { Button } from '../ui/button';
import { PageHeading } from '../ui/page-heading';
import { ScanBanner } from '../ui/scan-banner';
import { useScanBanner } from '../ui/use-scan-banner';
import { ReturnsErrorAlert } from './returns-error';
import { useReturnsI18n } from './i18n/returns-i18n';
import { channelText } from './order-facts';
import { newReturnPath } from './paths';
import { useReturnOrders } from './queries';
import { RecentReturns } from './recent-returns';
import { useAge } from './saved-age';

/** What a scan on this step cannot be: words for a product, a shelf or a parcel label. */
function notAnOrderCode(
  scan: ScannedCode,
): 'find.productScanned' | 'find.locationScanned' | 'find.trackingScanned' | null {
  if (scan.source === 'typed') return null;
  const meaning = interpret(scan);
  switch (meaning.kind) {
    case 'gtin':
    case 'gs1':
    case 'variableMeasure':
      return 'find.productScanned';
    case 'location':
      return 'find.locationScanned';
    case 'tracking':
      return 'find.trackingScanned';
    default:
      return null;
  }
}

/**
 * The return counter's first step: find the customer's order, from any store or channel, by
 * scanning their pickup pass or order QR, or typing its number, their e-mail or phone. Offline
 * it searches the orders kept on this device. The query lives in the URL, so "back" returns here.
 */
export function FindPage() {
  const { rt } = useReturnsI18n();
  const actor = useActor();
  const [params, setParams] = useSearchParams();
  const query = params.get('q')?.trim() ?? '';
  const search = useReturnOrders(actor.storeId, query);
  const { banner, flash } = useScanBanner();

  const onScan = (scan: ScannedCode) => {
    const text = scan.text.trim();
    if (text === '') return;
    const refused = notAnOrderCode(scan);
    if (refused) {
      flash('wrongItem', rt('find.notAnOrder'), rt(refused));
      return;
    }
    flash('success', rt('find.searching'), text.startsWith('AISLE:') ? rt('find.passRead') : text);
    if (text === query) void search.refetch();
    else setParams({ q: text });
  };

  return (
    <div className="stack">
      <PageHeading>{rt('find.title')}</PageHeading>
      <ScanBanner state={banner} />
      <section className="card stack">
        <ScanStep
          label={rt('find.scanLabel')}
          hint={rt('find.scanHint')}
          buttonLabel={rt('find.search')}
          onScan={onScan}
          name="return-order-query"
        />
      </section>
      {query === '' ? null : search.isPending ? (
        <Loading />
      ) : search.isError ? (
        <FindError error={search.error} onRetry={() => void search.refetch()} />
      ) : (
        <FoundOrders query={query} answer={search.data} storeId={actor.storeId} />
      )}
      <RecentReturns />
    </div>
  );
}

function FindError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { rt, t } = useReturnsI18n();
  if (isApiError(error) && error.status === 0) {
    return (
      <Notice tone="warning">
        <p data-testid="return-find-offline">{rt('find.offlineNothingKept')}</p>
      </Notice>
    );
  }
  return (
    <ReturnsErrorAlert error={error}>
      <Button onClick={onRetry}>{t('common.retry')}</Button>
    </ReturnsErrorAlert>
  );
}

function FoundOrders({ query, answer, storeId }: { query: string; answer: OrdersAnswer; storeId: string }) {
  const { rt, rtp, date } = useReturnsI18n();
  const online = useOnline();
  const age = useAge();
  const titleId = useId();
  const shownQuery = query.startsWith('AISLE:') ? rt('find.passQuery') : query;
  return (
    <section className="stack" aria-labelledby={titleId}>
      <div className="page-head">
        <h2 id={titleId} className="section-title">
          {rt('find.results', { query: shownQuery })}
        </h2>
        <p className="muted" aria-live="polite">
          {rtp('find.count', answer.orders.length)}
        </p>
      </div>
      {answer.fromDevice || !online ? (
        <Notice tone="warning">
          <p data-testid="return-find-cached">{rt('find.fromDevice')}</p>
        </Notice>
      ) : null}
      {answer.orders.length === 0 ? (
        <p data-testid="return-find-none">
          {answer.fromDevice
            ? rt('find.noneOnDevice', { query: shownQuery })
            : rt('find.none', { query: shownQuery })}
        </p>
      ) : null}
      <ul className="return-hits">
        {answer.orders.map(({ order, savedAt }) => {
          const units = order.lines.reduce((sum, l) => sum + l.qtyDelivered, 0);
          return (
            <li key={order.id}>
              <Link
                className="link-card return-hit"
                to={newReturnPath(order.id)}
                data-testid={`return-order-${order.number}`}
              >
                <span className="return-hit__number">{rt('find.order', { number: order.number })}</span>
                <span>
                  {order.customerName} · {rtp('find.units', units)}
                </span>
                <span className="muted">
                  {order.storeId === storeId
                    ? rt('find.boughtHere', { channel: channelText(rt, order.channel) })
                    : rt('find.boughtElsewhere', {
                        store: order.storeName,
                        channel: channelText(rt, order.channel),
                      })}
                  {' · '}
                  {order.receivedAt
                    ? rt('find.receivedOn', { date: date(order.receivedAt) })
                    : rt('order.notReceived')}
                </span>
                {answer.fromDevice ? (
                  <span className="muted">{rt('find.keptAgo', { age: age(savedAt) })}</span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
      {answer.orders.length === 0 ? <p className="muted">{rt('find.noneHint')}</p> : null}
    </section>
  );
}
