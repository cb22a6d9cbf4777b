import { useEffect, useState } from 'react';
import { useT } from '../i18n/use-t';
import { Notice } from '../ui/alert';
import { Button } from '../ui/button';
import { afterFirstScreen } from '../common/after-first-screen';
import { loadDeviceReads } from './use-device-read';

const STORAGE_CHECK_MS = 5 * 60_000;

function useStorageNearlyFull(): boolean {
  const [full, setFull] = useState(false);
  useEffect(() => {
    const check = () =>
      void loadDeviceReads().then(async ({ storageUsage, STORAGE_WARN_RATIO }) => {
        const ratio = await storageUsage();
        setFull(ratio !== null && ratio > STORAGE_WARN_RATIO);
      });
    const cancelFirst = afterFirstScreen(check);
    const timer = setInterval(check, STORAGE_CHECK_MS);
    return () => {
      cancelFirst();
      clearInterval(timer);
    };
  }, []);
  return full;
}

/** What the associate must know about this device's storage: evicted data, or nearly full. */
export function DeviceNotices({ evicted }: { evicted: boolean }) {
  const t = useT();
  const nearlyFull = useStorageNearlyFull();
  return (
    <>
      {evicted ? (
        <Notice tone="warning">
          <p data-testid="eviction-notice">{t('storage.evicted')}</p>
          <Button onClick={() => void loadDeviceReads().then((reads) => reads.dismissEvictionNotice())}>
            {t('storage.dismiss')}
          </Button>
        </Notice>
      ) : null}
      {nearlyFull ? (
        <Notice tone="warning">
          <p>{t('storage.nearlyFull')}</p>
        </Notice>
      ) : null}
    </>
  );
}
