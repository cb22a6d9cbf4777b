import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { saveKioskSecret } from '../../sync/kiosk-api';
import { Button } from '../ui/button';
import { counterErrorText, useCounterI18n } from './i18n/counter-i18n';

/** An unenrolled (or revoked) device explains how a manager sets it up, and takes a key. */
export function EnrollNeeded({ error, onSaved }: { error: unknown; onSaved: () => void }) {
  const { ct } = useCounterI18n();
  const id = useId();
  const [key, setKey] = useState('');
  const revoked =
    typeof error === 'object' && error !== null && 'code' in error && error.code === 'kiosk.revoked';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!key.trim()) return;
    saveKioskSecret(key);
    onSaved();
  };
  return (
    <section className="kiosk-card stack" aria-labelledby={`${id}-title`} data-testid="kiosk-not-enrolled">
      <h2 id={`${id}-title`}>{ct('enroll.needed')}</h2>
      {revoked ? <p role="alert">{counterErrorText(ct, error)}</p> : null}
      <p>{ct('enroll.how')}</p>
      <form className="stack" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-key`}>{ct('enroll.keyLabel')}</label>
          <input
            id={`${id}-key`}
            name="kiosk-key"
            value={key}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setKey(event.target.value)}
          />
        </div>
        <Button type="submit" variant="primary">
          {ct('enroll.save')}
        </Button>
      </form>
      <Link to="/sign-in" className="btn btn--secondary">
        {ct('enroll.signIn')}
      </Link>
    </section>
  );
}
