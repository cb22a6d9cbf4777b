import { describe, expect, it } from 'vitest';
import { returnErrorCodes } from '../../contract/error-codes';
import { defaultReturnReasons } from '../../domain/return-reasons';
import { dispositions } from '../../domain/disposition';
import { returnConditions } from '../../domain/return-reasons';
import { checkReturn, defaultReturnPolicy, returnViolationCodes } from '../../domain/return-policy';
import type { Language } from '../i18n/language';
import { explainedCodes, explainViolation, type ExplainContext } from './explain-violation';
import { makeFormatters, makeRt, type ReturnsKey } from './i18n/returns-i18n';
import { returnsEn } from './i18n/returns-en';
import { returnsIt } from './i18n/returns-it';

const languages: Language[] = ['en', 'it'];
const locales: Record<Language, string> = { en: 'en-GB', it: 'it-IT' };

function context(language: Language): ExplainContext {
  const list = new Intl.ListFormat(language, { type: 'disjunction' });
  return {
    rt: makeRt(language),
    day: makeFormatters(locales[language]).day,
    orList: (items) => list.format(items),
    productOf: () => (language === 'it' ? 'Scarpe da corsa' : 'Running shoes'),
  };
}

/** One realistic violation per code, with the details the policy (or the server) gives it. */
const samples: Record<string, Record<string, unknown>> = {
  [returnViolationCodes.windowExpired]: {
    category: 'electronics',
    windowDays: 14,
    daysSinceReceipt: 20,
    countedFrom: 'received',
    receivedOn: '2026-11-02',
    lastDay: '2026-11-16',
  },
  [returnViolationCodes.nonReturnable]: { sku: 'EAR-1', category: 'accessories' },
  [returnViolationCodes.finalSale]: { sku: 'TS-1' },
  [returnViolationCodes.conditionNotAccepted]: { category: 'beauty', condition: 'opened', accepted: ['new'] },
  [returnViolationCodes.unknownReason]: { reason: 'lateDelivery', known: ['tooSmall'] },
  [returnViolationCodes.qtyExceedsReturnable]: {
    sku: 'TS-1',
    qty: 3,
    ordered: 2,
    delivered: 2,
    alreadyReturned: 0,
    inThisReturn: 0,
    returnable: 2,
  },
  [returnViolationCodes.alreadyReturned]: {
    sku: 'TS-1',
    qty: 1,
    delivered: 2,
    alreadyReturned: 2,
    returnable: 0,
  },
  [returnViolationCodes.unknownLine]: { lineId: 'x' },
  [returnViolationCodes.badQuantity]: { qty: 0 },
  [returnErrorCodes.notDelivered]: {},
  [returnErrorCodes.approvalInvalid]: {},
  [returnErrorCodes.overrideNotAllowed]: {},
};

describe('the return counter’s dictionaries', () => {
  it('have the same keys and placeholders in both languages, and no empty message', () => {
    expect(Object.keys(returnsIt).sort()).toEqual(Object.keys(returnsEn).sort());
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(returnsEn) as ReturnsKey[]) {
      expect(returnsIt[key].trim(), key).not.toBe('');
      expect(names(returnsIt[key]), key).toEqual(names(returnsEn[key]));
    }
  });

  it('name every default reason, condition and disposition in both languages', () => {
    const keys = [
      ...defaultReturnReasons.map((r) => `reason.${r.code}`),
      ...returnConditions.flatMap((c) => [`condition.${c}`, `conditionWord.${c}`]),
      ...dispositions.map((d) => `disposition.${d}`),
    ];
    for (const key of keys) expect(Object.hasOwn(returnsEn, key), key).toBe(true);
  });
});

describe('a violation in words', () => {
  it('has a message of its own for every code, in both languages, with every figure filled in', () => {
    expect(Object.keys(samples).sort()).toEqual([...explainedCodes].sort());
    for (const language of languages) {
      const ctx = context(language);
      const fallback = (code: string) => ctx.rt('violation.other', { code });
      for (const code of explainedCodes) {
        const text = explainViolation({ code, details: samples[code]! }, ctx);
        expect(text, `${language} ${code}`).not.toBe(fallback(code));
        expect(text, `${language} ${code}`).not.toMatch(/[{}]|undefined|NaN/);
      }
    }
  });

  it('says the window, the days and the last day', () => {
    const text = explainViolation(
      { code: returnViolationCodes.windowExpired, details: samples['return.windowExpired']! },
      context('en'),
    );
    expect(text).toBe(
      'Electronics can be returned within 14 days of receipt; received 20 days ago, last day 16 Nov 2026.',
    );
    const it = explainViolation(
      { code: returnViolationCodes.windowExpired, details: samples['return.windowExpired']! },
      context('it'),
    );
    expect(it).toBe(
      'L’elettronica si può rendere entro 14 giorni dal ricevimento; ricevuto 20 giorni fa, ultimo giorno 16 nov 2026.',
    );
  });

  it('explains what the domain’s own check produces', () => {
    const evaluation = checkReturn(
      { lines: [{ lineId: 'l1', qty: 1, reason: 'changedMind', condition: 'opened' }] },
      {
        order: {
          orderedAt: '2026-10-01T10:00:00Z',
          receivedAt: '2026-10-02T10:00:00Z',
          lines: [
            {
              lineId: 'l1',
              sku: 'LIP-1',
              category: 'beauty',
              orderedQty: 1,
              shortQty: 0,
              returnedQty: 0,
              returnable: true,
              finalSale: true,
            },
          ],
        },
        now: '2026-11-20T10:00:00Z',
        timeZone: 'Europe/Rome',
      },
      defaultReturnPolicy,
    );
    const words = evaluation.lines[0]!.violations.map((v) => explainViolation(v, context('en')));
    expect(words).toEqual([
      'Beauty can be returned within 14 days of receipt; received 49 days ago, last day 16 Oct 2026.',
      'Running shoes was sold as final sale and cannot be returned.',
      'Beauty is taken back only when new; this unit is opened.',
    ]);
  });

  it('falls back to the code for one it does not know', () => {
    expect(explainViolation({ code: 'return.somethingNew', details: {} }, context('en'))).toBe(
      'A return rule was not met (return.somethingNew).',
    );
  });
});
