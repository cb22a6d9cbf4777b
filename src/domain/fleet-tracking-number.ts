import { DomainError } from './domain-error';

export const fleetTrackingErrorCodes = {
  badStoreCode: 'tracking.badStoreCode',
  badSequence: 'tracking.badSequence',
} as const;

/*
 * Aisle's own fleet (store-to-door vans): AIS + the 4-character store code + a 7-digit
 * sequence per store + one check character, 15 characters in all, e.g. "AISMI010000042" + check.
 * Upper-case letters and digits only, so it scans as a short Code 128 and types unambiguously.
 * The check character is Luhn mod 36 over everything before it: like a card number's Luhn,
 * it catches every single wrong character and every swap of two adjacent ones.
 */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const PATTERN = /^AIS([A-Z0-9]{4})(\d{7})([A-Z0-9])$/;

/** The Luhn mod 36 check character for a string of digits and upper-case letters. */
export function luhnMod36CheckChar(body: string): string {
  let sum = 0;
  let double = true;
  for (let i = body.length - 1; i >= 0; i--) {
    const value = ALPHABET.indexOf(body.charAt(i));
    if (value < 0) throw new RangeError(`Not a base-36 character: ${body.charAt(i)}`);
    const addend = double ? value * 2 : value;
    sum += Math.floor(addend / 36) + (addend % 36);
    double = !double;
  }
  return ALPHABET.charAt((36 - (sum % 36)) % 36);
}

export function formatFleetTrackingNumber(storeCode: string, sequence: number): string {
  if (!/^[A-Z0-9]{4}$/.test(storeCode)) {
    throw new DomainError(
      fleetTrackingErrorCodes.badStoreCode,
      'Fleet numbers need a 4-character store code',
      {
        storeCode,
      },
    );
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 9_999_999) {
    throw new DomainError(fleetTrackingErrorCodes.badSequence, 'Fleet sequence runs from 1 to 9,999,999', {
      sequence,
    });
  }
  const body = `AIS${storeCode}${String(sequence).padStart(7, '0')}`;
  return body + luhnMod36CheckChar(body);
}

/** The store and sequence of a valid fleet number, or undefined. */
export function parseFleetTrackingNumber(text: string): { storeCode: string; sequence: number } | undefined {
  const match = PATTERN.exec(text);
  if (!match) return undefined;
  const [, storeCode = '', sequence = '', check] = match;
  if (luhnMod36CheckChar(text.slice(0, -1)) !== check) return undefined;
  return { storeCode, sequence: Number(sequence) };
}
