import { describe, expect, it } from 'vitest';
import {
  dhlExpressCheckDigit,
  fedexExpressCheckDigit,
  recogniseTrackingNumber,
  s10CheckDigit,
  upsCheckDigit,
} from './tracking-number';

/*
 * Real-format numbers with valid check digits: carrier sandbox and documentation numbers,
 * as collected by the tracking_number_data project, and UPU S10's own example.
 */
describe('recogniseTrackingNumber', () => {
  it.each([
    ['1Z999AA10123456784', 'UPS documentation example'],
    ['1Z12345E6605272234', 'UPS Worldwide Express'],
    ['1Z5R89390357567127', 'UPS Ground'],
    ['1Z879E930346834440', 'UPS Ground'],
  ])('reads %s (%s) as UPS', (number) => {
    expect(recogniseTrackingNumber(number)).toEqual({
      carrier: 'ups',
      trackingNumber: number,
      format: 'ups-1z',
    });
  });

  it.each(['986578788855', '477179081230', '799531274483', '790535312317', '568838414941'])(
    'reads %s as FedEx Express (12 digits, mod 11)',
    (number) => {
      expect(recogniseTrackingNumber(number)).toEqual({
        carrier: 'fedex',
        trackingNumber: number,
        format: 'fedex-12',
      });
    },
  );

  it('reads FedEx Ground 15-digit numbers and the 22-digit "96" barcode', () => {
    expect(recogniseTrackingNumber('449044304137821')).toMatchObject({
      carrier: 'fedex',
      format: 'fedex-ground-15',
    });
    expect(recogniseTrackingNumber('041441760228964')).toMatchObject({ carrier: 'fedex' });
    expect(recogniseTrackingNumber('9611020987654312345672')).toEqual({
      carrier: 'fedex',
      trackingNumber: '987654312345672',
      format: 'fedex-ground-96',
    });
  });

  it('reads the FedEx Express 34-digit barcode as the 12-digit number it ends with', () => {
    expect(recogniseTrackingNumber('1001921334250001000300779017972697')).toEqual({
      carrier: 'fedex',
      trackingNumber: '779017972697',
      format: 'fedex-34',
    });
  });

  it.each([
    ['9400111201080805483016', 'usps-impb-22'],
    ['9361289878700317633795', 'usps-impb-22'],
    ['9505511069605048600624', 'usps-impb-22'],
    ['92748931507708513018050063', 'usps-impb-26'],
    ['03071790000523483741', 'usps-20'],
    ['71123456789123456787', 'usps-20'],
  ])('reads %s as USPS (%s)', (number, format) => {
    expect(recogniseTrackingNumber(number)).toEqual({ carrier: 'usps', trackingNumber: number, format });
  });

  it('drops the "420" + ZIP routing prefix of a USPS barcode', () => {
    expect(recogniseTrackingNumber('420221539101026837331000039521')).toEqual({
      carrier: 'usps',
      trackingNumber: '9101026837331000039521',
      format: 'usps-impb-22',
    });
    expect(recogniseTrackingNumber('4201002334249200190132607600833457')).toMatchObject({
      trackingNumber: '9200190132607600833457',
    });
  });

  it.each(['3318810025', '8487135506', '1099255990', '3821724944'])(
    'reads %s as DHL Express (mod 7)',
    (number) => {
      expect(recogniseTrackingNumber(number)).toEqual({
        carrier: 'dhl-express',
        trackingNumber: number,
        format: 'dhl-express-10',
      });
    },
  );

  it('reads UPU S10 numbers with the issuing country', () => {
    expect(recogniseTrackingNumber('RR123456785IT')).toEqual({
      carrier: 'upu-s10',
      trackingNumber: 'RR123456785IT',
      format: 'upu-s10',
      country: 'IT',
    });
    expect(recogniseTrackingNumber('RB123456785GB')).toMatchObject({ country: 'GB' });
  });

  it('reads Aisle fleet numbers', () => {
    expect(recogniseTrackingNumber('AISMI010000042X')).toEqual({
      carrier: 'aisle-fleet',
      trackingNumber: 'AISMI010000042X',
      format: 'aisle-fleet',
    });
  });

  it('ignores spaces and case, as in a number typed from a receipt', () => {
    expect(recogniseTrackingNumber('1z 999 aa1 01 2345 678 4')).toMatchObject({
      trackingNumber: '1Z999AA10123456784',
    });
    expect(recogniseTrackingNumber('9400 1112 0108 0805 4830 16')).toMatchObject({ carrier: 'usps' });
  });

  it.each([
    ['a UPS number with the last digit changed', '1Z999AA10123456785'],
    ['a FedEx number with a digit changed', '996578788855'],
    ['a USPS number with the check digit changed', '9400111201080805483017'],
    ['a USPS-looking number with a wrong service prefix', '8400111201080805483016'],
    ['a FedEx "96" barcode with a wrong check', '9600000000000000000001'],
    ['a DHL number with a wrong check', '3318810034'],
    ['an S10 with a wrong check', 'RB123456786US'],
    ['an S10 with a digit for a country', 'RB123456785U5'],
    ['a GTIN-13', '8001505005707'],
    ['11 digits', '73891051146'],
    ['text', 'hello'],
  ])('is undefined for %s', (_label, text) => {
    expect(recogniseTrackingNumber(text)).toBeUndefined();
  });
});

describe('check digit algorithms', () => {
  it('UPS: letters map to (code − 63) mod 10, doubled in even places', () => {
    expect(upsCheckDigit('999AA1012345678')).toBe(4);
  });

  it('FedEx Express: weights 1, 3, 7 from the right, mod 11, 10 counts as 0', () => {
    expect(fedexExpressCheckDigit('98657878885')).toBe(5);
  });

  it('UPU S10: weights 8 6 4 2 3 5 9 7, 11 − sum mod 11', () => {
    // 8 + 12 + 12 + 8 + 15 + 30 + 63 + 56 = 204; 204 mod 11 = 6; 11 − 6 = 5
    expect(s10CheckDigit('12345678')).toBe(5);
    // a remainder of 0 gives 11, written as 5; a remainder of 1 gives 10, written as 0
    expect(s10CheckDigit('00000000')).toBe(5);
    expect(s10CheckDigit('00000008')).toBe(0); // 8 × 7 = 56, 56 mod 11 = 1
  });

  it('DHL Express: the first nine digits as a number, mod 7', () => {
    expect(dhlExpressCheckDigit('331881002')).toBe(5);
  });
});
