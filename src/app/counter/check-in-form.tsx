import { useId, useState, type FormEvent } from 'react';
import type { CheckInBody } from '../../contract/kiosk';
import { readKioskSetupCode } from '../../domain/kiosk-setup-code';
import type { ScannedCode } from '../../scan/scanned-code';
import { ScanStep } from '../common/scan-step';
import { Button } from '../ui/button';
import { useCounterI18n } from './i18n/counter-i18n';

/** The two ways in: the pass QR (camera or scanner), or the order number and pickup code. */
export function CheckInForm({
  busy,
  error,
  onCheckIn,
}: {
  busy: boolean;
  error: string | null;
  onCheckIn: (body: CheckInBody) => void;
}) {
  const { ct } = useCounterI18n();
  const id = useId();
  const [orderNumber, setOrderNumber] = useState('');
  const [pickupCode, setPickupCode] = useState('');

  const onScan = (scan: ScannedCode) => {
    const text = scan.text.trim();
    // The manager's enrollment QR, still in front of the camera that just enrolled this kiosk.
    if (readKioskSetupCode(text).kind === 'enrollment') return;
    if (text) onCheckIn({ pass: text });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!orderNumber.trim() || !/^\d{6}$/.test(pickupCode.trim())) return;
    onCheckIn({ orderNumber: orderNumber.trim(), pickupCode: pickupCode.trim() });
  };

  return (
    <div className="counter-start stack">
      <div className="kiosk-card">
        <h2 className="counter-welcome">{ct('counter.welcome')}</h2>
        <p className="counter-intro">{ct('counter.intro')}</p>
      </div>
      {error ? (
        <p className="counter-error" role="alert" data-testid="check-in-error">
          {error}
        </p>
      ) : null}
      <div className="counter-ways">
        <section className="kiosk-card stack" aria-labelledby={`${id}-scan`}>
          <h2 id={`${id}-scan`}>{ct('counter.scanTitle')}</h2>
          <ScanStep
            label={ct('counter.scanLabel')}
            buttonLabel={ct('counter.scanButton')}
            hint={ct('counter.scanHint')}
            onScan={onScan}
            enabled={!busy}
            name="pickup-pass"
          />
        </section>
        <section className="kiosk-card stack" aria-labelledby={`${id}-type`}>
          <h2 id={`${id}-type`}>{ct('counter.typeTitle')}</h2>
          <form className="stack" onSubmit={submit} data-testid="check-in-form">
            <div className="field">
              <label htmlFor={`${id}-number`}>{ct('counter.orderNumber')}</label>
              <input
                id={`${id}-number`}
                name="order-number"
                className="counter-input"
                value={orderNumber}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                maxLength={32}
                required
                onChange={(event) => setOrderNumber(event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-code`}>{ct('counter.pickupCode')}</label>
              <input
                id={`${id}-code`}
                name="pickup-code"
                className="counter-input"
                value={pickupCode}
                inputMode="numeric"
                pattern="\d{6}"
                autoComplete="off"
                maxLength={6}
                required
                onChange={(event) => setPickupCode(event.target.value.replace(/\D/g, ''))}
              />
            </div>
            <Button type="submit" variant="primary" size="lg" busy={busy}>
              {busy ? ct('counter.checking') : ct('counter.submit')}
            </Button>
          </form>
        </section>
      </div>
    </div>
  );
}
