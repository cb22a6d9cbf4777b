import { describe, expect, it } from 'vitest';
import { GS } from './gs1-element-string';
import { interpretScan } from './interpret-scan';
import { britishPriceLayout, nordicWeightLayout } from './variable-measure';

const year = { referenceYear: 2025 };
const goldenPass =
  'AISLE:PASS:2:MI01:MI01-000042:048213:1767225600:k1:' +
  'K5HG6DF9R8PDhw3LPIUT-JIdLnvw3fJoE2hP6GNdE-GY02SjWYOJ5AeZxWPBj3eTw3o93klCfMwP0rIsWFtaAw';

describe('interpretScan: GS1 element strings', () => {
  it('reads GS1-128 by its symbology identifier', () => {
    expect(interpretScan(']C1011234567890123110ABC123', year)).toMatchObject({
      kind: 'gs1',
      gtin14: '12345678901231',
      message: { symbologyId: ']C1', batch: 'ABC123' },
    });
  });

  it('reads GS1 DataMatrix with a GS separator, and the bracketed form', () => {
    const dataMatrix = interpretScan(`]d2010950600013435217260500${'10ABC123'}${GS}21XYZ789`, year);
    expect(dataMatrix).toMatchObject({
      kind: 'gs1',
      gtin14: '09506000134352',
      message: { expiry: '2026-05-31' },
    });
    expect(interpretScan('(01)09506000134352(17)201225(10)ABC123', year)).toMatchObject({
      kind: 'gs1',
      message: { expiry: '2020-12-25', batch: 'ABC123' },
    });
  });

  it('reads the raw digits as GS1 when the decoder says the symbol was GS1 (FNC1 first)', () => {
    expect(interpretScan('0109506000134352', { ...year, gs1: true })).toMatchObject({
      kind: 'gs1',
      gtin14: '09506000134352',
    });
    expect(interpretScan('0195012345678903', { ...year, symbology: 'RSS_EXPANDED' })).toMatchObject({
      kind: 'gs1',
    });
    // Without the flag, 16 digits are nothing a store prints.
    expect(interpretScan('0109506000134352', year)).toMatchObject({
      kind: 'unknown',
      reason: 'scan.unrecognised',
    });
  });

  it('reads "00" + a valid SSCC as a pallet label even without FNC1, before a USPS 20-digit number', () => {
    expect(interpretScan('00006141411234567890', year)).toMatchObject({
      kind: 'gs1',
      message: { sscc: '006141411234567890' },
    });
    expect(interpretScan('03071790000523483741', year)).toMatchObject({ kind: 'tracking', carrier: 'usps' });
  });

  it('gives the gs1 error code when the element string is broken', () => {
    expect(interpretScan(']d20109506000134353', year)).toEqual({
      kind: 'unknown',
      text: ']d20109506000134353',
      reason: 'gs1.badCheckDigit',
    });
    expect(interpretScan('(17)201302', year)).toMatchObject({ reason: 'gs1.badDate' });
  });
});

describe('interpretScan: product codes', () => {
  it.each([
    ['8001505005707', 'EAN13', '08001505005707'],
    ['036000291452', 'UPCA', '00036000291452'],
    ['96385074', 'EAN8', '00000096385074'],
    ['10012345678902', 'GTIN14', '10012345678902'],
  ])('reads %s as a %s', (text, source, gtin14) => {
    expect(interpretScan(text)).toEqual({ kind: 'gtin', text, gtin14, source });
  });

  it('drops a retail symbology identifier and a scanner’s trailing newline', () => {
    expect(interpretScan(']E08001505005707\r\n')).toMatchObject({ kind: 'gtin', gtin14: '08001505005707' });
  });

  it('expands a UPC-E when the decoder says it read one', () => {
    expect(interpretScan('04963406', { symbology: 'UPC_E' })).toEqual({
      kind: 'gtin',
      text: '04963406',
      gtin14: '00049000006346',
      source: 'UPCE',
    });
    expect(interpretScan('04963406')).toMatchObject({ kind: 'unknown', reason: 'gtin.badCheckDigit' });
    expect(interpretScan('24963406', { symbology: 'UPC_E' })).toMatchObject({
      reason: 'gtin.badNumberSystem',
    });
  });

  it('refuses a GTIN-length code with a wrong check digit that no carrier claims', () => {
    expect(interpretScan('036000291453')).toMatchObject({ kind: 'unknown', reason: 'gtin.badCheckDigit' });
  });
});

describe('interpretScan: in-store variable-measure codes', () => {
  it('reads a 2-prefixed EAN-13 with the Italian layout by default', () => {
    expect(interpretScan('2201234003494')).toMatchObject({
      kind: 'variableMeasure',
      itemReference: '201234',
      lookupGtin14: '02201234000004',
      price: { cents: 349 },
    });
  });

  it('uses the layouts it is given', () => {
    expect(interpretScan('2302148210869', { variableMeasureLayouts: [nordicWeightLayout] })).toMatchObject({
      kind: 'variableMeasure',
      weightGrams: 1086,
    });
    // A 2x code that no layout claims is still a (restricted-circulation) GTIN the catalogue may hold.
    expect(interpretScan('2911111111111', { variableMeasureLayouts: [nordicWeightLayout] })).toMatchObject({
      kind: 'gtin',
      gtin14: '02911111111111',
    });
    expect(interpretScan('2011122812349', { variableMeasureLayouts: [britishPriceLayout] })).toMatchObject({
      kind: 'unknown',
      reason: 'variableMeasure.badPriceCheckDigit',
    });
  });
});

describe('interpretScan: 12 digits, UPC-A or FedEx', () => {
  it('takes the one whose check digit passes', () => {
    expect(interpretScan('036000291452')).toMatchObject({ kind: 'gtin' });
    expect(interpretScan('986578788855')).toMatchObject({
      kind: 'tracking',
      carrier: 'fedex',
      format: 'fedex-12',
    });
  });

  it('when both pass, reads a GTIN from a retail symbol and a parcel from Code 128', () => {
    // FedEx's own sandbox number 797806677146 is also a valid UPC-A.
    expect(interpretScan('797806677146')).toMatchObject({
      kind: 'gtin',
      gtin14: '00797806677146',
      alsoTracking: { carrier: 'fedex', trackingNumber: '797806677146' },
    });
    expect(interpretScan('797806677146', { symbology: 'UPC_A' })).toMatchObject({ kind: 'gtin' });
    expect(interpretScan('797806677146', { symbology: 'CODE_128' })).toMatchObject({
      kind: 'tracking',
      carrier: 'fedex',
    });
    // Code 128 does not turn a code that only passes as a UPC-A into a parcel.
    expect(interpretScan('036000291452', { symbology: 'CODE_128' })).toMatchObject({ kind: 'gtin' });
  });
});

describe('interpretScan: Aisle labels and passes', () => {
  it('reads location labels', () => {
    expect(interpretScan('LOC:MI01:BAY:A01-03')).toEqual({
      kind: 'location',
      text: 'LOC:MI01:BAY:A01-03',
      location: { kind: 'stock', storeCode: 'MI01', aisle: 'A01', bay: '03' },
    });
    expect(interpretScan(']C0LOC:MI01:STG:MI01-L06')).toMatchObject({
      kind: 'location',
      location: { kind: 'staging', stagingCode: 'MI01-L06' },
    });
    expect(interpretScan('LOC:MI01:BIN:7')).toMatchObject({ kind: 'unknown', reason: 'location.badKind' });
  });

  it('reads v1 and v2 pickup passes, the v2 signature not yet verified', () => {
    expect(interpretScan('AISLE:PASS:1:MI01-000042:048213')).toMatchObject({
      kind: 'pickupPass',
      pass: { version: 1, orderNumber: 'MI01-000042', code: '048213' },
    });
    expect(interpretScan(goldenPass)).toMatchObject({
      kind: 'pickupPass',
      pass: { version: 2, storeCode: 'MI01', orderNumber: 'MI01-000042', keyId: 'k1' },
    });
    expect(interpretScan('AISLE:PASS:2:MI01:MI01-000042')).toMatchObject({
      reason: 'pickupPass.missingField',
    });
    expect(interpretScan('AISLE:LABEL:1:X')).toMatchObject({ kind: 'unknown', reason: 'handover.badPass' });
  });
});

describe('interpretScan: parcels', () => {
  it.each([
    ['1Z999AA10123456784', 'ups'],
    ['RR123456785IT', 'upu-s10'],
    ['AISMI010000042X', 'aisle-fleet'],
    ['9400111201080805483016', 'usps'],
    ['449044304137821', 'fedex'],
    ['3318810025', 'dhl-express'],
  ])('reads %s as %s', (text, carrier) => {
    expect(interpretScan(text)).toMatchObject({ kind: 'tracking', carrier });
  });
});

describe('interpretScan: everything else', () => {
  it.each([
    ['empty', '', 'scan.empty'],
    ['whitespace', ' \r\n', 'scan.empty'],
    ['a short number', '12345', 'scan.unrecognised'],
    ['a URL', 'https://example.com/p/123', 'scan.unrecognised'],
    ['a UPS number with a wrong check digit', '1Z999AA10123456785', 'scan.unrecognised'],
  ])('reads %s as unknown (%s)', (_label, text, reason) => {
    expect(interpretScan(text)).toMatchObject({ kind: 'unknown', reason });
  });
});
