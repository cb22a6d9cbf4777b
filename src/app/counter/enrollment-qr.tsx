import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { EnrollmentCode } from '../../contract/kiosk';
import { fetchEnrollmentCodeStatus } from '../../sync/kiosk-api';
import { QrCode } from '../common/qr-code';
import { ErrorAlert } from '../ui/alert';
import { Button } from '../ui/button';
import { useCounterI18n } from './i18n/counter-i18n';

/** How often the manager's screen asks whether the kiosk has scanned the code yet. */
const STATUS_POLL_MS = 2_000;

/**
 * The enrollment QR on the manager's screen, until a kiosk scans it (then the screen says which
 * kiosk it became) or it expires (then a new one is a tap away).
 */
export function EnrollmentQr({
  code,
  onNew,
  onHide,
  kiosksKey,
}: {
  code: EnrollmentCode;
  onNew: () => void;
  onHide: () => void;
  kiosksKey: readonly string[];
}) {
  const { ct, locale } = useCounterI18n();
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: ['kiosks', 'enrollment-code', code.id],
    queryFn: ({ signal }) => fetchEnrollmentCodeStatus(code.id, signal),
    refetchInterval: (query) =>
      query.state.data?.state === 'waiting' || !query.state.data ? STATUS_POLL_MS : false,
  });
  const state = status.data?.state ?? 'waiting';
  useEffect(() => {
    if (state === 'used') void queryClient.invalidateQueries({ queryKey: kiosksKey });
  }, [state, queryClient, kiosksKey]);
  const origin = window.location.origin;
  const until = new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(new Date(code.expiresAt));

  return (
    <div className="stack enrollment-qr" data-testid="enrollment-qr" data-state={state}>
      {state === 'waiting' ? (
        <>
          <QrCode
            className="enrollment-qr__code"
            text={code.text}
            label={ct('kiosks.qrLabel', { name: code.name })}
          />
          <p>{ct('kiosks.qrHow', { counter: `${origin}/counter`, board: `${origin}/board`, time: until })}</p>
        </>
      ) : null}
      <p role="status" className="enrollment-qr__state">
        {state === 'used'
          ? ct('kiosks.qrUsed', { name: status.data?.kiosk?.name ?? code.name })
          : state === 'expired'
            ? ct('kiosks.qrExpired')
            : ct('kiosks.qrWaiting')}
      </p>
      {status.isError ? <ErrorAlert error={status.error} /> : null}
      <div className="button-row">
        {state === 'waiting' ? null : (
          <Button variant="primary" onClick={onNew}>
            {ct('kiosks.qrNew')}
          </Button>
        )}
        <Button onClick={onHide}>{ct('kiosks.qrHide')}</Button>
      </div>
    </div>
  );
}
