import { useState } from 'react';
import { DoneTitle } from './done-title';
import { isPartlyCollected } from '../../domain/partial-handover';
import { counterLine, HandoverLines, heldSubstituteUnits, stagedOf } from './handover-lines';
import { IdCheckStep } from './id-check-step';
import { RefuseDialog, type RefuseTarget } from './refuse-dialog';
import { enqueueCommand } from '../../local-db/enqueue';
import type { OrderView } from '../../local-db/replica-read';
import type { ScannedCode } from '../../scan/scanned-code';
import { OrderGate } from '../common/order-gate';
import { OrderHeader } from '../common/order-header';
import { ScanStep } from '../common/scan-step';
import { StepUnavailable } from '../common/step-unavailable';
import { OrderSummary } from '../common/order-summary';
import { useActor } from '../common/use-actor';
import { errorMessageKey } from '../i18n/translate';
import { useT } from '../i18n/use-t';
import { Notice } from '../ui/alert';
import { ButtonLink } from '../ui/button';
import { Icon } from '../ui/icon';
import { ScanBanner } from '../ui/scan-banner';
import { useScanBanner } from '../ui/use-scan-banner';
import { checkPickupOffline } from '../../local-db/pickup-check';

export function HandoverPage() {
  return <OrderGate>{(view) => <HandoverView view={view} />}</OrderGate>;
}

function HandoverView({ view }: { view: OrderView }) {
  const t = useT();
  const actor = useActor();
  const { order } = view;
  const { banner, flash } = useScanBanner();
  const [chosen, setChosen] = useState<ReadonlyMap<string, number>>(new Map());
  const [refusing, setRefusing] = useState<RefuseTarget | null>(null);
  const check = order.idCheck;
  const idPending = Boolean(check && check.reasons.length > 0 && !check.checkedAt);
  const canHandOver = order.status === 'ready';
  const staged = order.lines.filter((line) => stagedOf(line) > 0);
  // Units chosen now, by line; a line not touched goes in full.
  const now = staged.map((line) => ({ lineId: line.id, qty: chosen.get(line.id) ?? stagedOf(line) }));
  const whole = now.every((n, i) => n.qty === stagedOf(staged[i]!));
  const units = now.reduce((sum, n) => sum + n.qty, 0);
  const held = heldSubstituteUnits(order.lines);
  // A kept substitute goes with the whole order's handover, even when it is all that is left.
  const heldUnits = [...held.values()].reduce((sum, qty) => sum + qty, 0);
  const partly = isPartlyCollected(order.lines.map(counterLine));

  const reject = (error: unknown) => flash('error', t('feedback.rejected'), t(errorMessageKey(error)));

  const onScan = (scan: ScannedCode) => {
    const code = scan.text.trim();
    if (!code || !canHandOver || idPending) return;
    if (units === 0 && !(whole && heldUnits > 0)) {
      flash('error', t('feedback.rejected'), t('handover.nothingChosen'));
      return;
    }
    const lines = whole ? undefined : now.filter((n) => n.qty > 0);
    checkPickupOffline(code, order)
      .then(() =>
        enqueueCommand({
          name: 'order.handover',
          args: { orderId: order.id, code, ...(lines ? { lines } : {}) },
          actor,
        }),
      )
      .then(() => {
        setChosen(new Map());
        flash(
          'success',
          t('feedback.collected'),
          whole
            ? t('handover.doneBody', { number: order.number, name: order.customer.name })
            : t('handover.partDone', { qty: units }),
        );
      }, reject);
  };

  return (
    <div className="stack">
      <OrderHeader order={order} title={t('handover.title', { number: order.number })} />
      {canHandOver || banner ? <ScanBanner state={banner} slim /> : null}
      {canHandOver ? (
        <>
          {check && check.reasons.length > 0 ? <IdCheckStep order={order} check={check} /> : null}
          {idPending ? (
            <Notice tone="warning">
              <p data-testid="id-first">{t('handover.idFirst')}</p>
            </Notice>
          ) : (
            <section className="card">
              <ScanStep
                label={t('handover.label')}
                hint={whole ? t('handover.hint') : t('handover.hintPart', { qty: units })}
                buttonLabel={whole ? t('handover.confirm') : t('handover.confirmPart', { qty: units })}
                onScan={onScan}
                inputMode="numeric"
                name="pickup-code"
              />
            </section>
          )}
          <HandoverLines
            lines={order.lines}
            chosen={chosen}
            onChoose={(lineId, qty) => setChosen(new Map(chosen).set(lineId, qty))}
            onRefuse={(line) => setRefusing({ line, substitute: false })}
            onRefuseSubstitute={(line) => setRefusing({ line, substitute: true })}
          />
          <RefuseDialog
            orderId={order.id}
            target={refusing}
            staged={
              refusing
                ? refusing.substitute
                  ? (held.get(refusing.line.id) ?? 0)
                  : stagedOf(refusing.line)
                : 0
            }
            onClose={() => setRefusing(null)}
            onRefused={(qty) =>
              flash('success', t('handover.refusedDone', { qty }), t('handover.refundNote'))
            }
          />
          {order.stagingLocation ? (
            <Notice>
              <p>{t('order.readyAt', { location: order.stagingLocation })}</p>
              {partly ? (
                <p data-testid="partly-collected">
                  {t('handover.partly', { qty: staged.reduce((sum, line) => sum + stagedOf(line), 0) })}
                </p>
              ) : null}
            </Notice>
          ) : null}
          <OrderSummary order={order} />
        </>
      ) : null}
      {order.status === 'collected' ? (
        <section className="card stack done-panel">
          <DoneTitle>
            <Icon name="check" /> {t('handover.done')}
          </DoneTitle>
          <ButtonLink to="/" variant="primary" size="lg">
            {t('common.backToQueue')}
          </ButtonLink>
        </section>
      ) : null}
      {!canHandOver && order.status !== 'collected' ? (
        <StepUnavailable message={t('handover.notReady')} orderId={order.id} />
      ) : null}
    </div>
  );
}
