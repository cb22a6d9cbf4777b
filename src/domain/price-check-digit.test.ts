import { describe, expect, it } from 'vitest';
import { priceCheckDigit } from './price-check-digit';

describe('priceCheckDigit', () => {
  it('computes the GS1 General Specifications worked examples', () => {
    // 7.9.3: 4-digit price 2875 → 9; 7.9.4: 5-digit price 14685 → 6
    expect(priceCheckDigit('2875')).toBe(9);
    expect(priceCheckDigit('14685')).toBe(6);
  });

  it('matches the check digits printed on German and British in-store codes', () => {
    // 22 1111 [4] 00239 4: €2.39
    expect(priceCheckDigit('00239')).toBe(4);
    // 28 1111 [1] 06870 8: 6.870 kg
    expect(priceCheckDigit('06870')).toBe(1);
    // 20 11122 [9] 1234 6: £12.34
    expect(priceCheckDigit('1234')).toBe(9);
  });

  it('gives 0 for a zero value, so a zeroed lookup code stays consistent', () => {
    expect(priceCheckDigit('0000')).toBe(0);
    expect(priceCheckDigit('00000')).toBe(0);
  });

  it('catches a single wrong digit in every position (5 digits)', () => {
    const value = '14685';
    for (let i = 0; i < value.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === value[i]) continue;
        const wrong = value.slice(0, i) + String(d) + value.slice(i + 1);
        expect(priceCheckDigit(wrong)).not.toBe(6);
      }
    }
  });

  it('refuses other lengths', () => {
    expect(() => priceCheckDigit('123')).toThrow(RangeError);
    expect(() => priceCheckDigit('123456')).toThrow(RangeError);
    expect(() => priceCheckDigit('12a4')).toThrow(RangeError);
  });
});
