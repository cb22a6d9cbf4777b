import { isApiError } from '../../sync/api-client';
import { useT } from '../i18n/use-t';
import { ErrorAlert, Notice } from '../ui/alert';
import { Button } from '../ui/button';

/** Why a lookup shows nothing: no network and nothing kept on the device, or the server said no. */
export function LookupError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  if (isApiError(error) && error.status === 0) {
    return (
      <Notice tone="warning">
        <p data-testid="lookup-offline">{t('stock.offlineNoCache')}</p>
      </Notice>
    );
  }
  return (
    <ErrorAlert error={error}>
      <Button onClick={onRetry}>{t('common.retry')}</Button>
    </ErrorAlert>
  );
}
