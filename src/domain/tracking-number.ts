import { parseFleetTrackingNumber } from './fleet-tracking-number';
import { hasValidGs1CheckDigit } from './gtin-check-digit';

export type Carrier = 'ups' | 'fedex' | 'usps' | 'dhl-express' | 'upu-s10' | 'aisle-fleet';

export interface TrackingNumber {
  carrier: Carrier;
  /** The number the carrier's tracking page takes (a routing prefix, if scanned, is dropped). */
  trackingNumber: string;
  /** Which of the carrier's formats, e.g. "fedex-12" or "usps-impb-22". */
  format: string;
  /** UPU S10 only: the ISO country of the postal operator that issued it. */
  country?: string;
}

/** UPS: "1Z" + 15 characters + check digit; letters count as (code − 63) mod 10, odd places ×1, even ×2. */
export function upsCheckDigit(body15: string): number {
  let sum = 0;
  for (let i = 0; i < body15.length; i++) {
    const code = body15.charCodeAt(i);
    const value = code <= 57 ? code - 48 : (code - 63) % 10;
    sum += i % 2 === 0 ? value : value * 2;
  }
  return (10 - (sum % 10)) % 10;
}

/** FedEx Express 12 digits: weights 1, 3, 7 from the right of the 11-digit body, mod 11, 10 → 0. */
export function fedexExpressCheckDigit(body11: string): number {
  const weights = [1, 3, 7];
  let sum = 0;
  for (let i = 0; i < body11.length; i++)
    sum += (body11.charCodeAt(body11.length - 1 - i) - 48) * (weights[i % 3] ?? 0);
  return (sum % 11) % 10;
}

/** UPU S10: weights 8 6 4 2 3 5 9 7 over the 8 serial digits; 11 − sum mod 11, with 10 → 0 and 11 → 5. */
export function s10CheckDigit(serial8: string): number {
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (serial8.charCodeAt(i) - 48) * (weights[i] ?? 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

/** DHL Express waybill, 10 digits: the first 9 taken as a number, mod 7. */
export function dhlExpressCheckDigit(body9: string): number {
  return Number(body9) % 7;
}

const lastDigit = (code: string): number => code.charCodeAt(code.length - 1) - 48;

function numeric(code: string): TrackingNumber | undefined {
  const found = (carrier: Carrier, format: string, trackingNumber = code): TrackingNumber => ({
    carrier,
    trackingNumber,
    format,
  });
  switch (code.length) {
    case 10:
      return dhlExpressCheckDigit(code.slice(0, 9)) === lastDigit(code)
        ? found('dhl-express', 'dhl-express-10')
        : undefined;
    case 12:
      return fedexExpressCheckDigit(code.slice(0, 11)) === lastDigit(code)
        ? found('fedex', 'fedex-12')
        : undefined;
    case 15:
      return hasValidGs1CheckDigit(code) ? found('fedex', 'fedex-ground-15') : undefined;
    case 20:
      return hasValidGs1CheckDigit(code) ? found('usps', 'usps-20') : undefined;
    case 22:
      // FedEx Ground "96" barcodes: the tracking number is the last 15 digits, check on those.
      if (code.startsWith('96')) {
        return hasValidGs1CheckDigit(code.slice(7))
          ? found('fedex', 'fedex-ground-96', code.slice(7))
          : undefined;
      }
      return /^9[1-5]/.test(code) && hasValidGs1CheckDigit(code) ? found('usps', 'usps-impb-22') : undefined;
    case 26:
      return /^9[1-5]/.test(code) && hasValidGs1CheckDigit(code) ? found('usps', 'usps-impb-26') : undefined;
    case 30:
    case 34: {
      // USPS IMpb with its routing prefix: "420" + ZIP (5) or ZIP+4 (9), then the 22-digit number.
      const tail = code.slice(-22);
      if (code.startsWith('420') && /^9[1-5]/.test(tail) && hasValidGs1CheckDigit(tail)) {
        return found('usps', 'usps-impb-22', tail);
      }
      // FedEx Express 34-digit barcode: the 12-digit tracking number closes it.
      const fedex = code.slice(-12);
      if (
        code.length === 34 &&
        code.startsWith('10') &&
        fedexExpressCheckDigit(fedex.slice(0, 11)) === lastDigit(fedex)
      ) {
        return found('fedex', 'fedex-34', fedex);
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The carrier of a parcel number, judged by format and check digit, or undefined. Spaces are
 * ignored and letters upper-cased, so a number typed from a receipt reads as a scanned one.
 * Formats whose check digit cannot be verified here (DHL eCommerce, GLS, BRT...) are not guessed.
 */
export function recogniseTrackingNumber(text: string): TrackingNumber | undefined {
  const code = text.replace(/\s+/g, '').toUpperCase();
  if (/^\d+$/.test(code)) return numeric(code);
  const fleet = parseFleetTrackingNumber(code);
  if (fleet) return { carrier: 'aisle-fleet', trackingNumber: code, format: 'aisle-fleet' };
  if (/^1Z[0-9A-Z]{15}\d$/.test(code) && upsCheckDigit(code.slice(2, 17)) === lastDigit(code)) {
    return { carrier: 'ups', trackingNumber: code, format: 'ups-1z' };
  }
  const s10 = /^[A-Z]{2}(\d{8})(\d)([A-Z]{2})$/.exec(code);
  if (s10 && s10CheckDigit(s10[1] ?? '') === Number(s10[2])) {
    return { carrier: 'upu-s10', trackingNumber: code, format: 'upu-s10', country: s10[3] ?? '' };
  }
  return undefined;
}
