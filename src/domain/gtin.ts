import { DomainError, isDomainError } from './domain-error';
import { gtinCheckDigit } from './gtin-check-digit';
import type { Symbology } from './symbology';
import { expandUpcE } from './upc-e';

export { gtinCheckDigit } from './gtin-check-digit';

/** The lengths of the GTIN family printed on retail goods: EAN-8, UPC-A, EAN-13, GTIN-14. */
const GTIN_LENGTHS = new Set([8, 12, 13, 14]);

/** How the code was printed. 'UPCE' only when the decoder said so: see parseGtin. */
export type GtinKind = 'EAN8' | 'UPCE' | 'UPCA' | 'EAN13' | 'GTIN14';

export const gtinErrorCodes = {
  notNumeric: 'gtin.notNumeric',
  badLength: 'gtin.badLength',
  badCheckDigit: 'gtin.badCheckDigit',
  badNumberSystem: 'gtin.badNumberSystem',
} as const;

type GtinErrorCode = (typeof gtinErrorCodes)[keyof typeof gtinErrorCodes];

export interface ParseGtinOptions {
  /**
   * The format the decoder read, when it knows. Only UPC_E changes the outcome: its 8 digits
   * (or a bare 6-digit body) are expanded to the UPC-A they stand for, where without the hint
   * 8 digits are an EAN-8. Other hints change nothing, as the length already decides.
   */
  symbology?: Symbology;
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

export type GtinParse = { ok: true; gtin14: string; kind: GtinKind } | { ok: false; code: GtinErrorCode };

/**
 * Normalises a scanned or typed GTIN to GTIN-14, the one form in which equal products
 * compare equal: a UPC-A "036000291452" is the EAN-13 "0036000291452" and the GTIN-14
 * "00036000291452". Surrounding whitespace is ignored; anything else non-numeric is not a GTIN.
 */
export function parseGtin(raw: string, options: ParseGtinOptions = {}): GtinParse {
  const code = raw.trim();
  if (options.symbology === 'UPC_E') return parseUpcE(code);
  if (!/^\d+$/.test(code)) return { ok: false, code: gtinErrorCodes.notNumeric };
  if (!GTIN_LENGTHS.has(code.length)) return { ok: false, code: gtinErrorCodes.badLength };
  const body = code.slice(0, -1);
  if (gtinCheckDigit(body) !== Number(code.at(-1))) {
    return { ok: false, code: gtinErrorCodes.badCheckDigit };
  }
  return { ok: true, gtin14: code.padStart(14, '0'), kind: gtinKind(code) as GtinKind };
}

function parseUpcE(code: string): GtinParse {
  try {
    return { ok: true, gtin14: expandUpcE(code).padStart(14, '0'), kind: 'UPCE' };
  } catch (error) {
    if (isDomainError(error)) return { ok: false, code: error.code as GtinErrorCode };
    throw error;
  }
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
