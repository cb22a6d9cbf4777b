import { describe, expect, it } from 'vitest';
import { shelfEn } from './shelf-en';
import { shelfIt } from './shelf-it';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('shelf dictionaries', () => {
  it('have the same keys and placeholders in Italian and English', () => {
    expect(Object.keys(shelfIt).sort()).toEqual(Object.keys(shelfEn).sort());
    for (const [key, text] of Object.entries(shelfEn)) {
      expect(placeholders(shelfIt[key as keyof typeof shelfEn]), key).toEqual(placeholders(text));
    }
  });
});
