import { describe, expect, it } from 'vitest';
import { domainErrorOf } from './domain-error-of';
import { DomainError } from './domain-error';
import {
  gtinCheckDigit,
  gtinErrorCodes,
  gtinKind,
  parseGtin,
  sameGtin,
  toGtin14,
  withCheckDigit,
} from './gtin';

/** Real, published codes: the last digit is the GS1 check digit. */
const realCodes = [
  { code: '036000291452', kind: 'UPCA', note: 'UPC-A, the classic GS1 example' },
  { code: '4006381333931', kind: 'EAN13', note: 'EAN-13, German (400) prefix' },
  { code: '5901234123457', kind: 'EAN13', note: 'EAN-13, Polish (590) GS1 example' },
  { code: '8001505005707', kind: 'EAN13', note: 'EAN-13, Italian (800) prefix' },
  { code: '96385074', kind: 'EAN8', note: 'EAN-8' },
  { code: '40170725', kind: 'EAN8', note: 'EAN-8' },
  { code: '10012345678902', kind: 'GTIN14', note: 'GTIN-14 with packaging indicator 1' },
  { code: '00012345678905', kind: 'GTIN14', note: 'GTIN-14 wrapping a UPC-A' },
] as const;

describe('gtinCheckDigit', () => {
  it.each(realCodes)('computes the check digit of $code ($note)', ({ code }) => {
    expect(gtinCheckDigit(code.slice(0, -1))).toBe(Number(code.at(-1)));
  });

  it('gives 0, not 10, when the weighted sum is already a multiple of ten', () => {
    expect(gtinCheckDigit('0000000')).toBe(0);
    // 5×3 + 5×1 = 20 → 0
    expect(gtinCheckDigit('0000055')).toBe(0);
    // 1×3 (the leftmost of 7 digits has weight 3, counting from the right) → 10 − 3
    expect(gtinCheckDigit('1000000')).toBe(7);
  });

  it('weights from the right, so leading zeros do not change the check digit', () => {
    expect(gtinCheckDigit('03600029145')).toBe(2);
    expect(gtinCheckDigit('003600029145')).toBe(2);
    expect(gtinCheckDigit('0003600029145')).toBe(2);
  });
});

describe('withCheckDigit', () => {
  it('appends the check digit to bodies of every GTIN length', () => {
    expect(withCheckDigit('9638507')).toBe('96385074');
    expect(withCheckDigit('03600029145')).toBe('036000291452');
    expect(withCheckDigit('400638133393')).toBe('4006381333931');
    expect(withCheckDigit('1001234567890')).toBe('10012345678902');
  });
});

describe('gtinKind', () => {
  it('names each GTIN length and nothing else', () => {
    expect(gtinKind('96385074')).toBe('EAN8');
    expect(gtinKind('036000291452')).toBe('UPCA');
    expect(gtinKind('4006381333931')).toBe('EAN13');
    expect(gtinKind('10012345678902')).toBe('GTIN14');
    expect(gtinKind('1234567')).toBeUndefined();
    expect(gtinKind('123456789')).toBeUndefined();
    expect(gtinKind('')).toBeUndefined();
  });
});

describe('parseGtin', () => {
  it.each(realCodes)('accepts $code as $kind and pads it to GTIN-14', ({ code, kind }) => {
    expect(parseGtin(code)).toEqual({ ok: true, gtin14: code.padStart(14, '0'), kind });
  });

  it('normalises a UPC-A, its EAN-13 form and its GTIN-14 form to the same GTIN-14', () => {
    const upcA = parseGtin('036000291452');
    const ean13 = parseGtin('0036000291452');
    const gtin14 = parseGtin('00036000291452');
    expect(upcA).toEqual({ ok: true, gtin14: '00036000291452', kind: 'UPCA' });
    expect(ean13).toEqual({ ok: true, gtin14: '00036000291452', kind: 'EAN13' });
    expect(gtin14).toEqual({ ok: true, gtin14: '00036000291452', kind: 'GTIN14' });
  });

  it('keeps leading zeros (a GTIN is a string, not a number)', () => {
    expect(parseGtin('00012345678905')).toMatchObject({ ok: true, gtin14: '00012345678905' });
    expect(parseGtin('012345678905')).toMatchObject({ ok: true, gtin14: '00012345678905', kind: 'UPCA' });
    expect(parseGtin('00000000')).toMatchObject({ ok: true, gtin14: '00000000000000', kind: 'EAN8' });
  });

  it('ignores surrounding whitespace, including a scanner’s trailing newline or tab', () => {
    expect(parseGtin('  4006381333931  ')).toMatchObject({ ok: true, gtin14: '04006381333931' });
    expect(parseGtin('036000291452\n')).toMatchObject({ ok: true, gtin14: '00036000291452' });
    expect(parseGtin('\t96385074\r\n')).toMatchObject({ ok: true, gtin14: '00000096385074' });
  });

  it('refuses a wrong check digit', () => {
    expect(parseGtin('036000291453')).toEqual({ ok: false, code: gtinErrorCodes.badCheckDigit });
    expect(parseGtin('4006381333932')).toEqual({ ok: false, code: 'gtin.badCheckDigit' });
    expect(parseGtin('96385075')).toEqual({ ok: false, code: 'gtin.badCheckDigit' });
    expect(parseGtin('10012345678903')).toEqual({ ok: false, code: 'gtin.badCheckDigit' });
  });

  it('catches a transposition of adjacent digits, except digits that differ by 5 (a GS1 mod-10 limit)', () => {
    // 4006381333931 → swap "63" to "36": caught
    expect(parseGtin('4003681333931')).toEqual({ ok: false, code: 'gtin.badCheckDigit' });
    // 4006381333931 → swap "38" to "83": 3 and 8 differ by 5, so the weighted sum is unchanged mod 10
    expect(parseGtin('4006831333931')).toMatchObject({ ok: true });
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['letters', 'ABCDEFGHIJKL'],
    ['a letter inside', '03600029145X'],
    ['a hyphen (as printed on some labels)', '0-36000-29145-2'],
    ['inner space', '036000 291452'],
    ['a sign', '+036000291452'],
    ['a decimal point', '3600029145.2'],
    ['full-width digits', '０３６０００２９１４５２'],
  ])('refuses %s as not numeric', (_label, raw) => {
    expect(parseGtin(raw)).toEqual({ ok: false, code: gtinErrorCodes.notNumeric });
  });

  it.each([
    [1, '0'],
    [7, '9638507'],
    [9, '963850740'],
    [10, '0123456789'],
    [11, '03600029145'],
    [15, '000036000291452'],
    [18, '000000036000291452'],
  ])('refuses %i digits as a bad length', (length, raw) => {
    expect(raw).toHaveLength(length);
    expect(parseGtin(raw)).toEqual({ ok: false, code: gtinErrorCodes.badLength });
  });

  it('checks for digits before length, and length before the check digit', () => {
    expect(parseGtin('12345X7')).toEqual({ ok: false, code: 'gtin.notNumeric' });
    // 7 digits whose last digit would be a "valid" check digit for the first 6: still a bad length
    expect(parseGtin('000000' + String(gtinCheckDigit('000000')))).toEqual({
      ok: false,
      code: 'gtin.badLength',
    });
  });
});

describe('toGtin14', () => {
  it('returns the GTIN-14 of any valid length', () => {
    expect(toGtin14('96385074')).toBe('00000096385074');
    expect(toGtin14('036000291452')).toBe('00036000291452');
    expect(toGtin14('8001505005707')).toBe('08001505005707');
    expect(toGtin14(' 10012345678902 ')).toBe('10012345678902');
  });

  it.each([
    ['036000291453', 'gtin.badCheckDigit'],
    ['03600029145', 'gtin.badLength'],
    ['ABC', 'gtin.notNumeric'],
    ['', 'gtin.notNumeric'],
  ])('throws a DomainError for %j with code %s and the input in details', (raw, code) => {
    const error = domainErrorOf(() => toGtin14(raw));
    expect(error).toBeInstanceOf(DomainError);
    expect(error.name).toBe('DomainError');
    expect(error.code).toBe(code);
    expect(error.details).toEqual({ gtin: raw });
    expect(() => toGtin14(raw)).toThrow(expect.objectContaining({ code }));
  });
});

describe('sameGtin', () => {
  it('treats UPC-A, EAN-13 and GTIN-14 forms of one product as the same', () => {
    expect(sameGtin('036000291452', '0036000291452')).toBe(true);
    expect(sameGtin('036000291452', '00036000291452')).toBe(true);
    expect(sameGtin('0036000291452', '00036000291452')).toBe(true);
    expect(sameGtin('96385074', '00000096385074')).toBe(true);
    expect(sameGtin(' 4006381333931', '04006381333931\n')).toBe(true);
  });

  it('tells different products apart', () => {
    expect(sameGtin('4006381333931', '5901234123457')).toBe(false);
    // Same digits, different packaging indicator: a case of 12 is not a single unit.
    expect(sameGtin('10012345678902', '00012345678905')).toBe(false);
  });

  it('is false whenever either side is not a valid GTIN, even for identical strings', () => {
    expect(sameGtin('036000291453', '036000291453')).toBe(false);
    expect(sameGtin('036000291452', '036000291453')).toBe(false);
    expect(sameGtin('ABC', 'ABC')).toBe(false);
    expect(sameGtin('', '')).toBe(false);
    expect(sameGtin('03600029145', '036000291452')).toBe(false);
  });
});

describe('parseGtin with the symbology the decoder read', () => {
  it('expands a UPC-E to the GTIN-14 of its UPC-A, so it matches the catalogue entry', () => {
    expect(parseGtin('04963406', { symbology: 'UPC_E' })).toEqual({
      ok: true,
      gtin14: '00049000006346',
      kind: 'UPCE',
    });
    expect(sameGtin('049000006346', '00049000006346')).toBe(true);
  });

  it('reads 8 digits as an EAN-8 without the hint, as before', () => {
    // 01234565 is valid both ways: only the decoder knows which symbol it saw.
    expect(parseGtin('01234565')).toEqual({ ok: true, gtin14: '00000001234565', kind: 'EAN8' });
    expect(parseGtin('01234565', { symbology: 'UPC_E' })).toEqual({
      ok: true,
      gtin14: '00012345000065',
      kind: 'UPCE',
    });
    expect(parseGtin('01234565', { symbology: 'EAN_8' })).toMatchObject({ kind: 'EAN8' });
    // The Coca-Cola UPC-E's check digit belongs to its UPC-A, so as an EAN-8 it is wrong.
    expect(parseGtin('04963406')).toEqual({ ok: false, code: 'gtin.badCheckDigit' });
  });

  it('accepts the bare 6-digit UPC-E body only with the hint', () => {
    expect(parseGtin('425261', { symbology: 'UPC_E' })).toEqual({
      ok: true,
      gtin14: '00042100005264',
      kind: 'UPCE',
    });
    expect(parseGtin('425261')).toEqual({ ok: false, code: 'gtin.badLength' });
  });

  it('reports UPC-E errors with the gtin codes', () => {
    expect(parseGtin('04963407', { symbology: 'UPC_E' })).toEqual({ ok: false, code: 'gtin.badCheckDigit' });
    expect(parseGtin('24963406', { symbology: 'UPC_E' })).toEqual({
      ok: false,
      code: gtinErrorCodes.badNumberSystem,
    });
    expect(parseGtin('049000006346', { symbology: 'UPC_E' })).toEqual({ ok: false, code: 'gtin.badLength' });
    expect(parseGtin(' 04963406\n', { symbology: 'UPC_E' })).toMatchObject({ ok: true });
  });

  it('lets the length decide for every other hint', () => {
    expect(parseGtin('036000291452', { symbology: 'UPC_A' })).toMatchObject({ kind: 'UPCA' });
    expect(parseGtin('10012345678902', { symbology: 'ITF' })).toMatchObject({ kind: 'GTIN14' });
    expect(parseGtin('4006381333931', { symbology: 'EAN_13' })).toMatchObject({ kind: 'EAN13' });
  });
});
