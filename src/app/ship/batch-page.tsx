import { useCallback, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { batchPickList } from '../../domain/batch-pick';
import { clearPickBatch } from '../../local-db/pick-batch';
import { StatusBadge } from '../common/order-badges';
import { ScanStep } from '../common/scan-step';
import { ShortDialog } from '../common/short-dialog';
import { useActor } from '../common/use-actor';
import { useI18n } from '../i18n/use-t';
import { Loading, Notice } from '../ui/alert';
import { Button, ButtonLink } from '../ui/button';
import { PageHeading } from '../ui/page-heading';
import { ScanBanner } from '../ui/scan-banner';
import { BatchStop } from './batch-stop';
import { useBatchScan } from './use-batch-scan';
import { usePickBatch, type Line, type ToteOrder } from './use-pick-batch';
import './ship.css';

/** One walk for several ship-from-store orders: one list by aisle and bay, each unit into its tote. */
export function BatchPage() {
  const { t } = useI18n();
  const actor = useActor();
  const state = usePickBatch(actor);
  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'none') {
    return (
      <div className="stack">
        <PageHeading>{t('batch.title')}</PageHeading>
        <Notice>
          <p>{t('batch.none')}</p>
        </Notice>
        <ButtonLink to="/ship" size="lg">
          {t('ship.back')}
        </ButtonLink>
      </div>
    );
  }
  return <BatchWalk totes={state.totes} />;
}

function BatchWalk({ totes }: { totes: ToteOrder[] }) {
  const { t, tp } = useI18n();
  const actor = useActor();
  const navigate = useNavigate();
  const { banner, onScan } = useBatchScan();
  const [short, setShort] = useState<{ orderId: string; line: Line } | null>(null);
  const closeShort = useCallback(() => setShort(null), []);
  const active = totes.filter((tote) => tote.active);
  const activeIds = useMemo(() => new Set(active.map((tote) => tote.id)), [active]);
  const stops = useMemo(
    () => batchPickList(totes.filter((tote) => tote.view.order.status !== 'cancelled')),
    [totes],
  );
  const finish = () => void clearPickBatch(actor.id).then(() => navigate('/ship'));

  return (
    <div className="stack">
      <div className="page-head">
        <PageHeading>{t('batch.title')}</PageHeading>
        <p className="muted">{tp('batch.orders', totes.length)}</p>
      </div>
      {active.length > 0 || banner ? <ScanBanner state={banner} /> : null}
      {active.length > 0 ? (
        <div className="card">
          <ScanStep
            label={t('order.scanLabel')}
            hint={t('batch.scanHint')}
            buttonLabel={t('order.confirm')}
            onScan={onScan}
            enabled={short === null}
          />
        </div>
      ) : (
        <Notice tone="success">
          <p>{t('batch.allPicked')}</p>
        </Notice>
      )}
      <Totes totes={totes} />
      {active.length > 0 ? (
        <section aria-labelledby="batch-list-title">
          <h2 id="batch-list-title" className="section-title">
            {t('order.pickList')}
          </h2>
          <ol className="pick-list">
            {stops.map((stop) => (
              <BatchStop
                key={stop.gtin14}
                stop={stop}
                activeOrderIds={activeIds}
                onShort={(orderId, line) => setShort({ orderId, line })}
              />
            ))}
          </ol>
        </section>
      ) : null}
      <Button onClick={finish} variant={active.length > 0 ? 'secondary' : 'primary'} size="lg">
        {t('batch.finish')}
      </Button>
      <ShortDialog orderId={short?.orderId ?? ''} line={short?.line ?? null} onClose={closeShort} />
    </div>
  );
}

/** Each order's tote, how far it is, and the way on once it is picked. */
function Totes({ totes }: { totes: ToteOrder[] }) {
  const { t } = useI18n();
  return (
    <section className="card stack" aria-labelledby="batch-totes-title">
      <h2 id="batch-totes-title" className="section-title">
        {t('batch.totes')}
      </h2>
      <ul className="ship-list">
        {totes.map(({ slot, number, active, view: { order } }) => (
          <li key={order.id} className="ship-row" data-testid={`tote-${slot}`}>
            <span className="ship-row__text">
              <span>
                <span className="tote-tag">{t('batch.toteShort', { slot })}</span>{' '}
                <span className="ship-row__number">{number}</span>
              </span>
              <span className="muted">
                {t('queue.pickedOf', { picked: order.pickedUnits, total: order.unitCount })}
              </span>
            </span>
            <StatusBadge status={order.status} />
            {order.status === 'picked' ? (
              <ButtonLink to={`/orders/${order.id}/pack`} variant="primary">
                {t('batch.pack', { number })}
              </ButtonLink>
            ) : null}
            {order.status === 'picking' && !active && order.claimedBy ? (
              <span className="muted">{t('queue.claimedBy', { name: order.claimedBy.name })}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
