import type { PullResponse } from '../../contract/sync';

/** The server time the pulls of the replica tests are taken at, unless they say another. */
export const T0 = Date.parse('2026-12-06T10:00:00Z');

/** A delta pull of store MI01 with nothing in it but what `overrides` says. */
export function pull(overrides: Partial<PullResponse> = {}): PullResponse {
  return {
    cursor: 'v2:10',
    reset: false,
    storeId: 'MI01',
    orders: [],
    stock: [],
    products: [],
    locations: [],
    customerArrivals: [],
    lastProcessedSeq: 0,
    serverTime: new Date(T0).toISOString(),
    pickupCodeKeys: [],
    ...overrides,
  };
}
