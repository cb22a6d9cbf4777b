import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { EnrolledKiosk, EnrollmentCode } from '../../contract/kiosk';
import {
  enrollKiosk,
  issueEnrollmentCode,
  listKiosks,
  revokeKiosk,
  saveKioskSecret,
} from '../../sync/kiosk-api';
import { useSession } from '../common/use-session';
import { ErrorAlert, Loading } from '../ui/alert';
import { Button } from '../ui/button';
import { EnrollmentQr } from './enrollment-qr';
import { useCounterI18n } from './i18n/counter-i18n';
import { PageHeading } from '../ui/page-heading';
import './counter.css';

const kiosksKey = ['kiosks'] as const;

/** A manager enrolls kiosks (a QR the kiosk scans, or this device itself), and revokes them. */
export function KiosksPage() {
  const { ct } = useCounterI18n();
  const session = useSession();
  if (session?.associate.role !== 'manager') {
    return (
      <div className="stack">
        <PageHeading>{ct('kiosks.title')}</PageHeading>
        <p>{ct('kiosks.managersOnly')}</p>
      </div>
    );
  }
  return (
    <div className="stack">
      <PageHeading>{ct('kiosks.title')}</PageHeading>
      <p>{ct('kiosks.intro')}</p>
      <EnrollForm />
      <KioskList />
    </div>
  );
}

function EnrollForm() {
  const { ct } = useCounterI18n();
  const id = useId();
  const queryClient = useQueryClient();
  const [name, setName] = useState(() => ct('kiosks.defaultName'));
  const [shown, setShown] = useState<EnrollmentCode | null>(null);
  // The usual way: a QR the kiosk scans. Enrolling the device in hand still works too.
  const issue = useMutation({ mutationFn: issueEnrollmentCode, onSuccess: setShown });
  const enrollHere = useMutation({
    mutationFn: (kioskName: string) => enrollKiosk(kioskName),
    onSuccess: (enrolled: EnrolledKiosk) => {
      saveKioskSecret(enrolled.secret);
      void queryClient.invalidateQueries({ queryKey: kiosksKey });
    },
  });
  const showQr = (event?: FormEvent) => {
    event?.preventDefault();
    if (name.trim()) issue.mutate(name.trim());
  };
  const here = enrollHere.data;
  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <form className="stack" onSubmit={showQr}>
        <div className="field">
          <label id={`${id}-title`} htmlFor={`${id}-name`}>
            {ct('kiosks.name')}
          </label>
          <input
            id={`${id}-name`}
            name="kiosk-name"
            value={name}
            maxLength={60}
            required
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <Button type="submit" variant="primary" busy={issue.isPending} data-testid="show-enrollment-qr">
          {ct('kiosks.showQr')}
        </Button>
        <Button
          busy={enrollHere.isPending}
          onClick={() => name.trim() && enrollHere.mutate(name.trim())}
          data-testid="enroll-this-device"
        >
          {ct('kiosks.enrollHere')}
        </Button>
      </form>
      {issue.isError ? <ErrorAlert error={issue.error} /> : null}
      {enrollHere.isError ? <ErrorAlert error={enrollHere.error} /> : null}
      {shown ? (
        <EnrollmentQr
          key={shown.id}
          code={shown}
          kiosksKey={kiosksKey}
          onNew={() => issue.mutate(shown.name)}
          onHide={() => setShown(null)}
        />
      ) : null}
      {here ? (
        <div className="stack" role="status">
          <p>{ct('kiosks.enrolledHere', { name: here.kiosk.name })}</p>
          <Link to="/counter" className="btn btn--primary">
            {ct('kiosks.openCounter')}
          </Link>
          <Link to="/board" className="btn btn--secondary">
            {ct('kiosks.openBoard')}
          </Link>
        </div>
      ) : null}
    </section>
  );
}

function KioskList() {
  const { ct, locale } = useCounterI18n();
  const id = useId();
  const queryClient = useQueryClient();
  const kiosks = useQuery({ queryKey: kiosksKey, queryFn: listKiosks });
  const revoke = useMutation({
    mutationFn: revokeKiosk,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: kiosksKey }),
  });
  const date = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">
        {ct('kiosks.list')}
      </h2>
      {kiosks.isPending ? <Loading /> : null}
      {kiosks.isError ? <ErrorAlert error={kiosks.error} /> : null}
      {revoke.isError ? <ErrorAlert error={revoke.error} /> : null}
      {kiosks.data?.kiosks.length === 0 ? <p>{ct('kiosks.none')}</p> : null}
      <ul className="kiosks-list">
        {kiosks.data?.kiosks.map((kiosk) => (
          <li key={kiosk.id} data-testid="kiosk-row">
            <div>
              <strong>{kiosk.name}</strong>
              <br />
              {ct('kiosks.enrolledBy', { name: kiosk.enrolledBy.name, date: date(kiosk.enrolledAt) })}
              {kiosk.lastSeenAt ? (
                <>
                  <br />
                  {ct('kiosks.lastSeen', { date: date(kiosk.lastSeenAt) })}
                </>
              ) : null}
              {kiosk.revokedAt ? (
                <>
                  <br />
                  {ct('kiosks.revoked', { date: date(kiosk.revokedAt) })}
                </>
              ) : null}
            </div>
            {kiosk.revokedAt ? null : (
              <Button
                variant="danger"
                busy={revoke.isPending && revoke.variables === kiosk.id}
                onClick={() => revoke.mutate(kiosk.id)}
              >
                {ct('kiosks.revoke', { name: kiosk.name })}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
