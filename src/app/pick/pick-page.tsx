import { lazy, Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { remaining, sortByLocation } from '../../domain/picking';
import type { SyncOrder } from '../../contract/sync';
import { enqueueCommand } from '../../local-db/enqueue';
import type { OrderView } from '../../local-db/replica-read';
import type { ScannedCode } from '../../scan/scanned-code';
import { useRenderedCommands } from '../common/action-timing';
import { OrderGate } from '../common/order-gate';
import { OrderHeader } from '../common/order-header';
import { ScanStep } from '../common/scan-step';
import { useActor } from '../common/use-actor';
import { useI18n, useT } from '../i18n/use-t';
import { ErrorAlert, Loading, Notice } from '../ui/alert';
import { lineColour, lineName } from '../common/localized';
import { Button, ButtonLink } from '../ui/button';
import { isHandedOverInStore } from '../../domain/order-machine';
import { ScanBanner } from '../ui/scan-banner';
import { OrderNextStep } from './order-next-step';
import { PickLine } from './pick-line';
import { PutBackTask } from './put-back-task';
import { JourneyNote, RerouteTask } from './reroute-task';
import { ShortDialog } from '../common/short-dialog';
import { SubstituteDialog } from './substitute-dialog';
import { SubstituteNote } from '../common/substitute-note';
import { usePickScan } from './use-pick-scan';
import { effectivePreference } from '../../domain/substitution';

type Line = SyncOrder['lines'][number];

// The shelf camera (multi-code decoding, tracking) loads only when an associate asks to find.
const FindPanel = lazy(() => import('../shelf/find-panel').then((m) => ({ default: m.FindPanel })));

/** The order page: claim, then pick in walking order, then the way on to staging. */
export function PickPage() {
  return <OrderGate>{(view) => <OrderScreen view={view} />}</OrderGate>;
}

function OrderScreen({ view }: { view: OrderView }) {
  const t = useT();
  const actor = useActor();
  const { order } = view;
  const [claimError, setClaimError] = useState<unknown>(null);
  // Owned here: the last substitute can finish the pick, and its decision must stay on screen.
  const [substituteLine, setSubstituteLine] = useState<Line | null>(null);
  const closeSubstitute = useCallback(() => setSubstituteLine(null), []);
  const mine = order.claimedBy?.id === actor.id;
  const picking = order.status === 'picking' && mine;
  // Owned here, not by the pick step, so the last scan's banner stays after the order turns "picked".
  const { banner, onScan } = usePickScan(order.id, view.attentionIds);
  useRenderedCommands(view.foldedIds);

  const claim = () => {
    setClaimError(null);
    enqueueCommand({ name: 'order.claim', args: { orderId: order.id }, actor }).catch(setClaimError);
  };

  return (
    <div className="stack">
      <OrderHeader order={order} showPass={!picking} />
      <JourneyNote order={order} />
      {view.attentionIds.length > 0 ? (
        <Notice tone="warning">
          <p data-testid="order-refused">{t('order.refusedNotice')}</p>
          <ButtonLink to="/activity">{t('order.openActivity')}</ButtonLink>
        </Notice>
      ) : null}
      {view.putBack ? <PutBackTask order={order} task={view.putBack} /> : null}
      {!picking && banner ? <ScanBanner state={banner} slim /> : null}
      {order.status === 'new' ? (
        <section className="card stack">
          <p>{t('order.claimHint')}</p>
          {claimError ? <ErrorAlert error={claimError} /> : null}
          <Button variant="primary" size="lg" onClick={claim} data-testid="claim-order">
            {t('order.claim')}
          </Button>
        </section>
      ) : null}
      {order.status === 'picking' && !mine ? (
        <Notice tone="warning">
          <p>{t('order.claimedByOther', { name: order.claimedBy?.name ?? '—' })}</p>
        </Notice>
      ) : null}
      {picking ? (
        <PickStep
          order={order}
          onScan={onScan}
          status={<ScanBanner state={banner} slim />}
          onSubstitute={setSubstituteLine}
          substituting={substituteLine !== null}
        />
      ) : null}
      <SubstituteDialog orderId={order.id} line={substituteLine} onClose={closeSubstitute} />
      {!picking && order.lines.some((line) => line.substitute) ? (
        <section className="card stack" aria-labelledby="substitutes-title">
          <h2 id="substitutes-title" className="section-title">
            {t('order.substitutes')}
          </h2>
          {order.lines.map((line) => (
            <SubstituteNote key={line.id} line={line} />
          ))}
        </section>
      ) : null}
      {order.status !== 'new' ? <RerouteTask order={order} /> : null}
      {order.status !== 'new' && order.status !== 'picking' ? <OrderNextStep order={order} /> : null}
    </div>
  );
}

interface PickStepProps {
  order: SyncOrder;
  onScan: (scan: ScannedCode) => void;
  /** The scan banner, shown in the slim strip above the list. */
  status: ReactNode;
  onSubstitute: (line: Line) => void;
  /** The substitute dialog is open: it owns the scanner. */
  substituting: boolean;
}

/**
 * The walk: a slim scan strip, then the lines in walking order with the next one to pick
 * highlighted. Focus goes to that line when the step opens after a claim and when the short
 * dialog closes on a line that is now done, so it never drops to the page's body.
 */
function PickStep({ order, onScan, status, onSubstitute, substituting }: PickStepProps) {
  const { t, language } = useI18n();
  const [shortLine, setShortLine] = useState<Line | null>(null);
  const [findId, setFindId] = useState<string | null>(null);
  const findLine = order.lines.find((line) => line.id === findId);
  const closeFind = useCallback(() => setFindId(null), []);
  // The line is picked in full: nothing more to find.
  useEffect(() => {
    if (findId && (!findLine || remaining(findLine) === 0)) setFindId(null);
  }, [findId, findLine]);
  const onFindPick = useCallback(
    (code: { text: string; format: string }) =>
      onScan({ text: code.text, source: 'camera', format: code.format as ScannedCode['format'] }),
    [onScan],
  );
  const nextRef = useRef<HTMLLIElement>(null);
  const lines = sortByLocation(order.lines);
  const next = lines.find((line) => remaining(line) > 0) ?? null;
  const done = lines.filter((line) => remaining(line) === 0).length;

  const focusNextIfLost = useCallback(() => {
    const active = document.activeElement;
    if (active === null || active === document.body) nextRef.current?.focus({ preventScroll: true });
  }, []);
  useEffect(focusNextIfLost, [focusNextIfLost]);
  const closeShort = useCallback(() => {
    setShortLine(null);
    // The dialog hands focus back to its opener; if that "Short…" button left with the line, focus the next line.
    requestAnimationFrame(focusNextIfLost);
  }, [focusNextIfLost]);

  return (
    <>
      <ScanStep
        label={t('order.scanLabel')}
        hint={t('order.scanHint')}
        buttonLabel={t('order.confirm')}
        onScan={onScan}
        // The dialog owns the keyboard while it is open; a stray scan must not pick behind it.
        enabled={shortLine === null && !substituting}
        strip={{ status }}
        // One camera at a time: the find panel's while it is open.
        cameraBlocked={findLine !== undefined}
      />
      {findLine ? (
        <Suspense fallback={<Loading />}>
          <FindPanel
            target={{
              gtin14: findLine.gtin14,
              name: `${lineName(findLine, language)} · ${lineColour(findLine, language)} · ${findLine.size}`,
            }}
            onPick={onFindPick}
            onClose={closeFind}
          />
        </Suspense>
      ) : null}
      <section aria-labelledby="pick-list-title">
        <h2 id="pick-list-title" className="section-title pick-list__title">
          {t('order.pickList')}{' '}
          <span className="muted">{t('order.linesDone', { done, total: lines.length })}</span>
        </h2>
        <ol className="pick-list">
          {lines.map((line) => (
            <PickLine
              key={line.id}
              line={line}
              onShort={setShortLine}
              // Offered only where the customer takes substitutes: "no substitutes" is refused anyway.
              onSubstitute={
                effectivePreference(order.substitution?.preference, line.substitutionPreference).mode ===
                'none'
                  ? undefined
                  : onSubstitute
              }
              onFind={(l) => setFindId(l.id)}
              next={line === next}
              ref={line === next ? nextRef : undefined}
            />
          ))}
        </ol>
      </section>
      {isHandedOverInStore(order.fulfillmentType) ? (
        <ButtonLink to={`/orders/${order.id}/pass`} variant="ghost" className="pick-step__pass">
          {t('order.pickupPass')}
        </ButtonLink>
      ) : null}
      <ShortDialog orderId={order.id} line={shortLine} onClose={closeShort} />
    </>
  );
}
