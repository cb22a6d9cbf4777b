import { describe, expect, it } from 'vitest';
import { formatDateTime, formatMoney, groupedCode, openingHoursRows, spelledCode } from './message-format';

describe('message formats', () => {
  it('writes money and times the way each language does, in the store time zone', () => {
    expect(formatMoney(12345, 'EUR', 'it')).toMatch(/^123,45\s€$/);
    expect(formatMoney(12345, 'EUR', 'en')).toBe('€123.45');
    const at = new Date('2026-11-28T17:30:00Z'); // 18:30 in Rome
    expect(formatDateTime(at, 'Europe/Rome', 'it')).toEqual({ date: 'sabato 28 novembre', time: '18:30' });
    expect(formatDateTime(at, 'Europe/Rome', 'en')).toEqual({ date: 'Saturday 28 November', time: '18:30' });
  });

  it('groups the pickup code to read out, and spells it digit by digit for screen readers', () => {
    expect(groupedCode('482913')).toBe('482 913');
    expect(spelledCode('482913')).toBe('4 8 2 9 1 3');
  });

  it('folds days with the same hours into one row, and says when the store is closed', () => {
    const weekday = [
      { open: '09:30', close: '13:00' },
      { open: '15:30', close: '19:30' },
    ];
    const hours = {
      mon: weekday,
      tue: weekday,
      wed: weekday,
      thu: weekday,
      fri: weekday,
      sat: [{ open: '09:30', close: '19:30' }],
      sun: [],
    };
    expect(openingHoursRows(hours, 'en')).toEqual([
      { days: 'Monday – Friday', hours: '09:30–13:00, 15:30–19:30' },
      { days: 'Saturday', hours: '09:30–19:30' },
      { days: 'Sunday', hours: 'closed' },
    ]);
    expect(openingHoursRows(hours, 'it').at(-1)).toEqual({ days: 'Domenica', hours: 'chiuso' });
  });
});
