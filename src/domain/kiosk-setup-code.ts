/**
 * What a kiosk's setup screen reads: the enrollment QR a manager's screen shows
 * (`AISLE:KIOSK:1:<48-character signed code>`), or, for devices set up the old way, a kiosk
 * secret typed or pasted in full (`kiosk_<43 characters>`). A hardware scanner may add spaces
 * or change the case of the prefix, so both are read leniently; the signed part is exact.
 */
export const KIOSK_ENROLLMENT_PREFIX = 'AISLE:KIOSK:1:';

export type KioskSetupCode =
  { kind: 'enrollment'; code: string } | { kind: 'secret'; secret: string } | { kind: 'unknown' };

export function kioskEnrollmentText(code: string): string {
  return `${KIOSK_ENROLLMENT_PREFIX}${code}`;
}

export function readKioskSetupCode(text: string): KioskSetupCode {
  const trimmed = text.trim();
  const enrollment = /^AISLE:KIOSK:1:([A-Za-z0-9_-]{48})$/i.exec(trimmed);
  if (enrollment?.[1]) return { kind: 'enrollment', code: enrollment[1] };
  if (/^kiosk_[A-Za-z0-9_-]{43}$/.test(trimmed)) return { kind: 'secret', secret: trimmed };
  return { kind: 'unknown' };
}
