import { describe, expect, it } from 'vitest';
import { en } from './en';
import { it as italian } from './it';
import { errorMessageKey, interpolate, makeTranslate, makeTranslatePlural } from './translate';
import { loadMessages } from './messages';

await Promise.all([loadMessages('en'), loadMessages('it')]);

describe('dictionaries', () => {
  it('have the same keys and no empty message', () => {
    expect(Object.keys(italian).sort()).toEqual(Object.keys(en).sort());
    for (const value of [...Object.values(en), ...Object.values(italian)]) expect(value.trim()).not.toBe('');
  });

  it('keep the same placeholders in both languages', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[])
      expect(names(italian[key]), key).toEqual(names(en[key]));
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('Order {number} for {name}', { number: 'W1' })).toBe('Order W1 for {name}');
    expect(makeTranslate('it')('order.title', { number: 'W1' })).toBe('Ordine W1');
  });

  it('picks the plural form by count', () => {
    const t = makeTranslate('en');
    const tp = makeTranslatePlural('en', t);
    expect(tp('queue.items', 1)).toBe('1 item');
    expect(tp('queue.items', 3)).toBe('3 items');
  });

  it('maps error codes to their words, and anything else to the generic message', () => {
    expect(errorMessageKey({ code: 'scan.wrongItem' })).toBe('errors.scan.wrongItem');
    expect(errorMessageKey({ code: 'no.such.code' })).toBe('errors.generic');
    expect(errorMessageKey(new Error('boom'))).toBe('errors.generic');
  });
});
