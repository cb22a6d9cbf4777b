import { describe, expect, it } from 'vitest';
import { gs1Date, gs1Year } from './gs1-date';

describe('gs1Year', () => {
  it.each([
    [2025, 25, 2025],
    [2025, 75, 2075], // 50 ahead: still this century
    [2025, 76, 1976], // 51 ahead: the last century
    [2025, 99, 1999],
    [2025, 0, 2000],
    [2060, 10, 2110], // 50 behind: the next century
    [2060, 11, 2011], // 49 behind: this century
    [2099, 1, 2101],
  ])('from %i reads "%i" as %i', (referenceYear, yy, year) => {
    expect(gs1Year(yy, referenceYear)).toBe(year);
  });
});

describe('gs1Date', () => {
  it('reads YYMMDD', () => {
    expect(gs1Date('201225', 2025)).toBe('2020-12-25');
    expect(gs1Date('210526', 2025)).toBe('2021-05-26');
    expect(gs1Date('991231', 2025)).toBe('1999-12-31');
  });

  it('reads day 00 as the last day of the month, leap years included', () => {
    expect(gs1Date('260200', 2025)).toBe('2026-02-28');
    expect(gs1Date('280200', 2025)).toBe('2028-02-29');
    expect(gs1Date('000200', 2025)).toBe('2000-02-29'); // divisible by 400
    expect(gs1Date('260400', 2025)).toBe('2026-04-30');
    expect(gs1Date('261200', 2025)).toBe('2026-12-31');
  });

  it.each([
    ['month 13', '201325'],
    ['month 00', '200025'],
    ['31 April', '260431'],
    ['29 February in a common year', '270229'],
    ['five digits', '20122'],
    ['letters', '2012AB'],
  ])('is undefined for %s', (_label, raw) => {
    expect(gs1Date(raw, 2025)).toBeUndefined();
  });
});
