import { useT } from '../i18n/use-t';

/** The first sign-in on a device: nothing to show until the store's orders are downloaded. */
export function DownloadingReplica() {
  const t = useT();
  return (
    <div className="loading" role="status" data-testid="replica-downloading">
      <span className="spinner" aria-hidden="true" />
      <p>{t('sync.downloading')}</p>
    </div>
  );
}
