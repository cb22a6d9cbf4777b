import { DoneTitle } from './done-title';
import { useLiveQuery } from 'dexie-react-hooks';
import type { OrderDetail } from '../../contract/orders';
import type { StagingLocation } from '../../contract/stores';
import { shelfRoom } from '../../domain/shelf';
import { enqueueCommand } from '../../local-db/enqueue';
import { readShelves, type OrderView } from '../../local-db/replica-read';
import type { ScannedCode } from '../../scan/scanned-code';
import { FullShelfDialog } from '../common/full-shelf-dialog';
import { OrderGate } from '../common/order-gate';
import { OrderHeader } from '../common/order-header';
import { ScanStep } from '../common/scan-step';
import { StepUnavailable } from '../common/step-unavailable';
import { useActor } from '../common/use-actor';
import { useStagingScan } from '../common/use-staging-scan';
import { useI18n, useT } from '../i18n/use-t';
import { Notice } from '../ui/alert';
import { Button, ButtonLink } from '../ui/button';
import { SubstituteNote } from '../common/substitute-note';
import { substituteStatusAt } from '../../domain/substitution';
import { useState } from 'react';
import { ScanBanner } from '../ui/scan-banner';
import { useScanBanner } from '../ui/use-scan-banner';

export function StagePage() {
  return <OrderGate>{(view) => <StageView view={view} />}</OrderGate>;
}

function StageView({ view }: { view: OrderView }) {
  const t = useT();
  const actor = useActor();
  const { order } = view;
  const { banner, flash } = useScanBanner();
  const canStage = order.status === 'picked';
  // Substitutes still waiting for the customer hold the order back, unless staged without them.
  const pending = order.lines.filter(
    (l) => l.substitute && substituteStatusAt(l.substitute, new Date().toISOString()) === 'pending',
  );
  const [withoutPending, setWithoutPending] = useState(false);

  const stage = useStagingScan(flash, (locationCode, shareShelf) =>
    enqueueCommand({
      name: 'order.stage',
      args: {
        orderId: order.id,
        locationCode,
        ...(shareShelf ? { shareShelf } : {}),
        ...(withoutPending && pending.length > 0 ? { withoutPending } : {}),
      },
      actor,
    }),
  );
  const onScan = (scan: ScannedCode) => {
    if (canStage) stage.onScan(scan);
  };

  return (
    <div className="stack">
      <OrderHeader order={order} title={t('stage.title', { number: order.number })} />
      {canStage || banner ? <ScanBanner state={banner} slim /> : null}
      {canStage && pending.length > 0 ? (
        <Notice tone="warning">
          <p data-testid="stage-pending">{t('stage.pending')}</p>
          {pending.map((line) => (
            <SubstituteNote key={line.id} line={line} />
          ))}
          <Button
            aria-pressed={withoutPending}
            onClick={() => setWithoutPending((on) => !on)}
            data-testid="stage-without-pending"
          >
            {t('stage.withoutPending')}
          </Button>
          {withoutPending ? <p role="status">{t('stage.withoutPendingOn')}</p> : null}
        </Notice>
      ) : null}
      {canStage ? (
        <>
          <section className="card">
            <ScanStep
              label={t('stage.label')}
              hint={t('stage.hint')}
              buttonLabel={t('stage.confirm')}
              onScan={onScan}
              enabled={stage.fullShelf === null}
              name="staging-location"
            />
          </section>
          <LocationHints order={order} onPick={(code) => onScan({ text: code, source: 'typed' })} />
          <FullShelfDialog
            shelf={stage.fullShelf}
            number={order.number}
            onShare={stage.shareShelf}
            onChooseAnother={stage.chooseAnother}
          />
        </>
      ) : null}
      {order.status === 'ready' ? (
        <section className="card stack done-panel">
          <DoneTitle>{t('stage.done', { location: order.stagingLocation ?? '—' })}</DoneTitle>
          <ButtonLink to="/" variant="primary" size="lg">
            {t('common.backToQueue')}
          </ButtonLink>
          <ButtonLink to={`/orders/${order.id}/handover`}>{t('order.handover')}</ButtonLink>
        </section>
      ) : null}
      {!canStage && order.status !== 'ready' ? (
        <StepUnavailable message={t('stage.notPicked')} orderId={order.id} />
      ) : null}
    </div>
  );
}

/** Curbside orders go to a curbside bay; the rest to a shelf or a locker. */
function fitsOrder(location: StagingLocation, order: OrderDetail): boolean {
  return order.fulfillmentType === 'curbside' ? location.kind === 'curbside' : location.kind !== 'curbside';
}

/**
 * The shelves that fit the order and have room, as this device sees them (its own unsynced
 * staging included): "free" means free. Full ones are only counted; scanning one still asks.
 */
function LocationHints({ order, onPick }: { order: OrderDetail; onPick: (code: string) => void }) {
  const { t, tp } = useI18n();
  const shelves = useLiveQuery(() => readShelves(), []);
  const fitting = (shelves ?? []).filter((location) => fitsOrder(location, order));
  if (fitting.length === 0) return null;
  const free = fitting.flatMap((shelf) => {
    const room = shelfRoom(shelf, order.id);
    return room.state === 'free' ? [{ shelf, free: room.free }] : [];
  });
  const full = fitting.length - free.length;
  return (
    <section aria-labelledby="stage-locations-title" data-testid="free-shelves">
      <h2 id="stage-locations-title" className="section-title">
        {t('stage.locations')}
      </h2>
      {free.length ? (
        <ul className="location-grid">
          {free.map(({ shelf, free: places }) => (
            <li key={shelf.code}>
              <button
                type="button"
                className="btn btn--secondary location-grid__button"
                onClick={() => onPick(shelf.code)}
                title={shelf.label}
                data-testid={`free-shelf-${shelf.code}`}
              >
                {shelf.code}
                {shelf.capacity > 1 ? (
                  <span className="location-grid__room"> · {tp('stage.placesFree', places)}</span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('stage.noneFree')}</p>
      )}
      {full ? (
        <p className="muted" data-testid="full-shelves">
          {tp('stage.fullCount', full)}
        </p>
      ) : null}
    </section>
  );
}
