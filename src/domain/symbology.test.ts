import { describe, expect, it } from 'vitest';
import { isSymbology } from './symbology';

describe('isSymbology', () => {
  it('knows the decoder’s format names', () => {
    expect(isSymbology('UPC_E')).toBe(true);
    expect(isSymbology('CODE_128')).toBe(true);
    expect(isSymbology('RSS_EXPANDED')).toBe(true);
  });

  it('refuses other spellings, which the decoder must map first', () => {
    expect(isSymbology('UPC-E')).toBe(false);
    expect(isSymbology('Code128')).toBe(false);
    expect(isSymbology('')).toBe(false);
  });
});
