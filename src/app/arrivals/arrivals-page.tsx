import { lazy, Suspense, useState } from 'react';
import type { SyncOrder } from '../../contract/sync';
import { enqueueCommand } from '../../local-db/enqueue';
import type { ScannedCode } from '../../scan/scanned-code';
import { DownloadingReplica } from '../common/downloading-replica';
import { StatusBadge } from '../common/order-badges';
import { refusalTitleKey } from '../common/refusal-title';
import { parcelKeyOf } from '../common/scan-meaning';
import { ScanStep } from '../common/scan-step';
import { useActor } from '../common/use-actor';
import { FullShelfDialog } from '../common/full-shelf-dialog';
import { useStagingScan } from '../common/use-staging-scan';
import { useT } from '../i18n/use-t';
import { Loading } from '../ui/alert';
import { Icon } from '../ui/icon';
import { lineName } from '../common/localized';
import { useI18n } from '../i18n/use-t';
import { Button, ButtonLink } from '../ui/button';
import { PageHeading } from '../ui/page-heading';
import { ScanBanner } from '../ui/scan-banner';
import { useScanBanner } from '../ui/use-scan-banner';
import { useArrivals } from './use-arrivals';

const CountPanel = lazy(() => import('../shelf/count-panel').then((m) => ({ default: m.CountPanel })));

/** The parcel in hand: its order, and the label text as scanned (the server checks it again). */
interface Parcel {
  orderId: string;
  code: string;
}

/**
 * Ship-to-store arrivals: scan a parcel, the page finds its order in the replica (offline),
 * then the shelf it goes on; the order is ready and the customer told once the command syncs.
 */
export function ArrivalsPage() {
  const { t, language } = useI18n();
  const [counting, setCounting] = useState(false);
  const actor = useActor();
  const arrivals = useArrivals(actor.storeId);
  const { banner, flash } = useScanBanner();
  const [parcel, setParcel] = useState<Parcel | null>(null);
  const [received, setReceived] = useState<string | null>(null);
  const all = arrivals.kind === 'ready' ? arrivals.all : [];
  const waiting = arrivals.kind === 'ready' ? arrivals.waiting : [];
  const inHand = all.find(({ order }) => order.id === parcel?.orderId)?.order;
  const done = all.find(({ order }) => order.id === received)?.order;

  const onParcel = (scan: ScannedCode) => {
    const meaning = parcelKeyOf(scan);
    if (!meaning.ok) {
      flash('unknown', t(refusalTitleKey(scan)), t('arrivals.notAParcel'));
      return;
    }
    const match = waiting.find(({ order }) => order.inboundTracking === meaning.value)?.order;
    if (!match) {
      flash('unknown', t('feedback.unknown'), t('arrivals.unknownParcel'));
      return;
    }
    setReceived(null);
    setCounting(false);
    setParcel({ orderId: match.id, code: scan.text.trim() });
    flash('success', t('arrivals.found', { number: match.number }), match.customerName);
  };

  const staging = useStagingScan(flash, (locationCode, shareShelf) => {
    if (!parcel) return Promise.resolve();
    const args = {
      orderId: parcel.orderId,
      code: parcel.code,
      locationCode,
      ...(shareShelf ? { shareShelf } : {}),
    };
    return enqueueCommand({ name: 'order.receive', args, actor }).then(() => {
      setParcel(null);
      setReceived(args.orderId);
    });
  });

  return (
    <div className="stack">
      <PageHeading>{t('arrivals.title')}</PageHeading>
      <ScanBanner state={banner} />
      {arrivals.kind === 'loading' ? <Loading /> : null}
      {arrivals.kind === 'downloading' ? <DownloadingReplica /> : null}
      {done ? <ReceivedPanel order={done} /> : null}
      {arrivals.kind === 'ready' ? (
        <section className="card">
          {inHand ? (
            <div className="stack">
              <p>{t('arrivals.foundFor', { number: inHand.number, customer: inHand.customerName })}</p>
              {counting ? (
                <Suspense fallback={<Loading />}>
                  <CountPanel
                    expected={inHand.lines.map((line) => ({
                      gtin14: line.gtin14,
                      qty: line.qtyOrdered,
                      name: lineName(line, language),
                    }))}
                    onConfirm={(counted) =>
                      enqueueCommand({
                        name: 'order.count',
                        args: { orderId: inHand.id, purpose: 'arrival', counted },
                        actor,
                      }).then(() => {
                        setCounting(false);
                        flash('success', t('command.order.count'), inHand.number);
                      })
                    }
                    onClose={() => setCounting(false)}
                  />
                </Suspense>
              ) : (
                <Button onClick={() => setCounting(true)} data-testid="count-open">
                  <Icon name="camera" />
                  {t('shelf.count')}
                </Button>
              )}
              <ScanStep
                key="location"
                label={t('stage.label')}
                hint={t('stage.hint')}
                buttonLabel={t('stage.confirm')}
                onScan={staging.onScan}
                enabled={staging.fullShelf === null}
                name="staging-location"
                cameraBlocked={counting}
              />
              <Button onClick={() => setParcel(null)}>{t('arrivals.cancel')}</Button>
              <FullShelfDialog
                shelf={staging.fullShelf}
                number={inHand.number}
                onShare={staging.shareShelf}
                onChooseAnother={staging.chooseAnother}
              />
            </div>
          ) : (
            <ScanStep
              key="parcel"
              label={t('arrivals.parcelLabel')}
              hint={t('arrivals.parcelHint')}
              buttonLabel={t('arrivals.parcelConfirm')}
              onScan={onParcel}
              name="parcel"
            />
          )}
        </section>
      ) : null}
      {arrivals.kind === 'ready' ? <WaitingList orders={waiting.map(({ order }) => order)} /> : null}
    </div>
  );
}

function ReceivedPanel({ order }: { order: SyncOrder }) {
  const t = useT();
  return (
    <section className="card stack done-panel" data-testid="arrival-received">
      <h2 className="done-panel__title">
        {t('arrivals.received', { number: order.number, location: order.stagingLocation ?? '—' })}
      </h2>
      <p>
        <StatusBadge status={order.status} testId="arrival-status" />
      </p>
      <ButtonLink to={`/orders/${order.id}/handover`}>{t('order.handover')}</ButtonLink>
    </section>
  );
}

function WaitingList({ orders }: { orders: SyncOrder[] }) {
  const t = useT();
  return (
    <section aria-labelledby="arrivals-waiting-title" className="stack">
      <h2 id="arrivals-waiting-title" className="section-title">
        {t('arrivals.waiting', { count: orders.length })}
      </h2>
      {orders.length === 0 ? (
        <p className="muted">{t('arrivals.none')}</p>
      ) : (
        <ul className="stack" data-testid="arrivals-waiting">
          {orders.map((order) => (
            <li key={order.id} className="card">
              <strong>{order.number}</strong> · {order.customerName}
              <br />
              <span className="muted">{order.inboundTracking}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
