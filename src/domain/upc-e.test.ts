import { describe, expect, it } from 'vitest';
import { domainErrorOf } from './domain-error-of';
import { compressToUpcE, expandUpcE, upcEErrorCodes } from './upc-e';

describe('expandUpcE', () => {
  it.each([
    // last body digit 0–2: manufacturer keeps 3 digits, 4 zeros go before the product digits
    ['04963406', '049000006346', 'Coca-Cola 12 fl oz can, body ends in 0'],
    ['04252614', '042100005264', 'body ends in 1'],
    // last body digit 3: 5 zeros after the third digit
    ['01234531', '012300000451', 'body ends in 3'],
    // last body digit 4: 5 zeros after the fourth digit
    ['01234543', '012340000053', 'body ends in 4'],
    // last body digit 5–9: 4 zeros, then the last digit
    ['01234565', '012345000065', 'the textbook UPC-E, body ends in 6'],
    ['12345670', '123456000070', 'number system 1'],
  ])('expands %s to the UPC-A %s (%s)', (upcE, upcA) => {
    expect(expandUpcE(upcE)).toBe(upcA);
  });

  it('places the zeros by the last body digit, as GS1 lays them out', () => {
    // body "123451": d6 = 1 → 0 12 1 0000 345
    expect(expandUpcE('01234514').slice(0, 11)).toBe('01210000345');
    // d6 = 4 → 0 1234 00000 5
    expect(expandUpcE('01234543').slice(0, 11)).toBe('01234000005');
  });

  it('accepts the bare 6-digit body and assumes number system 0', () => {
    expect(expandUpcE('425261')).toBe('042100005264');
    expect(expandUpcE('496340')).toBe('049000006346');
  });

  it('checks the check digit against the expanded UPC-A', () => {
    expect(domainErrorOf(() => expandUpcE('04963407')).code).toBe(upcEErrorCodes.badCheckDigit);
    expect(domainErrorOf(() => expandUpcE('04252613')).code).toBe('gtin.badCheckDigit');
  });

  it.each(['24252614', '94963406'])('refuses number system %s (only 0 and 1 exist)', (code) => {
    expect(domainErrorOf(() => expandUpcE(code)).code).toBe('gtin.badNumberSystem');
  });

  it.each([
    ['7 digits: NS + body or body + check, it cannot tell', '0425261'],
    ['12 digits', '042100005264'],
    ['5 digits', '42526'],
  ])('refuses %s', (_label, code) => {
    expect(domainErrorOf(() => expandUpcE(code)).code).toBe('gtin.badLength');
  });

  it('refuses non-digits', () => {
    expect(domainErrorOf(() => expandUpcE('0496340X')).code).toBe('gtin.notNumeric');
  });
});

describe('compressToUpcE', () => {
  it.each(['049000006346', '042100005264', '012345000065', '123456000070', '012300000451'])(
    'compresses %s and expands back to it',
    (upcA) => {
      const upcE = compressToUpcE(upcA);
      expect(upcE).toHaveLength(8);
      expect(expandUpcE(upcE as string)).toBe(upcA);
    },
  );

  it('gives the printed UPC-E of real products', () => {
    expect(compressToUpcE('049000006346')).toBe('04963406');
    expect(compressToUpcE('042100005264')).toBe('04252614');
  });

  it('is undefined for a UPC-A whose zeros UPC-E cannot drop, or with number system 2–9', () => {
    expect(compressToUpcE('036000291452')).toBeUndefined();
    expect(compressToUpcE('249000006346')).toBeUndefined();
    expect(compressToUpcE('04900000634')).toBeUndefined();
  });
});
