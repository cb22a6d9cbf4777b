import { describe, expect, it as test } from 'vitest';
import { substitutionReasons } from '../../domain/substitution';
import { en } from './en';
import { it } from './it';

describe('the words of a substitution decision', () => {
  test('every reason the domain gives is said in English and in Italian', () => {
    for (const reason of substitutionReasons) {
      const key = `substitution.reason.${reason}`;
      expect(Object.hasOwn(en, key), key).toBe(true);
      expect(en[key as keyof typeof en]).not.toBe(it[key as keyof typeof it]);
    }
  });
});
