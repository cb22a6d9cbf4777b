import { DoneTitle } from './done-title';
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
  const canHandOver = order.status === 'ready';

  const reject = (error: unknown) => flash('error', t('feedback.rejected'), t(errorMessageKey(error)));

  const onScan = (scan: ScannedCode) => {
    const code = scan.text.trim();
    if (!code || !canHandOver) return;
    checkPickupOffline(code, order)
      .then(() => enqueueCommand({ name: 'order.handover', args: { orderId: order.id, code }, actor }))
      .then(
        () =>
          flash(
            'success',
            t('feedback.collected'),
            t('handover.doneBody', { number: order.number, name: order.customer.name }),
          ),
        reject,
      );
  };

  return (
    <div className="stack">
      <OrderHeader order={order} title={t('handover.title', { number: order.number })} />
      {canHandOver || banner ? <ScanBanner state={banner} slim /> : null}
      {canHandOver ? (
        <>
          <section className="card">
            <ScanStep
              label={t('handover.label')}
              hint={t('handover.hint')}
              buttonLabel={t('handover.confirm')}
              onScan={onScan}
              inputMode="numeric"
              name="pickup-code"
            />
          </section>
          {order.stagingLocation ? (
            <Notice>
              <p>{t('order.readyAt', { location: order.stagingLocation })}</p>
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
