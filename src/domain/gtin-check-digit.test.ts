import { describe, expect, it } from 'vitest';
import { gtinCheckDigit, hasValidGs1CheckDigit } from './gtin-check-digit';

describe('hasValidGs1CheckDigit', () => {
  it('accepts GS1 keys of every length with their check digit', () => {
    expect(hasValidGs1CheckDigit('96385074')).toBe(true); // EAN-8
    expect(hasValidGs1CheckDigit('0614141000005')).toBe(true); // GLN
    expect(hasValidGs1CheckDigit('95012345678901237')).toBe(true); // GSIN
    expect(hasValidGs1CheckDigit('006141411234567890')).toBe(true); // SSCC
  });

  it('refuses a wrong check digit, non-digits and strings too short to carry one', () => {
    expect(hasValidGs1CheckDigit('96385075')).toBe(false);
    expect(hasValidGs1CheckDigit('9638507X')).toBe(false);
    expect(hasValidGs1CheckDigit('0')).toBe(false);
    expect(hasValidGs1CheckDigit('')).toBe(false);
  });

  it('agrees with gtinCheckDigit', () => {
    expect(gtinCheckDigit('00614141123456789')).toBe(0);
  });
});
