import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiPost } from '../../sync/api-client';
import { ErrorAlert } from '../ui/alert';
import { Button } from '../ui/button';
import { useManagerI18n } from './i18n/manager-i18n';
import { lockOutsQuery } from './queries';

/**
 * Associates whose PIN tries wait after wrong PINs (issue 13 point 4), and a button that lifts
 * the wait on every device. Shown only when someone is locked out.
 */
export function LockOutsPanel() {
  const { mt, errorText, locale } = useManagerI18n();
  const client = useQueryClient();
  const lockOuts = useQuery(lockOutsQuery());
  const [said, setSaid] = useState<{ text: string; error: boolean } | null>(null);
  const lift = useMutation({
    mutationFn: (associateId: string) =>
      apiPost<null>(`/api/manager/associates/${associateId}/lift-lock-out`),
    onSuccess: (_, associateId) => {
      const name = lockOuts.data?.lockedOut.find((a) => a.id === associateId)?.name ?? '';
      setSaid({ text: mt('lockOuts.lifted', { name }), error: false });
      void client.invalidateQueries({ queryKey: lockOutsQuery().queryKey });
    },
    onError: (error) => setSaid({ text: errorText(error), error: true }),
  });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const rows = lockOuts.data?.lockedOut ?? [];
  if (rows.length === 0 && !said && !lockOuts.isError) return null;
  return (
    <section className="card stack" aria-labelledby="lock-outs-title" data-testid="lock-outs">
      <h2 id="lock-outs-title">{mt('lockOuts.title')}</h2>
      <p className="muted">{mt('lockOuts.intro')}</p>
      {lockOuts.isError ? <ErrorAlert error={lockOuts.error} /> : null}
      <div aria-live="polite" role="status">
        {said ? <p className={said.error ? 'mq-message--error' : undefined}>{said.text}</p> : null}
      </div>
      {rows.length === 0 ? <p className="empty">{mt('lockOuts.none')}</p> : null}
      <ul className="lock-outs">
        {rows.map((associate) => (
          <li key={associate.id} className="lock-outs__row" data-testid={`lock-out-${associate.employeeId}`}>
            <span>
              <strong>{associate.name}</strong> · {associate.employeeId}
              <br />
              <span className="muted">
                {mt('lockOuts.until', { time: time.format(new Date(associate.lockedUntil)) })}
              </span>
            </span>
            <Button
              onClick={() => lift.mutate(associate.id)}
              disabled={lift.isPending}
              aria-label={mt('lockOuts.liftFor', { name: associate.name })}
            >
              {mt('lockOuts.lift')}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
