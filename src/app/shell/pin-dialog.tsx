import { PinInput } from '../ui/pin-input';
import { useState, type FormEvent } from 'react';
import { useSyncExternalStore } from 'react';
import { signIn } from '../../sync/api-client';
import { sessionNeedsPin, subscribeSession } from '../../sync/session-store';
import { useT } from '../i18n/use-t';
import { ErrorAlert } from '../ui/alert';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { useSession } from '../common/use-session';

/**
 * The server refused the session (e.g. the token expired offline and the refresh token is
 * gone): the same associate enters the PIN, and the queue syncs on as it was.
 */
export function PinDialog() {
  const t = useT();
  const session = useSession();
  const needsPin = useSyncExternalStore(subscribeSession, sessionNeedsPin, () => false);
  const [dismissed, setDismissed] = useState(false);
  const open = needsPin && !dismissed && session !== null;

  return (
    <>
      {needsPin && dismissed ? (
        <div className="alert alert--warning pin-reminder">
          <p>{t('session.pinTitle')}</p>
          <Button variant="primary" onClick={() => setDismissed(false)}>
            {t('session.pinSubmit')}
          </Button>
        </div>
      ) : null}
      <Dialog open={open} title={t('session.pinTitle')} onClose={() => needsPin && setDismissed(true)}>
        {session ? (
          <PinForm
            storeId={session.associate.storeId}
            employeeId={session.associate.employeeId}
            name={session.associate.name}
          />
        ) : null}
      </Dialog>
    </>
  );
}

function PinForm({ storeId, employeeId, name }: { storeId: string; employeeId: string; name: string }) {
  const t = useT();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    signIn({ storeId, employeeId, pin })
      .catch((caught: unknown) => {
        setError(caught);
        setPin('');
      })
      .finally(() => setBusy(false));
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <p>{t('session.pinBody', { name })}</p>
      <div className="field">
        <label htmlFor="pin-again">{t('signIn.pin')}</label>
        <PinInput id="pin-again" value={pin} onValueChange={setPin} />
      </div>
      <div aria-live="polite">{error ? <ErrorAlert error={error} /> : null}</div>
      <Button type="submit" variant="primary" size="lg" busy={busy}>
        {t('session.pinSubmit')}
      </Button>
    </form>
  );
}
