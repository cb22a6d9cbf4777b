import { z } from 'zod';
import { parsePickupInput } from '../../domain/pickup-pass';
import { parseSignedPass, SIGNED_PASS_PREFIX } from '../../domain/signed-pickup-pass';

/**
 * What the associate typed or scanned at the return counter, read as a way to find an order.
 * The customer may give the order number (as printed, or typed without its separators), their
 * e-mail or phone in any spelling, or show the order's QR: the pickup pass (v2 signed, or an
 * old v1) or a plain QR of the order number. Finding an order needs no signature check (the
 * associate sees the order and the customer's goods); the pass is still parsed strictly, so a
 * damaged or foreign code is refused rather than half-read.
 */
export type ReturnOrderQuery =
  | { kind: 'id'; id: string }
  | { kind: 'pass'; number: string; storeId: string | null }
  | { kind: 'email'; email: string }
  /** A number-like text can be an order number, a phone number, or both (all digits). */
  | { kind: 'text'; number: string | null; phoneDigits: string | null };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const phoneLike = /^\+?[\d\s()./-]+$/;
const numberLike = /^#?[A-Za-z0-9](?:[A-Za-z0-9 ._/-]{0,38}[A-Za-z0-9])?$/;
const email = z.email();

/** An order number as compared: letters and digits only, upper case ("w-700 1001" → "W7001001"). */
export function normaliseOrderNumber(value: string): string {
  return value.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
}

/**
 * A phone's digits in international form: "+39 333 123 4567" and "0039 3331234567" → 393331234567;
 * a national "333 123 4567" stays 3331234567 and is matched against the end of stored numbers.
 */
export function phoneDigitsOf(value: string): string | null {
  if (!phoneLike.test(value)) return null;
  let digits = value.replace(/\D/g, '');
  if (!value.trim().startsWith('+') && digits.startsWith('00')) digits = digits.slice(2);
  return digits.length >= 6 && digits.length <= 15 ? digits : null;
}

function passQuery(text: string): ReturnOrderQuery | null {
  try {
    if (text.startsWith(SIGNED_PASS_PREFIX)) {
      const pass = parseSignedPass(text);
      return { kind: 'pass', number: normaliseOrderNumber(pass.orderNumber), storeId: pass.storeCode };
    }
    const input = parsePickupInput(text);
    return input.kind === 'pass'
      ? { kind: 'pass', number: normaliseOrderNumber(input.orderNumber), storeId: null }
      : null;
  } catch {
    return null;
  }
}

/** The query, or null when it cannot name an order (then the route answers 400). */
export function parseReturnOrderQuery(raw: string): ReturnOrderQuery | null {
  const text = raw.trim();
  if (uuid.test(text)) return { kind: 'id', id: text.toLowerCase() };
  if (text.toUpperCase().startsWith('AISLE:')) return passQuery(text);
  if (text.includes('@')) {
    return email.safeParse(text).success ? { kind: 'email', email: text.toLowerCase() } : null;
  }
  const phoneDigits = phoneDigitsOf(text);
  const number = numberLike.test(text) ? normaliseOrderNumber(text) : null;
  const usableNumber = number && number.length >= 3 ? number : null;
  if (!usableNumber && !phoneDigits) return null;
  return { kind: 'text', number: usableNumber, phoneDigits };
}
