import { describe, expect, it } from 'vitest';
import { DEFAULT_SHIPPING_RULE } from './refund';
import type { ReturnUnit } from './return-units';
import { policyRequestOf, refundRequestOf, restockedUnits } from './return-units';

const unit = (lineId: string, extra: Partial<ReturnUnit> = {}): ReturnUnit => ({
  lineId,
  reason: 'tooSmall',
  condition: 'new',
  disposition: 'restock',
  ...extra,
});

describe('return units', () => {
  it('folds units of the same line, reason and condition into one policy line', () => {
    const request = policyRequestOf([
      unit('a'),
      unit('b'),
      unit('a'),
      unit('a', { condition: 'damaged', disposition: 'damaged' }),
    ]);
    expect(request.lines).toEqual([
      { lineId: 'a', qty: 2, reason: 'tooSmall', condition: 'new' },
      { lineId: 'b', qty: 1, reason: 'tooSmall', condition: 'new' },
      { lineId: 'a', qty: 1, reason: 'tooSmall', condition: 'damaged' },
    ]);
  });

  it('asks the refund per line, with a seller-fault reason deciding shipping', () => {
    const request = refundRequestOf(
      'r1',
      [unit('a'), unit('b', { reason: 'damagedOnArrival' }), unit('a')],
      DEFAULT_SHIPPING_RULE,
    );
    expect(request).toEqual({
      returnId: 'r1',
      reason: 'damagedOnArrival',
      lines: [
        { lineId: 'a', qty: 2 },
        { lineId: 'b', qty: 1 },
      ],
    });
    expect(refundRequestOf('r2', [unit('a', { reason: 'changedMind' })], DEFAULT_SHIPPING_RULE).reason).toBe(
      'changedMind',
    );
  });

  it('counts only restocked units per product', () => {
    const units = [
      { ...unit('a'), productId: 'p1' },
      { ...unit('a', { disposition: 'damaged' }), productId: 'p1' },
      { ...unit('b', { disposition: 'return_to_vendor' }), productId: 'p2' },
      { ...unit('c'), productId: 'p1' },
    ];
    expect([...restockedUnits(units)]).toEqual([['p1', 2]]);
  });
});
