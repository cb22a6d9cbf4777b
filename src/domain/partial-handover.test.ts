import { describe, expect, it } from 'vitest';
import type { CounterLine } from './partial-handover';
import {
  handedOverStockDelta,
  isPartlyCollected,
  planHandover,
  stagedUnits,
  takeFromStaged,
} from './partial-handover';

const line = (id: string, picked: number, over = 0, refused = 0, ordered = picked): CounterLine => ({
  id,
  gtin14: '08001234567890',
  qtyOrdered: ordered,
  qtyPicked: picked,
  qtyShort: ordered - picked,
  qtyHandedOver: over,
  qtyRefused: refused,
});

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code: string }).code;
  }
  return 'no error';
};

describe('partial handover', () => {
  const order = [line('shoes', 2), line('socks', 3, 0, 0, 4), line('belt', 1)];

  it('counts staged units as picked less handed over and refused', () => {
    expect(stagedUnits(line('a', 5, 2, 1))).toBe(2);
    expect(stagedUnits(line('a', 3, 0, 0, 4))).toBe(3);
  });

  it('hands over every staged unit when no lines are named, as the whole-order handover did', () => {
    expect(planHandover(order)).toEqual({
      now: [
        { lineId: 'shoes', qty: 2 },
        { lineId: 'socks', qty: 3 },
        { lineId: 'belt', qty: 1 },
      ],
      kept: [],
      complete: true,
    });
  });

  it('hands over the lines named now and keeps the rest staged', () => {
    const plan = planHandover(order, [
      { lineId: 'belt', qty: 1 },
      { lineId: 'shoes', qty: 1 },
    ]);
    expect(plan.now).toEqual([
      { lineId: 'shoes', qty: 1 },
      { lineId: 'belt', qty: 1 },
    ]);
    expect(plan.kept).toEqual([
      { lineId: 'shoes', qty: 1 },
      { lineId: 'socks', qty: 3 },
    ]);
    expect(plan.complete).toBe(false);
  });

  it('completes the order when the last staged units leave, after an earlier part and a refusal', () => {
    const later = [line('shoes', 2, 1, 1), line('socks', 3, 3), line('belt', 1, 0)];
    expect(planHandover(later, [{ lineId: 'belt', qty: 1 }]).complete).toBe(true);
  });

  it('says an order is partly collected while some units left and others wait', () => {
    expect(isPartlyCollected(order)).toBe(false);
    expect(isPartlyCollected([line('a', 2, 1), line('b', 1)])).toBe(true);
    expect(isPartlyCollected([line('a', 2, 2), line('b', 1, 0, 1)])).toBe(false);
  });

  it('refuses units that are not staged, unknown or repeated lines, and bad quantities', () => {
    expect(codeOf(() => planHandover(order, [{ lineId: 'shoes', qty: 3 }]))).toBe('handover.exceedsStaged');
    expect(codeOf(() => planHandover(order, [{ lineId: 'hat', qty: 1 }]))).toBe('handover.unknownLine');
    expect(
      codeOf(() =>
        planHandover(order, [
          { lineId: 'belt', qty: 1 },
          { lineId: 'belt', qty: 1 },
        ]),
      ),
    ).toBe('handover.duplicateLine');
    expect(codeOf(() => planHandover(order, [{ lineId: 'belt', qty: 0 }]))).toBe('handover.badQuantity');
    expect(codeOf(() => planHandover(order, [{ lineId: 'belt', qty: 1.5 }]))).toBe('handover.badQuantity');
    expect(codeOf(() => planHandover(order, []))).toBe('handover.badQuantity');
  });

  it('refuses lines when nothing is left on the shelf; the whole order then hands over nothing more', () => {
    const done = [line('a', 2, 2), line('b', 1, 0, 1)];
    expect(codeOf(() => planHandover(done, [{ lineId: 'a', qty: 1 }]))).toBe('handover.nothingStaged');
    expect(codeOf(() => takeFromStaged(done, [{ lineId: 'a', qty: 1 }]))).toBe('handover.nothingStaged');
    expect(planHandover(done)).toEqual({ now: [], kept: [], complete: true });
  });

  it('takes handed-over units off the shelf count and the reservation', () => {
    expect(handedOverStockDelta(2)).toEqual({ onHand: -2, reserved: -2 });
  });
});
