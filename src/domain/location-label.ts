import { DomainError } from './domain-error';

export const locationErrorCodes = {
  badPrefix: 'location.badPrefix',
  badShape: 'location.badShape',
  badStoreCode: 'location.badStoreCode',
  badKind: 'location.badKind',
  badCode: 'location.badCode',
} as const;

type LocationErrorCode = (typeof locationErrorCodes)[keyof typeof locationErrorCodes];

/**
 * A place in a store, as printed on its Code 128 label. Stock sits at an aisle and bay (the
 * stock table's aisle "A01".."A14" and bay "01".."12"); a picked order waits at a staging
 * location, whose code ("MI01-A03", chain-wide unique) is the one the server knows.
 */
export type StoreLocation =
  | { kind: 'stock'; storeCode: string; aisle: string; bay: string }
  | { kind: 'staging'; storeCode: string; stagingCode: string };

export const LOCATION_PREFIX = 'LOC:';

/*
 * LOC:<store>:BAY:<aisle>-<bay>   e.g. LOC:MI01:BAY:A01-03
 * LOC:<store>:STG:<staging code>  e.g. LOC:MI01:STG:MI01-A03
 * The kind is spelled out, not inferred: the staging shelves "A01".."A12" share names with
 * aisles, and a label printed today must still read the same when a new kind is added. Only
 * upper-case letters, digits and "-" inside fields, so Code 128 stays short and ":" is free.
 */
const storeCodePattern = /^[A-Z0-9]{2,16}$/;
const aislePattern = /^[A-Z0-9]{1,8}$/;
const bayPattern = /^[A-Z0-9]{1,8}$/;
const stagingCodePattern = /^[A-Z0-9][A-Z0-9-]{0,31}$/;

function fail(code: LocationErrorCode, message: string, details?: Record<string, unknown>): never {
  throw new DomainError(code, message, details);
}

function checkStoreCode(storeCode: string): void {
  if (!storeCodePattern.test(storeCode))
    fail(locationErrorCodes.badStoreCode, `Bad store code: ${storeCode}`, { storeCode });
}

/** The label text for a location. Throws for fields the label format cannot carry. */
export function formatLocationLabel(location: StoreLocation): string {
  checkStoreCode(location.storeCode);
  if (location.kind === 'stock') {
    if (!aislePattern.test(location.aisle) || !bayPattern.test(location.bay)) {
      fail(locationErrorCodes.badCode, `Bad aisle or bay: ${location.aisle}-${location.bay}`);
    }
    return `${LOCATION_PREFIX}${location.storeCode}:BAY:${location.aisle}-${location.bay}`;
  }
  if (!stagingCodePattern.test(location.stagingCode)) {
    fail(locationErrorCodes.badCode, `Bad staging code: ${location.stagingCode}`);
  }
  return `${LOCATION_PREFIX}${location.storeCode}:STG:${location.stagingCode}`;
}

export function isLocationLabel(text: string): boolean {
  return text.trim().startsWith(LOCATION_PREFIX);
}

/** Reads a location label, strictly: exactly four ":"-separated fields, upper case. */
export function parseLocationLabel(text: string): StoreLocation {
  const label = text.trim();
  if (!label.startsWith(LOCATION_PREFIX))
    fail(locationErrorCodes.badPrefix, 'Not a location label', { text });
  const fields = label.slice(LOCATION_PREFIX.length).split(':');
  if (fields.length !== 3)
    fail(locationErrorCodes.badShape, 'A location label has store, kind and code', { text });
  const [storeCode = '', kind, code = ''] = fields;
  checkStoreCode(storeCode);
  if (kind === 'BAY') {
    const match = /^([^-]+)-([^-]+)$/.exec(code);
    const [, aisle = '', bay = ''] = match ?? [];
    if (!match || !aislePattern.test(aisle) || !bayPattern.test(bay)) {
      fail(locationErrorCodes.badCode, `Bad aisle-bay: ${code}`, { text });
    }
    return { kind: 'stock', storeCode, aisle, bay };
  }
  if (kind === 'STG') {
    if (!stagingCodePattern.test(code))
      fail(locationErrorCodes.badCode, `Bad staging code: ${code}`, { text });
    return { kind: 'staging', storeCode, stagingCode: code };
  }
  return fail(locationErrorCodes.badKind, `Unknown location kind: ${kind}`, { text });
}
