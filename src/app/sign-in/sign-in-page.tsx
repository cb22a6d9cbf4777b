import { PinInput } from '../ui/pin-input';
import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useOnline } from '../common/use-connectivity';
import { useSession } from '../common/use-session';
import { useT } from '../i18n/use-t';
import { ErrorAlert, Notice } from '../ui/alert';
import { Button } from '../ui/button';
import { PageHeading } from '../ui/page-heading';
import { useSignIn } from './commands';
import { useStores } from './queries';
import { useFirstScreenReady } from '../common/after-first-screen';

const LAST_STORE_KEY = 'aisle.lastStore';

function lastStore(): string {
  try {
    return localStorage.getItem(LAST_STORE_KEY) ?? '';
  } catch {
    return '';
  }
}

type LocalProblem = 'signIn.missingFields' | 'signIn.pinFormat' | 'signIn.offline';

export function SignInPage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const stores = useStores();
  const online = useOnline();
  useFirstScreenReady();
  const signIn = useSignIn();
  const [storeId, setStoreId] = useState(lastStore);
  const [employeeId, setEmployeeId] = useState('');
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<LocalProblem | null>(null);

  const from = (location.state as { from?: string } | null)?.from ?? '/';
  if (session && !signIn.isPending) return <Navigate to={from} replace />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!storeId || !employeeId.trim() || !pin) return setProblem('signIn.missingFields');
    if (!/^\d{4,8}$/.test(pin)) return setProblem('signIn.pinFormat');
    // A first sign-in cannot happen offline: say so now rather than wait on the network.
    if (!online) return setProblem('signIn.offline');
    setProblem(null);
    signIn.mutate(
      { storeId, employeeId: employeeId.trim(), pin },
      {
        onSuccess: () => {
          try {
            localStorage.setItem(LAST_STORE_KEY, storeId);
          } catch {
            // Only a convenience for next time.
          }
          void navigate(from, { replace: true });
        },
        onError: () => setPin(''),
      },
    );
  };

  return (
    <div className="narrow stack">
      <PageHeading>{t('signIn.title')}</PageHeading>
      {!online && problem !== 'signIn.offline' ? (
        <Notice tone="warning">
          <p data-testid="sign-in-offline">{t('signIn.offline')}</p>
        </Notice>
      ) : null}
      <form className="card stack" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="sign-in-store">{t('signIn.store')}</label>
          <select
            id="sign-in-store"
            value={storeId}
            onChange={(event) => setStoreId(event.target.value)}
            disabled={stores.isPending}
            required
          >
            <option value="">{t('signIn.chooseStore')}</option>
            {stores.data?.map((store) => (
              <option key={store.id} value={store.id}>
                {store.name}
              </option>
            ))}
          </select>
        </div>
        {stores.isError ? (
          <ErrorAlert error={stores.error}>
            <p>{t('signIn.storesError')}</p>
            <Button onClick={() => void stores.refetch()}>{t('common.retry')}</Button>
          </ErrorAlert>
        ) : null}
        <div className="field">
          <label htmlFor="sign-in-employee">{t('signIn.employeeId')}</label>
          <input
            id="sign-in-employee"
            name="employeeId"
            autoComplete="username"
            autoCapitalize="off"
            spellCheck={false}
            value={employeeId}
            onChange={(event) => setEmployeeId(event.target.value)}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="sign-in-pin">{t('signIn.pin')}</label>
          <PinInput id="sign-in-pin" aria-describedby="sign-in-pin-hint" value={pin} onValueChange={setPin} />
          <p id="sign-in-pin-hint" className="field__hint">
            {t('signIn.pinHint')}
          </p>
        </div>
        <div aria-live="polite">
          {problem && !(problem === 'signIn.offline' && online) ? (
            <div className="alert alert--error" role="alert">
              <p>{t(problem)}</p>
            </div>
          ) : signIn.isError ? (
            <ErrorAlert error={signIn.error} />
          ) : null}
        </div>
        <Button type="submit" variant="primary" size="lg" busy={signIn.isPending}>
          {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
        </Button>
      </form>
      <p className="demo-hint">{t('signIn.demoHint')}</p>
    </div>
  );
}
