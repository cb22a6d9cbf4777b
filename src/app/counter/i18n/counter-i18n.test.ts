import { describe, expect, it } from 'vitest';
import { counterEn } from './counter-en';
import { counterIt } from './counter-it';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('counter dictionaries', () => {
  it('have the same keys and placeholders in Italian and English', () => {
    expect(Object.keys(counterIt).sort()).toEqual(Object.keys(counterEn).sort());
    for (const [key, text] of Object.entries(counterEn)) {
      expect(placeholders(counterIt[key as keyof typeof counterEn]), key).toEqual(placeholders(text));
    }
  });
});
