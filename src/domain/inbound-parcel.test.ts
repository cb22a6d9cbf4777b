import { describe, expect, it } from 'vitest';
import { inboundParcelKey, isExpectedParcel } from './inbound-parcel';

const sscc = '00380123450000000013';

describe('inboundParcelKey', () => {
  it.each([
    ['plain digits, as a wedge without FNC1 sends them', sscc],
    ['with the AIM identifier of GS1-128', `]C1${sscc}`],
    ['in human-readable brackets', '(00)380123450000000013'],
  ])('reads an SSCC %s as "00" + 18 digits', (_how, code) => {
    expect(inboundParcelKey(code)).toBe(sscc);
  });

  it('reads a carrier number, typed with spaces or lower case, as the carrier writes it', () => {
    expect(inboundParcelKey('1z4v8e64y6e900012 0')).toBe('1Z4V8E64Y6E9000120');
    expect(inboundParcelKey('AISWHMI0001234G')).toBe('AISWHMI0001234G');
  });

  it('refuses a product barcode, a wrong check digit and a GS1 label with no SSCC', () => {
    expect(inboundParcelKey('4006381333931')).toBeUndefined();
    expect(inboundParcelKey('00380123450000000014')).toBeUndefined();
    expect(inboundParcelKey('(01)04006381333931')).toBeUndefined();
    expect(inboundParcelKey('')).toBeUndefined();
  });
});

describe('isExpectedParcel', () => {
  it('matches the stored key whatever form the label was read in', () => {
    expect(isExpectedParcel('(00)380123450000000013', sscc)).toBe(true);
    expect(isExpectedParcel('00380123450000000020', sscc)).toBe(false);
    expect(isExpectedParcel(sscc, null)).toBe(false);
  });
});
