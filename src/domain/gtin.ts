import { DomainError } from './domain-error';

/** The lengths of the GTIN family printed on retail goods: EAN-8, UPC-A, EAN-13, GTIN-14. */
const GTIN_LENGTHS = new Set([8, 12, 13, 14]);

export type GtinKind = 'EAN8' | 'UPCA' | 'EAN13' | 'GTIN14';

export const gtinErrorCodes = {
  notNumeric: 'gtin.notNumeric',
  badLength: 'gtin.badLength',
  badCheckDigit: 'gtin.badCheckDigit',
} as const;

/**
 * The GS1 mod-10 check digit for the digits that precede it: weights 3 and 1 alternate
 * from the right, so the same function serves every GTIN length.
 */
export function gtinCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** Appends the check digit to a GTIN body (7, 11, 12 or 13 digits). */
export function withCheckDigit(body: string): string {
  return body + String(gtinCheckDigit(body));
}

export function gtinKind(code: string): GtinKind | undefined {
  switch (code.length) {
    case 8:
      return 'EAN8';
    case 12:
      return 'UPCA';
    case 13:
      return 'EAN13';
    case 14:
      return 'GTIN14';
    default:
      return undefined;
  }
}

export type GtinParse =
  | { ok: true; gtin14: string; kind: GtinKind }
  | { ok: false; code: (typeof gtinErrorCodes)[keyof typeof gtinErrorCodes] };

/**
 * Normalises a scanned or typed GTIN to GTIN-14, the one form in which equal products
 * compare equal: a UPC-A "036000291452" is the EAN-13 "0036000291452" and the GTIN-14
 * "00036000291452". Surrounding whitespace is ignored; anything else non-numeric is not a GTIN.
 */
export function parseGtin(raw: string): GtinParse {
  const code = raw.trim();
  if (!/^\d+$/.test(code)) return { ok: false, code: gtinErrorCodes.notNumeric };
  if (!GTIN_LENGTHS.has(code.length)) return { ok: false, code: gtinErrorCodes.badLength };
  const body = code.slice(0, -1);
  if (gtinCheckDigit(body) !== Number(code.at(-1))) {
    return { ok: false, code: gtinErrorCodes.badCheckDigit };
  }
  return { ok: true, gtin14: code.padStart(14, '0'), kind: gtinKind(code) as GtinKind };
}

/** Like parseGtin, for trusted input such as the catalogue: a bad GTIN is a programming error. */
export function toGtin14(raw: string): string {
  const parsed = parseGtin(raw);
  if (!parsed.ok) throw new DomainError(parsed.code, `Not a valid GTIN: ${raw}`, { gtin: raw });
  return parsed.gtin14;
}

/** True when two codes name the same trade item, whatever length each was printed at. */
export function sameGtin(a: string, b: string): boolean {
  const pa = parseGtin(a);
  const pb = parseGtin(b);
  return pa.ok && pb.ok && pa.gtin14 === pb.gtin14;
}
