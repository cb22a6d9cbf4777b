import { describe, expect, it } from 'vitest';
import { managerEn } from './manager-en';
import { makeManagerErrorText, makeMt, makeMtp } from './manager-i18n';
import { managerIt } from './manager-it';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the manager screens’ words', () => {
  it('have the same keys and placeholders in Italian as in English', () => {
    expect(Object.keys(managerIt).sort()).toEqual(Object.keys(managerEn).sort());
    for (const [key, text] of Object.entries(managerEn)) {
      expect(placeholders(managerIt[key as keyof typeof managerEn]), key).toEqual(placeholders(text));
    }
  });

  it('count in the language’s plural forms and word their own errors', () => {
    const mt = makeMt('it');
    expect(makeMtp('it', mt)('queue.count', 1)).toBe('1 ordine');
    expect(makeMtp('it', mt)('queue.count', 4)).toBe('4 ordini');
    const errorText = makeManagerErrorText(mt, ((key: string) => `app:${key}`) as never);
    expect(errorText({ code: 'manager.orderClosed' })).toMatch(/^Questo ordine è già chiuso/);
    expect(errorText({ code: 'auth.forbidden' })).toMatch(/^app:errors\./);
  });
});
