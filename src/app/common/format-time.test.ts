import { describe, expect, it } from 'vitest';
import { formatTime } from './format-time';

describe('formatTime', () => {
  it('writes the hour and minute as toLocaleTimeString does, in both languages', () => {
    const at = new Date('2030-01-01T09:05:00Z');
    for (const locale of ['en-GB', 'it-IT']) {
      const expected = at.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
      expect(formatTime(at, locale)).toBe(expected);
      expect(formatTime(at.getTime(), locale)).toBe(expected);
    }
  });
});
