import { describe, expect, it } from 'vitest';
import { findMatch, sameStyle, styleCode } from './shelf-find';

const product = (id: string, sku: string, gtin14 = `0000000000000${id}`, nameEn = 'Roma sneaker') => ({
  id,
  sku,
  gtin14,
  brand: 'Passo',
  nameEn,
});

describe('finding a product on the shelf', () => {
  const target = product('1', 'SNK-ROMA-BLK-42');

  it('takes the style from the first two segments of the SKU', () => {
    expect(styleCode('SNK-ROMA-BLK-42')).toBe('SNK-ROMA');
    expect(styleCode('PLAIN')).toBeUndefined();
  });

  it('marks the product itself, its other sizes and colours, and the rest', () => {
    expect(findMatch(target, product('1', 'SNK-ROMA-BLK-42'))).toBe('target');
    expect(findMatch(target, product('2', 'SNK-ROMA-BLK-43'))).toBe('variant');
    expect(findMatch(target, product('3', 'SNK-ROMA-WHT-42'))).toBe('variant');
    expect(findMatch(target, product('4', 'SNK-MILA-BLK-42', undefined, 'Roma sneaker'))).toBe('other');
    expect(findMatch(target, undefined)).toBe('other');
  });

  it('recognises the product by its GTIN even under another catalogue row', () => {
    expect(findMatch(target, product('9', 'X', target.gtin14))).toBe('target');
  });

  it('falls back to brand and name for SKUs without a style code', () => {
    expect(sameStyle(product('1', 'A1'), product('2', 'B2', undefined, 'roma sneaker '))).toBe(true);
    expect(sameStyle(product('1', 'A1'), product('2', 'B2', undefined, 'Milano boot'))).toBe(false);
  });
});
