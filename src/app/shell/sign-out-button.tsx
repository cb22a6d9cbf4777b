import { useState } from 'react';
import { useNavigate } from 'react-router';
import { signOut } from '../../sync/api-client';
import { useI18n } from '../i18n/use-t';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { loadDeviceReads } from './use-device-read';

/** Signing out never discards work: with unsynced actions it asks first, and keeps them. */
export function SignOutButton({ associateId }: { associateId: string }) {
  const { t, tp } = useI18n();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [unsynced, setUnsynced] = useState(0);

  const leave = async () => {
    setBusy(true);
    setUnsynced(0);
    await signOut();
    setBusy(false);
    void navigate('/sign-in', { replace: true });
  };

  const onClick = async () => {
    const count = await (await loadDeviceReads()).countUnsettled(associateId);
    if (count > 0) setUnsynced(count);
    else await leave();
  };

  return (
    <>
      <button type="button" className="btn btn--header" onClick={() => void onClick()} disabled={busy}>
        {t('header.signOut')}
      </button>
      <Dialog open={unsynced > 0} title={t('session.signOutTitle')} onClose={() => setUnsynced(0)}>
        <div className="stack" data-testid="sign-out-confirm">
          <p>{tp('session.unsynced', unsynced)}</p>
          <div className="button-row">
            <Button onClick={() => setUnsynced(0)}>{t('session.stay')}</Button>
            <Button variant="danger" onClick={() => void leave()}>
              {t('session.signOutAnyway')}
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
