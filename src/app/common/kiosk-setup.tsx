import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { readKioskSetupCode } from '../../domain/kiosk-setup-code';
import type { ScannedCode } from '../../scan/scanned-code';
import { enrollWithCode, saveKioskSecret } from '../../sync/kiosk-api';
import { ScanStep } from './scan-step';

export interface KioskSetupWords {
  title: string;
  how: string;
  codeLabel: string;
  submit: string;
  hint: string;
  enrolling: string;
  wrongCode: string;
  signIn: string;
}

/**
 * An unenrolled (or revoked) kiosk or board: it scans the enrollment QR a manager's screen shows
 * (camera, hardware scanner, or typed), and is enrolled. A kiosk secret created the old way is
 * still taken when typed or pasted in full.
 */
export function KioskSetup({
  words,
  notice,
  errorText,
  onEnrolled,
}: {
  words: KioskSetupWords;
  /** Why the device is here, e.g. "A manager switched this kiosk off." */
  notice?: string | null;
  errorText: (error: unknown) => string;
  onEnrolled: () => void;
}) {
  const id = useId();
  const [wrongCode, setWrongCode] = useState(false);
  const enroll = useMutation({ mutationFn: enrollWithCode, onSuccess: onEnrolled });
  const onScan = (scan: ScannedCode) => {
    const read = readKioskSetupCode(scan.text);
    setWrongCode(read.kind === 'unknown');
    enroll.reset();
    if (read.kind === 'enrollment') enroll.mutate(scan.text.trim());
    if (read.kind === 'secret') {
      saveKioskSecret(read.secret);
      onEnrolled();
    }
  };
  const problem = wrongCode ? words.wrongCode : enroll.isError ? errorText(enroll.error) : null;
  return (
    <section className="kiosk-card stack" aria-labelledby={`${id}-title`} data-testid="kiosk-not-enrolled">
      <h2 id={`${id}-title`}>{words.title}</h2>
      {notice ? <p role="alert">{notice}</p> : null}
      <p>{words.how}</p>
      <ScanStep
        label={words.codeLabel}
        buttonLabel={words.submit}
        hint={words.hint}
        onScan={onScan}
        enabled={!enroll.isPending}
        name="kiosk-enrollment-code"
      />
      <p
        role="status"
        className={problem ? 'kiosk-setup__problem' : undefined}
        data-testid="kiosk-setup-status"
      >
        {problem ?? (enroll.isPending ? words.enrolling : '')}
      </p>
      <Link to="/sign-in" className="btn btn--secondary">
        {words.signIn}
      </Link>
    </section>
  );
}
