import { describe, expect, it } from 'vitest';
import { domainErrorOf } from './domain-error-of';
import { addDays, daysBetween, localDate, returnWindow } from './return-window';

describe('localDate', () => {
  it('reads the calendar date in the store zone, not in UTC', () => {
    // 00:30 on 2 March in Milan is still 1 March in UTC.
    expect(localDate('2026-03-01T23:30:00Z', 'Europe/Rome')).toBe('2026-03-02');
    // 23:30 on 1 March in New York is already 2 March in UTC.
    expect(localDate('2026-03-02T04:30:00Z', 'America/New_York')).toBe('2026-03-01');
  });

  it('follows daylight saving (Rome moves to UTC+2 on 29 March 2026)', () => {
    expect(localDate('2026-03-28T23:30:00Z', 'Europe/Rome')).toBe('2026-03-29');
    expect(localDate('2026-03-31T22:30:00Z', 'Europe/Rome')).toBe('2026-04-01');
  });

  it('takes a fixed UTC offset', () => {
    expect(localDate('2026-03-01T23:30:00Z', '+01:00')).toBe('2026-03-02');
    expect(localDate('2026-03-02T04:30:00Z', '-05:00')).toBe('2026-03-01');
  });

  it('refuses a zone or instant it cannot read', () => {
    expect(domainErrorOf(() => localDate('2026-03-01T10:00:00Z', 'Europe/Atlantis')).code).toBe(
      'return.badTimeZone',
    );
    expect(domainErrorOf(() => localDate('yesterday', 'Europe/Rome')).code).toBe('return.badInstant');
  });
});

describe('calendar arithmetic', () => {
  it('counts days across month and leap-year ends', () => {
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(addDays('2026-12-20', 14)).toBe('2027-01-03');
  });
});

describe('returnWindow', () => {
  it('is open to the end of the last day, store time', () => {
    // Collected 1 March at 10:00 in Milan; 30 days run to the end of 31 March (now CEST).
    const received = '2026-03-01T09:00:00Z';
    expect(returnWindow(received, '2026-03-31T21:59:59Z', 30, 'Europe/Rome')).toEqual({
      receivedOn: '2026-03-01',
      lastDay: '2026-03-31',
      today: '2026-03-31',
      daysSinceReceipt: 30,
      open: true,
    });
    expect(returnWindow(received, '2026-03-31T22:00:00Z', 30, 'Europe/Rome')).toMatchObject({
      today: '2026-04-01',
      daysSinceReceipt: 31,
      open: false,
    });
  });
});
