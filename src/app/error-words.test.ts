import { describe, expect, it as test } from 'vitest';
import { errorCodes } from '../contract/error-catalogue';
import { errorKey as curbsideErrorKey, curbsideWords } from './curbside/curbside-words';
import { counterEn } from './counter/i18n/counter-en';
import { counterIt } from './counter/i18n/counter-it';
import { managerEn } from './manager/i18n/manager-en';
import { managerIt } from './manager/i18n/manager-it';
import { returnsEn } from './returns/i18n/returns-en';
import { returnsIt } from './returns/i18n/returns-it';
import { en } from './i18n/en';
import { it } from './i18n/it';

// The app's dictionaries hold the words every screen shares; a feature that travels in its own
// chunk (returns, manager, counter) may hold its own codes' words instead. Either way, both
// languages, in the same dictionary pair.
const pairs: [name: string, english: Record<string, string>, italian: Record<string, string>][] = [
  ['app', en, it],
  ['returns', returnsEn, returnsIt],
  ['manager', managerEn, managerIt],
  ['counter', counterEn, counterIt],
];

// The customer's curbside page speaks its own short dictionary, keyed by code.
const curbsideCodes = (code: string) => code.startsWith('curbside.');

function wordsFor(code: string): { where: string; english: string; italian: string } | undefined {
  if (curbsideCodes(code)) {
    const key = curbsideErrorKey(code);
    if (key === 'error') return undefined;
    return { where: 'curbside', english: curbsideWords('en')(key), italian: curbsideWords('it')(key) };
  }
  const key = `errors.${code}`;
  for (const [where, english, italian] of pairs) {
    if (Object.hasOwn(english, key))
      return { where, english: english[key] ?? '', italian: italian[key] ?? '' };
  }
  return undefined;
}

describe('the error-code catalogue', () => {
  test('holds each code once, dotted as area.name', () => {
    expect(new Set(errorCodes).size).toBe(errorCodes.length);
    for (const code of errorCodes) expect(code).toMatch(/^[a-z][A-Za-z0-9]*\.[a-z][A-Za-z0-9]*$/);
  });

  test('every code has words in English and in Italian', () => {
    const missing = errorCodes.filter((code) => {
      const words = wordsFor(code);
      return !words || words.english.trim() === '' || words.italian.trim() === '';
    });
    expect(missing).toEqual([]);
  });

  test('the Italian words are not the English ones left untranslated', () => {
    const untranslated = errorCodes.filter((code) => {
      const words = wordsFor(code);
      return words !== undefined && words.english === words.italian;
    });
    expect(untranslated).toEqual([]);
  });
});
