import { describe, expect, it } from 'vitest';
import {
  assertCanResolveShort,
  assertNotRefundedAtStaging,
  canResolveShort,
  canRerouteShort,
  proposeReroute,
  rerouteExternalId,
  rerouteOrderNumber,
} from './reroute';

const others = [
  { storeId: 'near', available: 1 },
  { storeId: 'mid', available: 3 },
  { storeId: 'far', available: 9 },
];

describe('proposeReroute', () => {
  it('picks the nearest store that has every short unit', () => {
    expect(proposeReroute(others, 1)?.storeId).toBe('near');
    expect(proposeReroute(others, 2)?.storeId).toBe('mid');
    expect(proposeReroute(others, 9)?.storeId).toBe('far');
  });
  it('proposes nothing when no store has enough, or nothing is short', () => {
    expect(proposeReroute(others, 10)).toBeNull();
    expect(proposeReroute([], 1)).toBeNull();
    expect(proposeReroute(others, 0)).toBeNull();
  });
});

describe('canResolveShort', () => {
  const line = { qtyShort: 1, reroutedTo: null, customerNotified: false };
  it('offers a line with short units not yet handled', () => {
    expect(canResolveShort(line)).toBe(true);
  });
  it('does not offer a line with nothing short, already moved, or already told', () => {
    expect(canResolveShort({ ...line, qtyShort: 0 })).toBe(false);
    expect(canResolveShort({ ...line, reroutedTo: 'o2' })).toBe(false);
    expect(canResolveShort({ ...line, customerNotified: true })).toBe(false);
    expect(canResolveShort({ ...line, substitute: { status: 'pending' } })).toBe(false);
    expect(() => assertCanResolveShort({ ...line, id: 'l1', qtyShort: 0 })).toThrow(
      expect.objectContaining({ code: 'reroute.nothingToResolve' }),
    );
  });
});

describe('canRerouteShort', () => {
  const line = { qtyShort: 1, reroutedTo: null, customerNotified: false };
  it('moves short units only until the order is staged, when they were refunded', () => {
    expect(canRerouteShort({ readyAt: null }, line)).toBe(true);
    expect(canRerouteShort({ readyAt: '2026-12-06T10:00:00.000Z' }, line)).toBe(false);
    expect(canRerouteShort({ readyAt: null }, { ...line, customerNotified: true })).toBe(false);
    expect(() => assertNotRefundedAtStaging({ readyAt: null }, 'l1')).not.toThrow();
    expect(() => assertNotRefundedAtStaging({ readyAt: '2026-12-06T10:00:00.000Z' }, 'l1')).toThrow(
      expect.objectContaining({ code: 'reroute.refundedAtStaging' }),
    );
  });
});

describe('reroute ids', () => {
  it('derives a stable external id and order number', () => {
    const id = '3F2A9C1B-0000-4000-8000-000000000000';
    expect(rerouteExternalId(id)).toBe('reroute-3f2a9c1b-0000-4000-8000-000000000000');
    expect(rerouteOrderNumber(id)).toBe('W3F2A9C1B');
  });
});
