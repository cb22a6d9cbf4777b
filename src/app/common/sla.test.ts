import { describe, expect, it } from 'vitest';
import { makeTranslate } from '../i18n/translate';
import { formatDuration, slaFor, slaText } from './sla';
import { loadMessages } from '../i18n/messages';

await Promise.all([loadMessages('en'), loadMessages('it')]);

const t = makeTranslate('en');
const now = Date.parse('2026-11-22T10:00:00Z');
const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();

describe('slaFor', () => {
  it('is on time, at risk under 15 minutes, then late', () => {
    expect(slaFor({ status: 'new', promisedAt: at(23) }, now)?.state).toBe('onTime');
    expect(slaFor({ status: 'picking', promisedAt: at(14) }, now)?.state).toBe('atRisk');
    expect(slaFor({ status: 'picked', promisedAt: at(-5) }, now)?.state).toBe('late');
  });

  it('stops once the order is ready or closed', () => {
    expect(slaFor({ status: 'ready', promisedAt: at(-5) }, now)).toBeNull();
    expect(slaFor({ status: 'collected', promisedAt: at(-5) }, now)).toBeNull();
  });
});

describe('slaText', () => {
  it('says "Due in" and "Late by" in words', () => {
    expect(slaText(slaFor({ status: 'new', promisedAt: at(23) }, now)!, t)).toBe('Due in 23 min');
    expect(slaText(slaFor({ status: 'new', promisedAt: at(-5) }, now)!, t)).toBe('Late by 5 min');
    expect(slaText(slaFor({ status: 'new', promisedAt: at(-5) }, now)!, makeTranslate('it'))).toBe(
      'In ritardo di 5 min',
    );
  });
});

describe('formatDuration', () => {
  it('scales from seconds to days', () => {
    expect(formatDuration(42_000, t)).toBe('42 s');
    expect(formatDuration(65 * 60_000, t)).toBe('1 h 5 min');
    expect(formatDuration(27 * 3_600_000, t)).toBe('1 d 3 h');
  });
});
