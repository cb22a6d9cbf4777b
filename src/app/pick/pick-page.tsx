import { useCallback, useState } from 'react';
import type { SyncOrder } from '../../contract/sync';
import { enqueueCommand } from '../../local-db/enqueue';
import type { OrderView } from '../../local-db/replica-read';
import type { ScannedCode } from '../../scan/scanned-code';
import { useRenderedCommands } from '../common/action-timing';
import { OrderGate } from '../common/order-gate';
import { OrderHeader } from '../common/order-header';
import { ScanStep } from '../common/scan-step';
import { useActor } from '../common/use-actor';
import { useT } from '../i18n/use-t';
import { ErrorAlert, Notice } from '../ui/alert';
import { Button } from '../ui/button';
import { ScanBanner } from '../ui/scan-banner';
import { OrderNextStep } from './order-next-step';
import { PickLine } from './pick-line';
import { PutBackTask } from './put-back-task';
import { JourneyNote, RerouteTask } from './reroute-task';
import { ShortDialog } from '../common/short-dialog';
import { usePickScan } from './use-pick-scan';

type Line = SyncOrder['lines'][number];

/** The order page: claim, then pick in walking order, then the way on to staging. */
export function PickPage() {
  return <OrderGate>{(view) => <OrderScreen view={view} />}</OrderGate>;
}

function OrderScreen({ view }: { view: OrderView }) {
  const t = useT();
  const actor = useActor();
  const { order } = view;
  const [claimError, setClaimError] = useState<unknown>(null);
  const mine = order.claimedBy?.id === actor.id;
  const picking = order.status === 'picking' && mine;
  // Owned here, not by the pick step, so the last scan's banner stays after the order turns "picked".
  const { banner, onScan } = usePickScan(order.id);
  useRenderedCommands(view.foldedIds);

  const claim = () => {
    setClaimError(null);
    enqueueCommand({ name: 'order.claim', args: { orderId: order.id }, actor }).catch(setClaimError);
  };

  return (
    <div className="stack">
      <OrderHeader order={order} />
      <JourneyNote order={order} />
      {view.putBack ? <PutBackTask order={order} task={view.putBack} /> : null}
      {picking || banner ? <ScanBanner state={banner} /> : null}
      {order.status === 'new' ? (
        <section className="card stack">
          <p>{t('order.claimHint')}</p>
          {claimError ? <ErrorAlert error={claimError} /> : null}
          <Button variant="primary" size="lg" onClick={claim}>
            {t('order.claim')}
          </Button>
        </section>
      ) : null}
      {order.status === 'picking' && !mine ? (
        <Notice tone="warning">
          <p>{t('order.claimedByOther', { name: order.claimedBy?.name ?? '—' })}</p>
        </Notice>
      ) : null}
      {picking ? <PickStep order={order} onScan={onScan} /> : null}
      {order.status !== 'new' ? <RerouteTask order={order} /> : null}
      {order.status !== 'new' && order.status !== 'picking' ? <OrderNextStep order={order} /> : null}
    </div>
  );
}

function PickStep({ order, onScan }: { order: SyncOrder; onScan: (scan: ScannedCode) => void }) {
  const t = useT();
  const [shortLine, setShortLine] = useState<Line | null>(null);
  const closeShort = useCallback(() => setShortLine(null), []);

  return (
    <>
      <div className="card">
        <ScanStep
          label={t('order.scanLabel')}
          hint={t('order.scanHint')}
          buttonLabel={t('order.confirm')}
          onScan={onScan}
          // The dialog owns the keyboard while it is open; a stray scan must not pick behind it.
          enabled={shortLine === null}
        />
      </div>
      <section aria-labelledby="pick-list-title">
        <h2 id="pick-list-title" className="section-title">
          {t('order.pickList')}
        </h2>
        <ol className="pick-list">
          {order.lines.map((line) => (
            <PickLine key={line.id} line={line} onShort={setShortLine} />
          ))}
        </ol>
      </section>
      <ShortDialog orderId={order.id} line={shortLine} onClose={closeShort} />
    </>
  );
}
