import { describe, expect, it } from 'vitest';
import type { IdRequirement } from './id-check';
import { ageOn, assertIdChecked, checkId, idRequirement, lineMinimumAge, sameName } from './id-check';

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code: string }).code;
  }
  return 'no error';
};

describe('minimum age of a line', () => {
  const ages = { alcohol: 18, knives: 16 };
  it('comes from the store’s age for the category, or the platform’s, whichever is higher', () => {
    expect(lineMinimumAge('alcohol', ages)).toBe(18);
    expect(lineMinimumAge('knives', ages, 18)).toBe(18);
    expect(lineMinimumAge('shoes', ages, 16)).toBe(16);
    expect(lineMinimumAge('shoes', ages)).toBeNull();
    expect(lineMinimumAge('toString', ages)).toBeNull();
  });
});

describe('why an order needs the ID step', () => {
  it('names age, high value and a third party, with the highest line age', () => {
    expect(
      idRequirement({
        lines: [{ minimumAge: 16 }, { minimumAge: null }, { minimumAge: 18 }],
        highValue: true,
        collectorName: 'Anna Bianchi',
      }),
    ).toEqual({ reasons: ['age', 'highValue', 'thirdParty'], minimumAge: 18, collectorName: 'Anna Bianchi' });
    expect(idRequirement({ lines: [{ minimumAge: null }], highValue: false, collectorName: null })).toEqual({
      reasons: [],
      minimumAge: null,
      collectorName: null,
    });
  });
});

describe('age on a day', () => {
  it('counts full years, the birthday itself included', () => {
    expect(ageOn('2008-12-06', '2026-12-06')).toBe(18);
    expect(ageOn('2008-12-07', '2026-12-06')).toBe(17);
    expect(ageOn('2008-11-30', '2026-12-06')).toBe(18);
  });
  it('comes of age on 1 March when born on 29 February and the year has none', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
  it('refuses a date that is not on the calendar', () => {
    expect(codeOf(() => ageOn('2008-02-30', '2026-03-01'))).toBe('idCheck.badDateOfBirth');
    expect(codeOf(() => ageOn('08/02/2008', '2026-03-01'))).toBe('idCheck.badDateOfBirth');
  });
});

describe('names', () => {
  it('match regardless of case, accents, punctuation and word order', () => {
    expect(sameName('Niccolò  De-Luca', 'de luca niccolo')).toBe(true);
    expect(sameName('Anna Bianchi', 'Anna Bianco')).toBe(false);
    expect(sameName('', '')).toBe(false);
  });
});

describe('the ID check', () => {
  const age: IdRequirement = { reasons: ['age'], minimumAge: 18, collectorName: null };
  const third: IdRequirement = { reasons: ['thirdParty'], minimumAge: null, collectorName: 'Anna Bianchi' };
  const today = '2026-12-06';

  it('keeps the type, the last 4 and the reasons, never the birth date or the name', () => {
    const record = checkId(
      { ...age, reasons: ['age', 'thirdParty'], collectorName: 'Anna Bianchi' },
      {
        documentType: 'identityCard',
        last4: ' 12ab ',
        dateOfBirth: '2000-01-01',
        nameOnDocument: 'BIANCHI ANNA',
      },
      today,
    );
    expect(record).toEqual({
      documentType: 'identityCard',
      last4: '12AB',
      reasons: ['age', 'thirdParty'],
      minimumAge: 18,
    });
    expect(JSON.stringify(record)).not.toMatch(/2000|Anna|BIANCHI/i);
  });

  it('refuses the holder one day short of the minimum age, and accepts on the birthday', () => {
    const id = { documentType: 'passport' as const, last4: 'X123' };
    expect(codeOf(() => checkId(age, { ...id, dateOfBirth: '2008-12-07' }, today))).toBe('idCheck.underAge');
    expect(checkId(age, { ...id, dateOfBirth: '2008-12-06' }, today).minimumAge).toBe(18);
  });

  it('asks for what the requirement needs', () => {
    const id = { documentType: 'passport' as const, last4: 'X123' };
    expect(codeOf(() => checkId(age, id, today))).toBe('idCheck.dateOfBirthRequired');
    expect(codeOf(() => checkId(age, { ...id, dateOfBirth: '2030-01-01' }, today))).toBe(
      'idCheck.badDateOfBirth',
    );
    expect(codeOf(() => checkId(third, id, today))).toBe('idCheck.nameRequired');
    expect(codeOf(() => checkId(third, { ...id, nameOnDocument: 'Marco Rossi' }, today))).toBe(
      'idCheck.nameMismatch',
    );
    expect(codeOf(() => checkId(third, { ...id, last4: '12' }, today))).toBe('idCheck.badLast4');
    expect(codeOf(() => checkId(third, { ...id, last4: '12-4' }, today))).toBe('idCheck.badLast4');
    expect(codeOf(() => checkId({ reasons: [], minimumAge: null, collectorName: null }, id, today))).toBe(
      'idCheck.notRequired',
    );
  });

  it('holds the handover of a flagged order until the check passed', () => {
    expect(codeOf(() => assertIdChecked(age, null))).toBe('idCheck.required');
    expect(codeOf(() => assertIdChecked(age, '2026-12-06T10:00:00Z'))).toBe('no error');
    expect(codeOf(() => assertIdChecked({ reasons: [], minimumAge: null, collectorName: null }, null))).toBe(
      'no error',
    );
  });
});
