import { useCallback, useState } from 'react';
import type { OrderDetail, OrderLineView } from '../../contract/orders';
import { ScanField } from '../../scan/scan-field';
import { useWedgeScanner } from '../../scan/wedge-scanner';
import { OrderHeader } from '../common/order-header';
import { OrderGate } from '../common/order-gate';
import { useSession } from '../shell/use-session';
import { useT } from '../i18n/use-t';
import { ErrorAlert, Notice } from '../ui/alert';
import { Button } from '../ui/button';
import { ScanBanner } from '../ui/scan-banner';
import { useClaim } from './commands';
import { OrderNextStep } from './order-next-step';
import { PickLine } from './pick-line';
import { ShortDialog } from './short-dialog';
import { usePickScan } from './use-pick-scan';

/** The order page: claim, then pick in walking order, then the way on to staging. */
export function PickPage() {
  return <OrderGate>{(order) => <OrderView order={order} />}</OrderGate>;
}

function OrderView({ order }: { order: OrderDetail }) {
  const t = useT();
  const session = useSession();
  const claim = useClaim(order.id);
  const mine = order.claimedBy?.id === session?.associate.id;
  const picking = order.status === 'picking' && mine;
  // Owned here, not by the pick step, so the last scan's banner stays after the order turns "picked".
  const { banner, onScan } = usePickScan(order.id);

  return (
    <div className="stack">
      <OrderHeader order={order} />
      {picking || banner ? <ScanBanner state={banner} /> : null}
      {order.status === 'new' ? (
        <section className="card stack">
          <p>{t('order.claimHint')}</p>
          {claim.isError ? <ErrorAlert error={claim.error} /> : null}
          <Button variant="primary" size="lg" busy={claim.isPending} onClick={() => claim.mutate()}>
            {claim.isPending ? t('order.claiming') : t('order.claim')}
          </Button>
        </section>
      ) : null}
      {order.status === 'picking' && !mine ? (
        <Notice tone="warning">
          <p>{t('order.claimedByOther', { name: order.claimedBy?.name ?? '—' })}</p>
        </Notice>
      ) : null}
      {picking ? <PickStep order={order} onScan={onScan} /> : null}
      {order.status !== 'new' && order.status !== 'picking' ? <OrderNextStep order={order} /> : null}
    </div>
  );
}

function PickStep({ order, onScan }: { order: OrderDetail; onScan: (code: string) => void }) {
  const t = useT();
  const [shortLine, setShortLine] = useState<OrderLineView | null>(null);
  const closeShort = useCallback(() => setShortLine(null), []);
  // The dialog owns the keyboard while it is open; a stray scan must not pick behind it.
  useWedgeScanner(onScan, { enabled: shortLine === null });

  return (
    <>
      <div className="card">
        <ScanField
          label={t('order.scanLabel')}
          hint={t('order.scanHint')}
          buttonLabel={t('order.confirm')}
          onScan={onScan}
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
