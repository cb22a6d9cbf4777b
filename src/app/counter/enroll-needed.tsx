import { KioskSetup } from '../common/kiosk-setup';
import { counterErrorText, useCounterI18n } from './i18n/counter-i18n';

/** An unenrolled (or revoked) device scans the manager's enrollment QR to become the kiosk. */
export function EnrollNeeded({ error, onSaved }: { error: unknown; onSaved: () => void }) {
  const { ct } = useCounterI18n();
  const revoked =
    typeof error === 'object' && error !== null && 'code' in error && error.code === 'kiosk.revoked';
  return (
    <KioskSetup
      words={{
        title: ct('enroll.needed'),
        how: ct('enroll.how'),
        codeLabel: ct('enroll.codeLabel'),
        submit: ct('enroll.submit'),
        hint: ct('enroll.hint'),
        enrolling: ct('enroll.enrolling'),
        wrongCode: ct('enroll.wrongCode'),
        signIn: ct('enroll.signIn'),
      }}
      notice={revoked ? counterErrorText(ct, error) : null}
      errorText={(problem) => counterErrorText(ct, problem)}
      onEnrolled={onSaved}
    />
  );
}
