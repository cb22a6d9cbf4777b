import { describe, expect, it } from 'vitest';
import { searchTerms } from './search-terms';

describe('searchTerms', () => {
  it('reads any GTIN length as the one code to look up', () => {
    expect(searchTerms('036000291452')).toEqual({ gtin14: '00036000291452', sku: '036000291452' });
    expect(searchTerms(' 0036000291452 ').gtin14).toBe('00036000291452');
    expect(searchTerms('00036000291452').gtin14).toBe('00036000291452');
    expect(searchTerms('96385074').gtin14).toBe('00000096385074');
  });

  it('reads a GS1 element string by its GTIN', () => {
    const terms = searchTerms('(01)08001234567897(17)271231');
    expect(terms.gtin14).toBe('08001234567897');
    expect(terms.tsQuery).toBeUndefined();
  });

  it('treats a code with a wrong check digit as words and a possible SKU start', () => {
    const terms = searchTerms('036000291453');
    expect(terms.gtin14).toBeUndefined();
    expect(terms).toMatchObject({ skuPrefix: '036000291453%', tsQuery: '036000291453:*' });
  });

  it('upper-cases a SKU and also looks for SKUs that start with it', () => {
    expect(searchTerms('snk-roma-blk-40')).toEqual({
      sku: 'SNK-ROMA-BLK-40',
      skuPrefix: 'SNK-ROMA-BLK-40%',
      tsQuery: 'snk:* & roma:* & blk:* & 40:*',
    });
  });

  it('makes every word a prefix, in Italian or English, and keeps accents', () => {
    expect(searchTerms('Sneaker  Roma nero').tsQuery).toBe('sneaker:* & roma:* & nero:*');
    expect(searchTerms("L'Oréal caffè").tsQuery).toBe('l:* & oréal:* & caffè:*');
    expect(searchTerms('Sneaker Roma').skuPrefix).toBeUndefined();
  });

  it('never lets LIKE or tsquery syntax through', () => {
    const terms = searchTerms("50%_off\\ & !x | y:* 'z'");
    expect(terms.skuPrefix).toBeUndefined();
    expect(terms.tsQuery).toBe('50:* & off:* & x:* & y:* & z:*');
    expect(searchTerms('a_b%').skuPrefix).toBe('A\\_B\\%%');
  });

  it('has no words for punctuation alone', () => {
    expect(searchTerms('--').tsQuery).toBeUndefined();
    expect(searchTerms('--').skuPrefix).toBe('--%');
  });
});
