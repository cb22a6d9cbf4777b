import { describe, expect, it } from 'vitest';
import { domainErrorOf } from './domain-error-of';
import {
  fleetTrackingErrorCodes,
  formatFleetTrackingNumber,
  luhnMod36CheckChar,
  parseFleetTrackingNumber,
} from './fleet-tracking-number';

describe('formatFleetTrackingNumber', () => {
  it('writes AIS + store + 7-digit sequence + Luhn mod 36 check', () => {
    expect(formatFleetTrackingNumber('MI01', 42)).toBe('AISMI010000042X');
    expect(formatFleetTrackingNumber('RM02', 1_234_567)).toBe('AISRM021234567I');
  });

  it('round-trips through parseFleetTrackingNumber', () => {
    for (const [store, sequence] of [
      ['MI01', 1],
      ['NA01', 9_999_999],
      ['BG01', 500],
    ] as const) {
      expect(parseFleetTrackingNumber(formatFleetTrackingNumber(store, sequence))).toEqual({
        storeCode: store,
        sequence,
      });
    }
  });

  it.each([
    ['a store code of another length', 'MI1', 1, fleetTrackingErrorCodes.badStoreCode],
    ['a lower-case store code', 'mi01', 1, 'tracking.badStoreCode'],
    ['sequence 0', 'MI01', 0, 'tracking.badSequence'],
    ['a sequence past 7 digits', 'MI01', 10_000_000, 'tracking.badSequence'],
    ['a fractional sequence', 'MI01', 1.5, 'tracking.badSequence'],
  ])('refuses %s', (_label, store, sequence, code) => {
    expect(domainErrorOf(() => formatFleetTrackingNumber(store, sequence)).code).toBe(code);
  });
});

describe('parseFleetTrackingNumber', () => {
  const good = 'AISMI010000042X';

  it('catches every single wrong character', () => {
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (let i = 3; i < good.length; i++) {
      for (const c of alphabet) {
        if (c === good[i]) continue;
        expect(parseFleetTrackingNumber(good.slice(0, i) + c + good.slice(i + 1))).toBeUndefined();
      }
    }
  });

  it('catches a swap of two adjacent characters', () => {
    for (let i = 3; i < good.length - 1; i++) {
      if (good[i] === good[i + 1]) continue;
      const swapped = good.slice(0, i) + good[i + 1] + good[i] + good.slice(i + 2);
      expect(parseFleetTrackingNumber(swapped)).toBeUndefined();
    }
  });

  it('is undefined for other shapes', () => {
    expect(parseFleetTrackingNumber('AISMI01000042X')).toBeUndefined();
    expect(parseFleetTrackingNumber('aismi010000042x')).toBeUndefined();
    expect(parseFleetTrackingNumber('1Z999AA10123456784')).toBeUndefined();
  });
});

describe('luhnMod36CheckChar', () => {
  it('doubles every second character from the right and adds the base-36 digits of the product', () => {
    expect(luhnMod36CheckChar('0')).toBe('0');
    // "1" doubled is 2; 36 − 2 = 34 → "Y"
    expect(luhnMod36CheckChar('1')).toBe('Y');
    // "I" (18) doubled is 36, "10" in base 36, digits sum to 1; 36 − 1 = 35 → "Z"
    expect(luhnMod36CheckChar('I')).toBe('Z');
    // "10": the "0" is doubled, the "1" is not; 36 − 1 → "Z"
    expect(luhnMod36CheckChar('10')).toBe('Z');
  });

  it('refuses characters outside 0-9 A-Z', () => {
    expect(() => luhnMod36CheckChar('a')).toThrow(RangeError);
  });
});
