import { describe, expect, it } from 'vitest';
import { bucketKey, kpiPeriod, zonedInstant } from './kpi-period';

const ROME = 'Europe/Rome';

describe('kpiPeriod', () => {
  it('starts "day" at local midnight in the store time zone, by the hour', () => {
    const period = kpiPeriod('day', new Date('2026-11-22T09:30:00Z'), ROME);
    expect(period.from.toISOString()).toBe('2026-11-21T23:00:00.000Z');
    expect(period.to.toISOString()).toBe('2026-11-22T23:00:00.000Z');
    expect(period.buckets).toHaveLength(24);
    expect(period.buckets[0]).toEqual({ key: '2026-11-22T00', start: period.from });
  });

  it('covers the last seven local days for "week"', () => {
    const period = kpiPeriod('week', new Date('2026-07-01T22:30:00Z'), ROME);
    // 00:30 on 2 July in Rome (summer time, UTC+2): the week is 26 June – 2 July.
    expect(period.from.toISOString()).toBe('2026-06-25T22:00:00.000Z');
    expect(period.to.toISOString()).toBe('2026-07-02T22:00:00.000Z');
    expect(period.buckets.map((b) => b.key)).toEqual([
      '2026-06-26',
      '2026-06-27',
      '2026-06-28',
      '2026-06-29',
      '2026-06-30',
      '2026-07-01',
      '2026-07-02',
    ]);
  });

  it('has 23 hours on the day summer time starts', () => {
    const period = kpiPeriod('day', new Date('2026-03-29T12:00:00Z'), ROME);
    expect(period.buckets).toHaveLength(23);
    expect(period.buckets.map((b) => b.key)).not.toContain('2026-03-29T02');
  });

  it('buckets an instant by the local hour or day', () => {
    expect(bucketKey('day', new Date('2026-11-22T13:59:00Z'), ROME)).toBe('2026-11-22T14');
    expect(bucketKey('week', new Date('2026-11-22T23:30:00Z'), ROME)).toBe('2026-11-23');
    expect(zonedInstant('America/New_York', 2026, 1, 15).toISOString()).toBe('2026-01-15T05:00:00.000Z');
  });
});
