import { describe, expect, it } from 'vitest';
import { kioskEnrollmentText, readKioskSetupCode } from './kiosk-setup-code';

const code = 'A'.repeat(20) + 'b_-9'.repeat(7);

describe('kiosk setup code', () => {
  it('reads the enrollment QR, with the padding and case a scanner may add to its prefix', () => {
    expect(code).toHaveLength(48);
    expect(readKioskSetupCode(kioskEnrollmentText(code))).toEqual({ kind: 'enrollment', code });
    expect(readKioskSetupCode(`  aisle:kiosk:1:${code}\n`)).toEqual({ kind: 'enrollment', code });
  });

  it('still takes a kiosk secret typed in full, the way kiosks were set up before', () => {
    const secret = `kiosk_${'x'.repeat(43)}`;
    expect(readKioskSetupCode(` ${secret} `)).toEqual({ kind: 'secret', secret });
  });

  it('refuses anything else: a cut code, a pickup pass, a product', () => {
    expect(readKioskSetupCode(kioskEnrollmentText(code.slice(1)))).toEqual({ kind: 'unknown' });
    expect(readKioskSetupCode('AISLE:PASS:2:abc')).toEqual({ kind: 'unknown' });
    expect(readKioskSetupCode('8001234567895')).toEqual({ kind: 'unknown' });
    expect(readKioskSetupCode('')).toEqual({ kind: 'unknown' });
  });
});
