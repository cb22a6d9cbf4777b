import type { OrderDetail } from '../../contract/orders';
import { isDomainError } from '../../domain/domain-error';
import { handoverErrorCodes, parsePickupInput } from '../../domain/pickup-pass';
import { ScanField } from '../../scan/scan-field';
import { useWedgeScanner } from '../../scan/wedge-scanner';
import { OrderGate } from '../common/order-gate';
import { OrderHeader } from '../common/order-header';
import { OrderSummary } from '../common/order-summary';
import { errorMessageKey } from '../i18n/translate';
import { useT } from '../i18n/use-t';
import { Notice } from '../ui/alert';
import { ButtonLink } from '../ui/button';
import { Icon } from '../ui/icon';
import { ScanBanner } from '../ui/scan-banner';
import { useScanBanner } from '../ui/use-scan-banner';
import { useHandover } from './commands';

export function HandoverPage() {
  return <OrderGate>{(order) => <HandoverView order={order} />}</OrderGate>;
}

/** Refuses what cannot be right without asking the server: a foreign pass or another order's pass. */
function localProblem(raw: string, orderNumber: string): string | null {
  try {
    const input = parsePickupInput(raw);
    return input.kind === 'pass' && input.orderNumber !== orderNumber ? handoverErrorCodes.wrongOrder : null;
  } catch (error) {
    return isDomainError(error) ? error.code : handoverErrorCodes.badPass;
  }
}

function HandoverView({ order }: { order: OrderDetail }) {
  const t = useT();
  const handover = useHandover(order.id);
  const { banner, flash } = useScanBanner();
  const canHandOver = order.status === 'ready';

  const reject = (error: unknown) => flash('error', t('feedback.rejected'), t(errorMessageKey(error)));

  const onScan = (raw: string) => {
    const code = raw.trim();
    if (!code || handover.isPending) return;
    const problem = localProblem(code, order.number);
    if (problem) return reject({ code: problem });
    handover.mutate(code, {
      onSuccess: (collected) =>
        flash(
          'success',
          t('feedback.collected'),
          t('handover.doneBody', { number: collected.number, name: collected.customer.name }),
        ),
      onError: reject,
    });
  };
  useWedgeScanner(onScan, { enabled: canHandOver });

  return (
    <div className="stack">
      <OrderHeader order={order} title={t('handover.title', { number: order.number })} />
      {canHandOver || banner ? <ScanBanner state={banner} /> : null}
      {canHandOver ? (
        <>
          {order.stagingLocation ? (
            <Notice>
              <p>{t('order.readyAt', { location: order.stagingLocation })}</p>
            </Notice>
          ) : null}
          <section className="card">
            <ScanField
              label={t('handover.label')}
              hint={t('handover.hint')}
              buttonLabel={t('handover.confirm')}
              onScan={onScan}
              inputMode="numeric"
              disabled={handover.isPending}
              name="pickup-code"
            />
          </section>
          <OrderSummary order={order} />
        </>
      ) : null}
      {order.status === 'collected' ? (
        <section className="card stack done-panel">
          <h2 className="done-panel__title">
            <Icon name="check" /> {t('handover.done')}
          </h2>
          <ButtonLink to="/" variant="primary" size="lg">
            {t('common.backToQueue')}
          </ButtonLink>
        </section>
      ) : null}
      {!canHandOver && order.status !== 'collected' ? (
        <>
          <Notice tone="warning">
            <p>{t('handover.notReady')}</p>
          </Notice>
          <ButtonLink to={`/orders/${order.id}`} size="lg">
            {t('common.backToOrder')}
          </ButtonLink>
        </>
      ) : null}
    </div>
  );
}
