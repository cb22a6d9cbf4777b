import { useT } from '../i18n/use-t';
import { Notice } from '../ui/alert';
import { ButtonLink } from '../ui/button';

/** Shown when a step's page is opened for an order that is not at that step. */
export function StepUnavailable({ message, orderId }: { message: string; orderId: string }) {
  const t = useT();
  return (
    <>
      <Notice tone="warning">
        <p>{message}</p>
      </Notice>
      <ButtonLink to={`/orders/${orderId}`} size="lg">
        {t('common.backToOrder')}
      </ButtonLink>
    </>
  );
}
