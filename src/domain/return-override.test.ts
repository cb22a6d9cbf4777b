import { describe, expect, it } from 'vitest';
import { domainErrorOf } from './domain-error-of';
import { applyOverride } from './return-override';
import type { ReturnContext, ReturnOrderLine } from './return-policy';
import { checkReturn, defaultReturnPolicy } from './return-policy';

const line = (lineId: string, category: string, more: Partial<ReturnOrderLine> = {}): ReturnOrderLine => ({
  lineId,
  sku: `${lineId.toUpperCase()}-1`,
  category,
  orderedQty: 1,
  shortQty: 0,
  returnedQty: 0,
  returnable: true,
  finalSale: false,
  ...more,
});

// A loyal customer brings back a speaker 45 days after collecting it, and a lamp.
const context: ReturnContext = {
  order: {
    orderedAt: '2026-01-08T15:00:00Z',
    receivedAt: '2026-01-10T11:00:00Z',
    lines: [line('speaker', 'electronics'), line('lamp', 'home', { returnedQty: 1 })],
  },
  now: '2026-02-24T16:00:00Z',
  timeZone: 'Europe/Rome',
};
const evaluate = (...lineIds: string[]) =>
  checkReturn(
    {
      lines: lineIds.map((lineId) => ({ lineId, qty: 1, reason: 'changedMind', condition: 'new' as const })),
    },
    context,
    defaultReturnPolicy,
  );

describe('applyOverride', () => {
  it('allows a late return and keeps who allowed it and why', () => {
    const late = evaluate('speaker');
    expect(late.allowed).toBe(false);
    const allowed = applyOverride(late, {
      managerId: 'u-giulia',
      reason: ' Gold member, was abroad ',
      lineIds: ['speaker'],
    });
    expect(allowed.allowed).toBe(true);
    expect(allowed.lines[0]).toMatchObject({ allowed: true, violations: [] });
    expect(allowed.lines[0]?.overridden).toEqual([
      {
        ...late.lines[0]?.violations[0],
        code: 'return.windowExpired',
        managerId: 'u-giulia',
        reason: 'Gold member, was abroad',
      },
    ]);
    expect(late.lines[0]?.allowed).toBe(false);
  });

  it('never overrides a quantity beyond what is left, and changes nothing then', () => {
    const both = evaluate('speaker', 'lamp');
    const error = domainErrorOf(() =>
      applyOverride(both, { managerId: 'u-giulia', reason: 'goodwill', lineIds: ['speaker', 'lamp'] }),
    );
    expect(error.code).toBe('returnOverride.notOverridable');
    expect(error.details).toEqual({ violations: [{ lineId: 'lamp', code: 'return.alreadyReturned' }] });
    // The speaker alone can still be overridden; the lamp stays refused.
    const speakerOnly = applyOverride(both, {
      managerId: 'u-giulia',
      reason: 'goodwill',
      lineIds: ['speaker'],
    });
    expect(speakerOnly.lines.map((l) => l.allowed)).toEqual([true, false]);
    expect(speakerOnly.allowed).toBe(false);
  });

  it('needs a manager, a reason and lines that are in the return', () => {
    const late = evaluate('speaker');
    const codeOf = (override: Parameters<typeof applyOverride>[1]) =>
      domainErrorOf(() => applyOverride(late, override)).code;
    expect(codeOf({ managerId: ' ', reason: 'goodwill', lineIds: ['speaker'] })).toBe(
      'returnOverride.managerRequired',
    );
    expect(codeOf({ managerId: 'u-giulia', reason: '  ', lineIds: ['speaker'] })).toBe(
      'returnOverride.reasonRequired',
    );
    expect(codeOf({ managerId: 'u-giulia', reason: 'goodwill', lineIds: ['tv'] })).toBe(
      'returnOverride.unknownLine',
    );
  });
});
