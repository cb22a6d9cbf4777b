import { describe, expect, it } from 'vitest';
import { domainErrorOf } from './domain-error-of';
import { parseGtin } from './gtin';
import {
  britishPriceLayout,
  buildVariableMeasureCode,
  defaultVariableMeasureLayouts,
  germanPriceLayout,
  germanWeightLayout,
  italianPriceLayout,
  nordicWeightLayout,
  parseVariableMeasure,
  variableMeasureErrorCodes,
} from './variable-measure';
import type { VariableMeasureLayout } from './variable-measure';

describe('parseVariableMeasure with the Italian default', () => {
  it('reads a deli label: 2, item 201234, €3.49', () => {
    const code = buildVariableMeasureCode(italianPriceLayout, { itemReference: '201234', value: 349 });
    expect(code).toBe('2201234003494');
    expect(parseVariableMeasure(code)).toEqual({
      layout: 'it-price',
      gtin14: '02201234003494',
      prefix: '2',
      itemReference: '201234',
      lookupGtin14: '02201234000004',
      price: { cents: 349 },
    });
  });

  it('gives every weighing of one product the same lookup GTIN, a valid GTIN in its own right', () => {
    const a = parseVariableMeasure(
      buildVariableMeasureCode(italianPriceLayout, { itemReference: '012345', value: 1299 }),
    );
    const b = parseVariableMeasure(
      buildVariableMeasureCode(italianPriceLayout, { itemReference: '012345', value: 87 }),
    );
    expect(a.gtin14).not.toBe(b.gtin14);
    expect(a.lookupGtin14).toBe(b.lookupGtin14);
    expect(a.lookupGtin14).toBe('02012345000001');
    expect(parseGtin(a.lookupGtin14)).toMatchObject({ ok: true });
    expect([a.price, b.price]).toEqual([{ cents: 1299 }, { cents: 87 }]);
  });

  it('takes the code as GTIN-14 too (a leading 0)', () => {
    expect(parseVariableMeasure('02201234003494')).toMatchObject({ price: { cents: 349 } });
  });

  it('is the only default layout', () => {
    expect(defaultVariableMeasureLayouts).toEqual([italianPriceLayout]);
  });
});

describe('parseVariableMeasure with other countries’ layouts', () => {
  it('reads real Norwegian weight labels (23 + item + grams)', () => {
    // Norvegia cheese, 1.086 kg; Stange chicken breast, 0.226 kg
    expect(parseVariableMeasure('2302148210869', [nordicWeightLayout])).toEqual({
      layout: 'se-weight',
      gtin14: '02302148210869',
      prefix: '23',
      itemReference: '021482',
      lookupGtin14: '02302148200006',
      weightGrams: 1086,
    });
    expect(parseVariableMeasure('2368091402263', [nordicWeightLayout])).toMatchObject({
      itemReference: '680914',
      weightGrams: 226,
    });
  });

  it('checks the 5-digit price check digit of German codes', () => {
    expect(parseVariableMeasure('2211114002394', [germanPriceLayout])).toMatchObject({
      prefix: '22',
      itemReference: '1111',
      price: { cents: 239 },
      lookupGtin14: '02211110000004',
    });
    expect(parseVariableMeasure('2811111068708', [germanWeightLayout])).toMatchObject({ weightGrams: 6870 });
    // Price check digit 8 where 9 belongs; the EAN check digit alone would not notice.
    expect(
      domainErrorOf(() => parseVariableMeasure('2511118000120', [{ ...germanPriceLayout, prefixes: ['25'] }]))
        .code,
    ).toBe(variableMeasureErrorCodes.badPriceCheckDigit);
  });

  it('checks the 4-digit price check digit of British codes', () => {
    expect(parseVariableMeasure('2011122912346', [britishPriceLayout])).toMatchObject({
      itemReference: '11122',
      price: { cents: 1234 },
    });
    expect(domainErrorOf(() => parseVariableMeasure('2011122812349', [britishPriceLayout])).code).toBe(
      'variableMeasure.badPriceCheckDigit',
    );
  });

  it('tries layouts in order and scales values printed in coarser units', () => {
    const tensOfGrams: VariableMeasureLayout = {
      ...nordicWeightLayout,
      name: 'se-weight-10g',
      prefixes: ['24'],
      scale: 10,
    };
    const layouts = [nordicWeightLayout, tensOfGrams];
    // Swedish 24: weight with 2 decimals in kg, so 1234 is 12.34 kg
    expect(parseVariableMeasure('2488060112341', layouts)).toMatchObject({
      layout: 'se-weight-10g',
      weightGrams: 12340,
    });
    expect(parseVariableMeasure('2388060112344', layouts)).toMatchObject({
      layout: 'se-weight',
      weightGrams: 1234,
    });
  });
});

describe('parseVariableMeasure errors', () => {
  it.each([
    ['a normal EAN-13', '8001505005707'],
    ['12 digits', '220123400349'],
    ['letters', '22012340034X4'],
  ])('refuses %s as not variable-measure', (_label, code) => {
    expect(domainErrorOf(() => parseVariableMeasure(code)).code).toBe(
      variableMeasureErrorCodes.notVariableMeasure,
    );
  });

  it('refuses a wrong EAN check digit', () => {
    expect(domainErrorOf(() => parseVariableMeasure('2201234003495')).code).toBe(
      'variableMeasure.badCheckDigit',
    );
  });

  it('refuses a 2x code no layout claims', () => {
    expect(domainErrorOf(() => parseVariableMeasure('2911111111111', [nordicWeightLayout])).code).toBe(
      'variableMeasure.noLayout',
    );
  });

  it('refuses a layout that does not add up to 13 digits', () => {
    const broken = { ...italianPriceLayout, itemDigits: 5 };
    expect(domainErrorOf(() => parseVariableMeasure('2201234003494', [broken])).code).toBe(
      'variableMeasure.badLayout',
    );
    const pcdOn6 = { ...italianPriceLayout, itemDigits: 4, priceCheckDigit: true, valueDigits: 6 };
    expect(
      domainErrorOf(() => buildVariableMeasureCode(pcdOn6, { itemReference: '1234', value: 1 })).code,
    ).toBe('variableMeasure.badLayout');
  });
});

describe('buildVariableMeasureCode', () => {
  it('writes the price check digit where the layout has one', () => {
    expect(buildVariableMeasureCode(germanPriceLayout, { itemReference: '1111', value: 239 })).toBe(
      '2211114002394',
    );
    expect(buildVariableMeasureCode(britishPriceLayout, { itemReference: '11122', value: 1234 })).toBe(
      '2011122912346',
    );
    expect(
      buildVariableMeasureCode(germanWeightLayout, { prefix: '28', itemReference: '1111', value: 6870 }),
    ).toBe('2811111068708');
  });

  it.each([
    ['too large for 5 digits', { itemReference: '201234', value: 100_000 }],
    ['negative', { itemReference: '201234', value: -1 }],
    ['not whole cents', { itemReference: '201234', value: 3.5 }],
    ['a short item reference', { itemReference: '1234', value: 1 }],
    ['a prefix the layout does not own', { prefix: '3', itemReference: '201234', value: 1 }],
  ])('refuses %s', (_label, input) => {
    expect(domainErrorOf(() => buildVariableMeasureCode(italianPriceLayout, input)).code).toBe(
      'variableMeasure.badValue',
    );
  });
});
