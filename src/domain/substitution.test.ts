import { describe, expect, it } from 'vitest';
import { domainErrorOf } from './domain-error-of';
import {
  answerDeadline,
  assertPriceRule,
  assertSubstituteAccepted,
  decideSubstitute,
  DEFAULT_PRICE_RULE,
  effectivePreference,
  highestAllowedCents,
  isWithinPriceRule,
  removedUnits,
  substituteStatusAt,
  substitutionErrorCodes,
  substitutionRefund,
  substitutionRefundCause,
  substitutionRefundCents,
  substitutionRefundKey,
  type PriceRule,
  type SubstitutionPreference,
} from './substitution';

const pasta = { sku: 'PASTA-500', unitPriceCents: 1000 };
const decide = (
  preference: SubstitutionPreference,
  substitute: typeof pasta,
  priceRule = DEFAULT_PRICE_RULE,
) => decideSubstitute({ preference, priceRule, ordered: pasta, substitute });

describe('the price rule', () => {
  it('"not dearer" allows the ordered price and less, not a cent more', () => {
    const rule: PriceRule = { kind: 'notDearer' };
    expect(isWithinPriceRule(rule, 1000, 1000)).toBe(true);
    expect(isWithinPriceRule(rule, 1000, 650)).toBe(true);
    expect(isWithinPriceRule(rule, 1000, 1001)).toBe(false);
  });

  it('"within 30% or 3.00" allows whichever is more', () => {
    const rule: PriceRule = { kind: 'within', percent: 30, amountCents: 300 };
    // 30% of 1.00 is 0.30: the 3.00 allows more.
    expect(highestAllowedCents(rule, 100)).toBe(400);
    // 30% of 20.00 is 6.00: the percentage allows more.
    expect(highestAllowedCents(rule, 2000)).toBe(2600);
    expect(isWithinPriceRule(rule, 2000, 2600)).toBe(true);
    expect(isWithinPriceRule(rule, 2000, 2601)).toBe(false);
  });

  it('rounds the percentage down, so the customer never pays a cent they did not agree to', () => {
    expect(highestAllowedCents({ kind: 'within', percent: 30, amountCents: 0 }, 99)).toBe(99 + 29);
  });

  it('refuses negative or fractional figures with a stable code', () => {
    expect(domainErrorOf(() => assertPriceRule({ kind: 'within', percent: -1, amountCents: 0 }))?.code).toBe(
      substitutionErrorCodes.badPriceRule,
    );
    expect(
      domainErrorOf(() => assertPriceRule({ kind: 'within', percent: 10, amountCents: 1.5 }))?.code,
    ).toBe(substitutionErrorCodes.badPriceRule);
    expect(assertPriceRule({ kind: 'notDearer' })).toEqual({ kind: 'notDearer' });
  });
});

describe('the preference that applies', () => {
  it("is the line's, else the order's, else no substitutes", () => {
    expect(effectivePreference({ mode: 'similar' }, { mode: 'ask' })).toEqual({ mode: 'ask' });
    expect(effectivePreference({ mode: 'similar' }, null)).toEqual({ mode: 'similar' });
    expect(effectivePreference(null, undefined)).toEqual({ mode: 'none' });
  });
});

describe('deciding a scanned substitute', () => {
  it('refuses any substitute when the customer wants none', () => {
    expect(decide({ mode: 'none' }, { sku: 'PASTA-B', unitPriceCents: 500 })).toEqual({
      outcome: 'refused',
      reason: 'notWanted',
    });
  });

  it('refuses the ordered product itself: that is a pick, not a substitute', () => {
    expect(decide({ mode: 'ask' }, pasta)).toEqual({ outcome: 'refused', reason: 'sameProduct' });
  });

  it('allows a similar item under the price rule and asks above it', () => {
    expect(decide({ mode: 'similar' }, { sku: 'PASTA-B', unitPriceCents: 1300 })).toEqual({
      outcome: 'allowed',
      reason: 'withinPriceRule',
    });
    expect(decide({ mode: 'similar' }, { sku: 'PASTA-B', unitPriceCents: 1301 })).toEqual({
      outcome: 'needsApproval',
      reason: 'aboveClearPrice',
    });
    expect(
      decide({ mode: 'similar' }, { sku: 'PASTA-B', unitPriceCents: 1001 }, { kind: 'notDearer' }),
    ).toEqual({
      outcome: 'needsApproval',
      reason: 'aboveClearPrice',
    });
  });

  it('asks each time when the customer said so, even for a cheaper item', () => {
    expect(decide({ mode: 'ask' }, { sku: 'PASTA-B', unitPriceCents: 10 })).toEqual({
      outcome: 'needsApproval',
      reason: 'customerAsks',
    });
  });

  it('allows a named alternative at its rank, whatever its price, and refuses others', () => {
    const preference: SubstitutionPreference = { mode: 'alternatives', skus: ['PASTA-B', 'PASTA-C'] };
    expect(decide(preference, { sku: 'PASTA-C', unitPriceCents: 5000 })).toEqual({
      outcome: 'allowed',
      reason: 'rankedAlternative',
      rank: 2,
    });
    expect(decide(preference, { sku: 'PASTA-D', unitPriceCents: 900 })).toEqual({
      outcome: 'refused',
      reason: 'notAnAlternative',
    });
  });

  it('turns a refusal into its stable error code and lets the others through', () => {
    const refused = decide({ mode: 'none' }, { sku: 'PASTA-B', unitPriceCents: 500 });
    const error = domainErrorOf(() => assertSubstituteAccepted(refused, { lineId: 'L1' }));
    expect(error?.code).toBe(substitutionErrorCodes.notWanted);
    expect(error?.details).toEqual({ lineId: 'L1', reason: 'notWanted' });
    const asked = decide({ mode: 'ask' }, { sku: 'PASTA-B', unitPriceCents: 500 });
    expect(assertSubstituteAccepted(asked)).toBe(asked);
  });
});

describe('the customer’s answer and its deadline', () => {
  const requestedAt = '2026-12-06T10:00:00.000Z';
  const deadline = answerDeadline(requestedAt, 20);

  it('gives the customer the store’s minutes to answer', () => {
    expect(deadline).toBe('2026-12-06T10:20:00.000Z');
  });

  it('counts a request still pending at the deadline as declined', () => {
    expect(substituteStatusAt({ status: 'pending', deadline }, '2026-12-06T10:19:59.999Z')).toBe('pending');
    expect(substituteStatusAt({ status: 'pending', deadline }, '2026-12-06T10:20:00.000Z')).toBe('declined');
  });

  it('keeps an answer given, whatever the time', () => {
    expect(substituteStatusAt({ status: 'accepted', deadline }, '2027-01-01T00:00:00.000Z')).toBe('accepted');
    expect(substituteStatusAt({ status: 'picked', deadline: null }, '2027-01-01T00:00:00.000Z')).toBe(
      'picked',
    );
  });
});

describe('the money that goes back', () => {
  const line = { orderedUnitCents: 1000, qty: 2 };

  it('refunds the difference of a cheaper kept substitute, per unit', () => {
    expect(substitutionRefundCents({ ...line, substituteUnitCents: 750, status: 'accepted' })).toBe(500);
    expect(substitutionRefundCents({ ...line, substituteUnitCents: 750, status: 'picked' })).toBe(500);
  });

  it('charges nothing more for a dearer substitute', () => {
    expect(substitutionRefundCents({ ...line, substituteUnitCents: 1200, status: 'accepted' })).toBe(0);
  });

  it('refunds the ordered price of declined units, and nothing while the answer is pending', () => {
    expect(substitutionRefundCents({ ...line, substituteUnitCents: 750, status: 'declined' })).toBe(2000);
    expect(substitutionRefundCents({ ...line, substituteUnitCents: 750, status: 'pending' })).toBe(0);
  });
});

describe('the one refund of an order’s substitutes', () => {
  const line = (
    id: string,
    unitPriceCents: number,
    substitute: Parameters<typeof substitutionRefund>[0][number]['substitute'],
  ) => ({
    id,
    unitPriceCents,
    // Short by the substitute's units only: nothing removed.
    qtyShort: substitute?.qty ?? 0,
    reroutedTo: null,
    substitute,
  });

  it('adds the differences and the declined units, and leaves pending ones and lines without a substitute', () => {
    const refund = substitutionRefund(
      [
        line('a', 1000, { unitPriceCents: 800, qty: 2, status: 'accepted' }),
        line('b', 500, { unitPriceCents: 900, qty: 1, status: 'declined' }),
        line('c', 700, { unitPriceCents: 100, qty: 1, status: 'pending' }),
        line('d', 700, null),
        line('e', 700, { unitPriceCents: 900, qty: 1, status: 'picked' }),
      ],
      100_000,
    );
    expect(refund).toEqual({
      totalCents: 400 + 500,
      lines: [
        { lineId: 'a', status: 'accepted', qty: 2, refundCents: 400 },
        { lineId: 'b', status: 'declined', qty: 1, refundCents: 500 },
      ],
    });
  });

  it('never gives back more than the goods were paid, a coupon taken off', () => {
    const refund = substitutionRefund(
      [line('a', 1000, { unitPriceCents: 0, qty: 1, status: 'declined' })],
      700,
    );
    expect(refund.totalCents).toBe(700);
    expect(substitutionRefund([], 0).totalCents).toBe(0);
  });
});

describe('the units removed from an order', () => {
  const rerouted = { orderId: 'o-2', orderNumber: 'W1', storeId: 's-2' };

  it('are the short units no substitute covers and no other store took', () => {
    expect(removedUnits({ qtyShort: 2, reroutedTo: null, substitute: null })).toBe(2);
    expect(removedUnits({ qtyShort: 3, reroutedTo: null, substitute: { qty: 1 } })).toBe(2);
    expect(removedUnits({ qtyShort: 1, reroutedTo: null, substitute: { qty: 1 } })).toBe(0);
    expect(removedUnits({ qtyShort: 0, reroutedTo: null, substitute: null })).toBe(0);
    expect(removedUnits({ qtyShort: 2, reroutedTo: rerouted, substitute: null })).toBe(0);
  });

  it('count, per unit, the units shorted after a re-route of the same line', () => {
    // Two units moved to the other store; a third was found missing afterwards.
    expect(removedUnits({ qtyShort: 3, reroutedTo: { ...rerouted, qty: 2 }, substitute: null })).toBe(1);
    expect(removedUnits({ qtyShort: 2, reroutedTo: { ...rerouted, qty: 2 }, substitute: null })).toBe(0);
    // A re-route that does not count its units (an older replica, an id) took every short unit.
    expect(removedUnits({ qtyShort: 3, reroutedTo: 'o-2', substitute: null })).toBe(0);
    const refund = substitutionRefund(
      [{ id: 'a', unitPriceCents: 450, qtyShort: 3, reroutedTo: { ...rerouted, qty: 2 }, substitute: null }],
      100_000,
    );
    expect(refund.lines).toEqual([{ lineId: 'a', status: 'removed', qty: 1, refundCents: 450 }]);
  });

  it('are refunded at the ordered price, alone', () => {
    const refund = substitutionRefund(
      [
        { id: 'a', unitPriceCents: 450, qtyShort: 2, reroutedTo: null, substitute: null },
        { id: 'b', unitPriceCents: 999, qtyShort: 0, reroutedTo: null, substitute: null },
      ],
      100_000,
    );
    expect(refund).toEqual({
      totalCents: 900,
      lines: [{ lineId: 'a', status: 'removed', qty: 2, refundCents: 900 }],
    });
    expect(substitutionRefundCause(refund.lines)).toBe('removed');
  });

  it('add to cheaper and declined substitutes, a line giving both its substitute and its removed units', () => {
    const refund = substitutionRefund(
      [
        {
          id: 'a',
          unitPriceCents: 1000,
          qtyShort: 3,
          reroutedTo: null,
          substitute: { unitPriceCents: 800, qty: 2, status: 'picked' },
        },
        {
          id: 'b',
          unitPriceCents: 500,
          qtyShort: 1,
          reroutedTo: null,
          substitute: { unitPriceCents: 900, qty: 1, status: 'declined' },
        },
        { id: 'c', unitPriceCents: 300, qtyShort: 1, reroutedTo: null, substitute: null },
      ],
      100_000,
    );
    expect(refund).toEqual({
      totalCents: 400 + 1000 + 500 + 300,
      lines: [
        { lineId: 'a', status: 'picked', qty: 2, refundCents: 400 },
        { lineId: 'a', status: 'removed', qty: 1, refundCents: 1000 },
        { lineId: 'b', status: 'declined', qty: 1, refundCents: 500 },
        { lineId: 'c', status: 'removed', qty: 1, refundCents: 300 },
      ],
    });
    expect(substitutionRefundCause(refund.lines)).toBe('allThree');
  });

  it('leave out units moved to another store, which the customer still gets', () => {
    const refund = substitutionRefund(
      [{ id: 'a', unitPriceCents: 450, qtyShort: 2, reroutedTo: rerouted, substitute: null }],
      100_000,
    );
    expect(refund).toEqual({ totalCents: 0, lines: [] });
  });

  it('never take the refund above what the goods were paid', () => {
    const refund = substitutionRefund(
      [
        { id: 'a', unitPriceCents: 1000, qtyShort: 2, reroutedTo: null, substitute: null },
        {
          id: 'b',
          unitPriceCents: 1000,
          qtyShort: 1,
          reroutedTo: null,
          substitute: { unitPriceCents: 0, qty: 1, status: 'declined' },
        },
      ],
      2500,
    );
    expect(refund.totalCents).toBe(2500);
  });
});

describe('the refund the order shows', () => {
  it('says why: a cheaper substitute kept, items declined, or both', () => {
    expect(substitutionRefundCause([{ status: 'picked' }])).toBe('cheaper');
    expect(substitutionRefundCause([{ status: 'accepted' }])).toBe('cheaper');
    expect(substitutionRefundCause([{ status: 'declined' }])).toBe('declined');
    expect(substitutionRefundCause([{ status: 'accepted' }, { status: 'declined' }])).toBe('both');
    expect(substitutionRefundCause([])).toBeNull();
  });

  it('names removed items too, alone or beside substitutes', () => {
    expect(substitutionRefundCause([{ status: 'removed' }])).toBe('removed');
    expect(substitutionRefundCause([{ status: 'picked' }, { status: 'removed' }])).toBe('cheaperRemoved');
    expect(substitutionRefundCause([{ status: 'declined' }, { status: 'removed' }])).toBe('declinedRemoved');
    expect(
      substitutionRefundCause([{ status: 'accepted' }, { status: 'declined' }, { status: 'removed' }]),
    ).toBe('allThree');
  });

  it('is paid under one key per order, so a staging retried pays once', () => {
    expect(substitutionRefundKey('o-1')).toBe('substitution:o-1');
    expect(substitutionRefundKey('o-1')).not.toBe(substitutionRefundKey('o-2'));
  });
});
