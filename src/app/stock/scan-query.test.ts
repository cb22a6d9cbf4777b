import { describe, expect, it } from 'vitest';
import { queryOfScan } from './scan-query';

describe('queryOfScan', () => {
  it('looks a product barcode up by its GTIN-14, however it came in', () => {
    expect(queryOfScan({ text: '8001234567897', source: 'wedge' })).toEqual({
      ok: true,
      query: '08001234567897',
    });
    expect(queryOfScan({ text: ' 036000291452 ', source: 'typed' })).toEqual({
      ok: true,
      query: '00036000291452',
    });
    expect(queryOfScan({ text: '(01)08001234567897(17)271231', source: 'camera' })).toEqual({
      ok: true,
      query: '08001234567897',
    });
  });

  it('searches anything else as words or a SKU', () => {
    expect(queryOfScan({ text: '  sneaker roma ', source: 'typed' })).toEqual({
      ok: true,
      query: 'sneaker roma',
    });
    expect(queryOfScan({ text: 'SNK-ROMA-BLK-40', source: 'wedge' })).toEqual({
      ok: true,
      query: 'SNK-ROMA-BLK-40',
    });
  });

  it('says what a scanned shelf label or parcel is, instead of searching for it', () => {
    expect(queryOfScan({ text: 'LOC:MI01:STG:MI01-A03', source: 'wedge' })).toEqual({
      ok: false,
      code: 'scan.locationLabel',
    });
    expect(queryOfScan({ text: '03071790000523483741', source: 'camera' })).toEqual({
      ok: false,
      code: 'scan.trackingNumber',
    });
    expect(queryOfScan({ text: '   ', source: 'typed' })).toEqual({ ok: false, code: 'scan.notAProduct' });
  });
});
