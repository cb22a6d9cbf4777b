import { describe, expect, it } from 'vitest';
import {
  planRefusal,
  refusedStockDelta,
  refusedSubstituteStockDelta,
  substituteAfterRefusal,
  type RefusalLine,
} from './counter-refusal';
import type { CounterLine } from './partial-handover';
import { DEFAULT_SHIPPING_RULE } from './refund';
import { defaultReturnReasons } from './return-reasons';

const line = (id: string, picked: number, over = 0, refused = 0): CounterLine => ({
  id,
  gtin14: '08001234567890',
  qtyOrdered: picked,
  qtyPicked: picked,
  qtyShort: 0,
  qtyHandedOver: over,
  qtyRefused: refused,
});
const fault = DEFAULT_SHIPPING_RULE.sellerFaultReasons;
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code: string }).code;
  }
  return 'no error';
};

describe('refusal at the counter', () => {
  const order = [line('shirt', 3), line('jeans', 1)];

  it('groups several refused units per line, each with its own reason', () => {
    const plan = planRefusal(
      order,
      [
        { lineId: 'jeans', reason: 'tooSmall', disposition: 'restock' },
        { lineId: 'shirt', reason: 'changedMind', disposition: 'restock' },
        { lineId: 'shirt', reason: 'damagedOnArrival', disposition: 'damaged' },
      ],
      defaultReturnReasons,
      fault,
    );
    expect(plan.lines).toEqual([
      { lineId: 'shirt', qty: 2 },
      { lineId: 'jeans', qty: 1 },
    ]);
    // A store-fault reason among them decides the shipping rule, as for a return.
    expect(plan.refundReason).toBe('damagedOnArrival');
  });

  it('uses the first reason when none is the store’s fault', () => {
    const plan = planRefusal(
      order,
      [{ lineId: 'shirt', reason: 'changedMind', disposition: 'restock' }],
      defaultReturnReasons,
      fault,
    );
    expect(plan.refundReason).toBe('changedMind');
  });

  it('refuses an unknown reason, no units, and more units than are staged', () => {
    const refuse = (units: Parameters<typeof planRefusal>[1], lines = order) =>
      codeOf(() => planRefusal(lines, units, defaultReturnReasons, fault));
    expect(refuse([{ lineId: 'shirt', reason: 'ugly', disposition: 'restock' }])).toBe(
      'refusal.unknownReason',
    );
    expect(refuse([])).toBe('refusal.empty');
    expect(
      refuse([
        { lineId: 'jeans', reason: 'tooSmall', disposition: 'restock' },
        { lineId: 'jeans', reason: 'tooLarge', disposition: 'restock' },
      ]),
    ).toBe('handover.exceedsStaged');
    // Units the customer took away come back as a return, not a refusal.
    expect(
      refuse([{ lineId: 'jeans', reason: 'tooSmall', disposition: 'restock' }], [line('jeans', 1, 1)]),
    ).toBe('handover.nothingStaged');
  });

  it('releases the reservation and keeps on hand only the units going back on the shelf', () => {
    expect(refusedStockDelta(['restock'])).toEqual({ onHand: 0, reserved: -1 });
    expect(refusedStockDelta(['damaged', 'return_to_vendor'])).toEqual({ onHand: -2, reserved: -2 });
    expect(refusedStockDelta(['restock', 'damaged', 'restock'])).toEqual({ onHand: -1, reserved: -3 });
  });
});

describe('refusal of a kept substitute at the counter', () => {
  const withSubstitute = (
    status: 'picked' | 'accepted' | 'declined',
    qty = 2,
    qtyRefused = 0,
  ): RefusalLine => ({
    ...line('pasta', 0),
    qtyOrdered: 2,
    qtyShort: 2,
    substitute: { productId: 'penne', gtin14: '08001234567891', qty, status, qtyRefused },
  });
  const refuse = (lines: RefusalLine[], units: Parameters<typeof planRefusal>[1]) =>
    planRefusal(lines, units, defaultReturnReasons, fault);

  it('names the substitute by its product, apart from the ordered units', () => {
    const plan = refuse(
      [line('shirt', 1), withSubstitute('picked')],
      [
        { lineId: 'pasta', productId: 'penne', reason: 'changedMind', disposition: 'restock' },
        { lineId: 'shirt', reason: 'tooSmall', disposition: 'restock' },
        { lineId: 'pasta', productId: 'penne', reason: 'changedMind', disposition: 'damaged' },
      ],
    );
    expect(plan.lines).toEqual([{ lineId: 'shirt', qty: 1 }]);
    expect(plan.substitutes).toEqual([{ lineId: 'pasta', qty: 2 }]);
  });

  it('takes a substitute alone, even with no ordered unit left on the shelf', () => {
    const plan = refuse(
      [withSubstitute('accepted')],
      [{ lineId: 'pasta', productId: 'penne', reason: 'changedMind', disposition: 'restock' }],
    );
    expect(plan).toMatchObject({ lines: [], substitutes: [{ lineId: 'pasta', qty: 1 }] });
  });

  it('refuses another product, a declined substitute, one gone with a handover, and more than is left', () => {
    const codeOf2 = (lines: RefusalLine[], units: Parameters<typeof planRefusal>[1]) =>
      codeOf(() => refuse(lines, units));
    const one = (productId: string) => [
      { lineId: 'pasta', productId, reason: 'changedMind', disposition: 'restock' as const },
    ];
    expect(codeOf2([withSubstitute('picked')], one('fusilli'))).toBe('refusal.notASubstitute');
    expect(codeOf2([withSubstitute('declined')], one('penne'))).toBe('refusal.notASubstitute');
    // Some unit of the order left with the customer: the substitute went with it.
    expect(codeOf2([line('shirt', 2, 1), withSubstitute('picked')], one('penne'))).toBe(
      'refusal.notASubstitute',
    );
    expect(codeOf2([withSubstitute('picked', 2, 2)], one('penne'))).toBe('refusal.notASubstitute');
    expect(codeOf2([withSubstitute('picked', 2, 1)], [...one('penne'), ...one('penne')])).toBe(
      'handover.exceedsStaged',
    );
  });

  it('gives the units back as a return does: nothing reserved them, on hand when restocked', () => {
    expect(refusedSubstituteStockDelta(['restock', 'damaged'])).toEqual({ onHand: 1, reserved: 0 });
    expect(substituteAfterRefusal({ qtyRefused: undefined }, 2)).toEqual({ qtyRefused: 2 });
    expect(substituteAfterRefusal({ qtyRefused: 1 }, 1)).toEqual({ qtyRefused: 2 });
  });
});
