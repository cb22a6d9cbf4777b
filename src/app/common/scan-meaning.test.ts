import { describe, expect, it } from 'vitest';
import { parcelKeyOf, productCodeOf, scanKindOf, stagingCodeOf } from './scan-meaning';

describe('what a pick step takes from a scan', () => {
  it('reads the GTIN-14 from EAN-13, UPC-A, a camera UPC-E and a GS1 DataMatrix', () => {
    expect(productCodeOf({ text: '4006381333931', source: 'wedge' })).toMatchObject({
      ok: true,
      value: '04006381333931',
    });
    expect(productCodeOf({ text: '036000291452', source: 'typed' })).toMatchObject({
      ok: true,
      value: '00036000291452',
    });
    // The camera decoder expands UPC-E 04252614 to its UPC-A 042100005264.
    expect(productCodeOf({ text: '042100005264', source: 'camera', format: 'UPC_E' })).toMatchObject({
      ok: true,
      value: '00042100005264',
    });
    expect(productCodeOf({ text: '04252614', source: 'camera', format: 'UPC_E' })).toMatchObject({
      ok: true,
      value: '00042100005264',
    });
    expect(
      productCodeOf({
        text: '0109506000134352\u001d10ABC123\u001d17261231',
        source: 'camera',
        format: 'DATA_MATRIX',
        isGs1: true,
      }),
    ).toMatchObject({ ok: true, value: '09506000134352' });
  });

  it('refuses a shelf label, a pickup pass and a parcel number in words', () => {
    expect(productCodeOf({ text: 'LOC:MI01:STG:MI01-A03', source: 'wedge' })).toEqual({
      ok: false,
      code: 'scan.locationLabel',
    });
    expect(productCodeOf({ text: 'AISLE:PASS:1:W100:123456', source: 'camera', format: 'QR_CODE' })).toEqual({
      ok: false,
      code: 'scan.pickupPass',
    });
    expect(productCodeOf({ text: '1Z999AA10123456784', source: 'camera', format: 'CODE_128' })).toEqual({
      ok: false,
      code: 'scan.trackingNumber',
    });
    expect(productCodeOf({ text: '4006381333932', source: 'typed' })).toEqual({
      ok: false,
      code: 'gtin.badCheckDigit',
    });
  });
});

describe('what a stage step takes from a scan', () => {
  it('takes this store’s staging label, or a bare code', () => {
    expect(stagingCodeOf({ text: 'LOC:MI01:STG:MI01-A03', source: 'camera' }, 'MI01')).toMatchObject({
      ok: true,
      value: 'MI01-A03',
    });
    expect(stagingCodeOf({ text: 'mi01-a03', source: 'typed' }, 'MI01')).toMatchObject({
      ok: true,
      value: 'MI01-A03',
    });
  });

  it('refuses another store’s label and a stock bay label', () => {
    expect(stagingCodeOf({ text: 'LOC:MZ01:STG:MZ01-A03', source: 'wedge' }, 'MI01')).toEqual({
      ok: false,
      code: 'scan.otherStore',
    });
    expect(stagingCodeOf({ text: 'LOC:MI01:BAY:A01-03', source: 'wedge' }, 'MI01')).toEqual({
      ok: false,
      code: 'scan.notALocation',
    });
  });
});

describe('what an arrivals step takes from a scan', () => {
  it('reads an SSCC from a GS1-128 label and a carrier number, and refuses a product', () => {
    expect(parcelKeyOf({ text: '00380123450000000013', source: 'wedge' })).toMatchObject({
      ok: true,
      value: '00380123450000000013',
    });
    expect(
      parcelKeyOf({ text: '00380123450000000013', source: 'camera', format: 'CODE_128', isGs1: true }),
    ).toMatchObject({ ok: true, value: '00380123450000000013' });
    expect(parcelKeyOf({ text: '1Z4V8E64Y6E9000120', source: 'typed' })).toMatchObject({
      ok: true,
      value: '1Z4V8E64Y6E9000120',
    });
    expect(parcelKeyOf({ text: '4006381333931', source: 'wedge' })).toEqual({
      ok: false,
      code: 'receive.badInboundTracking',
    });
  });
});

describe('what kind of code a refused scan is', () => {
  it('names shelf labels, pickup passes, parcels and products, so a refusal can say what it is', () => {
    expect(scanKindOf({ text: 'LOC:MI01:STG:MI01-A03', source: 'wedge' })).toBe('location');
    expect(scanKindOf({ text: 'LOC:MI01:BAY:A01-03', source: 'wedge' })).toBe('location');
    expect(scanKindOf({ text: 'AISLE:PASS:1:W100:123456', source: 'camera', format: 'QR_CODE' })).toBe(
      'pickupPass',
    );
    expect(scanKindOf({ text: '1Z999AA10123456784', source: 'camera', format: 'CODE_128' })).toBe('parcel');
    expect(scanKindOf({ text: '4006381333931', source: 'wedge' })).toBe('product');
  });

  it('knows nothing of a code that is none of them', () => {
    expect(scanKindOf({ text: 'hello world', source: 'typed' })).toBeNull();
    // A misread product barcode (bad check digit) is not taken for a product.
    expect(scanKindOf({ text: '4006381333932', source: 'wedge' })).toBeNull();
  });
});
