import { DomainError } from './domain-error';
import { gtinCheckDigit } from './gtin-check-digit';

export const upcEErrorCodes = {
  notNumeric: 'gtin.notNumeric',
  badLength: 'gtin.badLength',
  badNumberSystem: 'gtin.badNumberSystem',
  badCheckDigit: 'gtin.badCheckDigit',
} as const;

type UpcEErrorCode = (typeof upcEErrorCodes)[keyof typeof upcEErrorCodes];

function fail(code: UpcEErrorCode, raw: string, message: string): never {
  throw new DomainError(code, message, { upcE: raw });
}

/**
 * The 11 digits of the UPC-A that a 6-digit UPC-E body stands for (GS1 General Specifications
 * 5.2.2.4.2): the last body digit says where the zeros that were suppressed go.
 */
function upcABody(numberSystem: string, b: string): string {
  const [d1, d2, d3, d4, d5, d6] = b;
  switch (d6) {
    case '0':
    case '1':
    case '2':
      return `${numberSystem}${d1}${d2}${d6}0000${d3}${d4}${d5}`;
    case '3':
      return `${numberSystem}${d1}${d2}${d3}00000${d4}${d5}`;
    case '4':
      return `${numberSystem}${d1}${d2}${d3}${d4}00000${d5}`;
    default:
      return `${numberSystem}${d1}${d2}${d3}${d4}${d5}0000${d6}`;
  }
}

/**
 * Expands a UPC-E to its 12-digit UPC-A. Takes the 8 digits a decoder returns (number system
 * 0 or 1, the 6-digit body, the check digit, which belongs to the UPC-A), or the bare 6-digit
 * body that some scanners send when set to drop the number system and check digit. The bare
 * form carries no check digit, so accept it only from a decoder that said it read UPC-E (the
 * symbol's parity pattern has already checked it); number system 0 is assumed, as those
 * scanners do. A 7-digit form is refused: it cannot tell "NS + body" from "body + check".
 */
export function expandUpcE(raw: string): string {
  const code = raw.trim();
  if (!/^\d+$/.test(code)) fail(upcEErrorCodes.notNumeric, raw, `Not a UPC-E: ${raw}`);
  if (code.length === 6) {
    const body = upcABody('0', code);
    return body + String(gtinCheckDigit(body));
  }
  if (code.length !== 8) fail(upcEErrorCodes.badLength, raw, `A UPC-E has 6 or 8 digits: ${raw}`);
  const numberSystem = code.charAt(0);
  if (numberSystem !== '0' && numberSystem !== '1') {
    fail(upcEErrorCodes.badNumberSystem, raw, `A UPC-E starts with 0 or 1: ${raw}`);
  }
  const body = upcABody(numberSystem, code.slice(1, 7));
  if (gtinCheckDigit(body) !== Number(code.charAt(7))) {
    fail(upcEErrorCodes.badCheckDigit, raw, `Wrong UPC-E check digit: ${raw}`);
  }
  return body + code.charAt(7);
}

/**
 * The 8-digit UPC-E for a UPC-A, or undefined when its zeros do not fall where UPC-E can drop
 * them. Inverse of expandUpcE, for printing labels and for tests.
 */
export function compressToUpcE(upcA: string): string | undefined {
  if (!/^[01]\d{11}$/.test(upcA)) return undefined;
  const ns = upcA.charAt(0);
  const m = upcA.slice(1, 6);
  const p = upcA.slice(6, 11);
  const check = upcA.charAt(11);
  let body: string | undefined;
  if (/^\d\d[012]00$/.test(m) && p.startsWith('00')) body = `${m.slice(0, 2)}${p.slice(2)}${m.charAt(2)}`;
  else if (/^\d\d\d00$/.test(m) && p.startsWith('000')) body = `${m.slice(0, 3)}${p.slice(3)}3`;
  else if (/^\d{4}0$/.test(m) && p.startsWith('0000')) body = `${m.slice(0, 4)}${p.charAt(4)}4`;
  else if (/^\d{4}[1-9]$/.test(m) && /^0000[5-9]$/.test(p)) body = `${m}${p.charAt(4)}`;
  if (body === undefined) return undefined;
  const code = `${ns}${body}${check}`;
  // Round-trip guard: the body must expand back to this very UPC-A.
  return upcABody(ns, body) + check === upcA ? code : undefined;
}
