import { describe, expect, it } from 'vitest';
import { domainErrorOf } from './domain-error-of';
import {
  formatLocationLabel,
  isLocationLabel,
  locationErrorCodes,
  parseLocationLabel,
} from './location-label';
import type { StoreLocation } from './location-label';

const bay: StoreLocation = { kind: 'stock', storeCode: 'MI01', aisle: 'A01', bay: '03' };
const locker: StoreLocation = { kind: 'staging', storeCode: 'MI01', stagingCode: 'MI01-L06' };

describe('formatLocationLabel', () => {
  it('writes a stock location as aisle-bay and a staging location by its code', () => {
    expect(formatLocationLabel(bay)).toBe('LOC:MI01:BAY:A01-03');
    expect(formatLocationLabel(locker)).toBe('LOC:MI01:STG:MI01-L06');
    expect(formatLocationLabel({ kind: 'staging', storeCode: 'RM02', stagingCode: 'RM02-C04' })).toBe(
      'LOC:RM02:STG:RM02-C04',
    );
  });

  it.each<[string, StoreLocation, string]>([
    ['a lower-case store', { ...bay, storeCode: 'mi01' }, locationErrorCodes.badStoreCode],
    ['a store with a colon', { ...bay, storeCode: 'MI:01' }, 'location.badStoreCode'],
    ['an aisle with a hyphen', { ...bay, aisle: 'A-1' }, 'location.badCode'],
    ['an empty bay', { ...bay, bay: '' }, 'location.badCode'],
    ['a staging code with a colon', { ...locker, stagingCode: 'MI01:L06' }, 'location.badCode'],
  ])('refuses %s', (_label, location, code) => {
    expect(domainErrorOf(() => formatLocationLabel(location)).code).toBe(code);
  });
});

describe('parseLocationLabel', () => {
  it('reads what formatLocationLabel writes, for every seeded staging kind', () => {
    for (const location of [
      bay,
      locker,
      { kind: 'staging', storeCode: 'MI01', stagingCode: 'MI01-A12' },
      { kind: 'staging', storeCode: 'NA01', stagingCode: 'NA01-C01' },
      { kind: 'stock', storeCode: 'BA01', aisle: 'A14', bay: '12' },
    ] satisfies StoreLocation[]) {
      expect(parseLocationLabel(formatLocationLabel(location))).toEqual(location);
    }
  });

  it('tells the aisle A01 from the staging shelf A01 by the kind', () => {
    expect(parseLocationLabel('LOC:MI01:BAY:A01-01')).toMatchObject({ kind: 'stock', aisle: 'A01' });
    expect(parseLocationLabel('LOC:MI01:STG:MI01-A01')).toMatchObject({
      kind: 'staging',
      stagingCode: 'MI01-A01',
    });
  });

  it('ignores the whitespace a scanner appends', () => {
    expect(parseLocationLabel('LOC:MI01:BAY:A01-03\r\n')).toEqual(bay);
    expect(isLocationLabel('  LOC:MI01:BAY:A01-03')).toBe(true);
    expect(isLocationLabel('0109506000134352')).toBe(false);
  });

  it.each([
    ['another prefix', 'AISLE:PASS:1:MI01-000042:048213', 'location.badPrefix'],
    ['a lower-case prefix', 'loc:MI01:BAY:A01-03', 'location.badPrefix'],
    ['the old two-field shape', 'LOC:MI01:A01-03', 'location.badShape'],
    ['an extra field', 'LOC:MI01:BAY:A01-03:X', 'location.badShape'],
    ['an unknown kind', 'LOC:MI01:BIN:A01-03', 'location.badKind'],
    ['an empty store', 'LOC::BAY:A01-03', 'location.badStoreCode'],
    ['a bay without aisle', 'LOC:MI01:BAY:-03', 'location.badCode'],
    ['three parts in aisle-bay', 'LOC:MI01:BAY:A01-03-2', 'location.badCode'],
    ['lower case in the code', 'LOC:MI01:STG:mi01-a03', 'location.badCode'],
    ['an empty staging code', 'LOC:MI01:STG:', 'location.badCode'],
  ])('refuses %s', (_label, text, code) => {
    expect(domainErrorOf(() => parseLocationLabel(text)).code).toBe(code);
  });
});
