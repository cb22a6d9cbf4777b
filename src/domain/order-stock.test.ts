import { describe, expect, it } from 'vitest';
import { heldSubstitutes, stillReserved, stockEffects, type StockDelta } from './order-stock';
import { applyPick, applyShort, type PickLine } from './picking';

/** One product's stock figures, and the effects folded into them as the server would. */
function apply(start: StockDelta, ...deltas: StockDelta[]): StockDelta {
  return deltas.reduce(
    (acc, d) => ({ onHand: acc.onHand + d.onHand, reserved: acc.reserved + d.reserved }),
    start,
  );
}

const baseLine: PickLine = { id: 'L1', gtin14: '08001505005707', qtyOrdered: 3, qtyPicked: 0, qtyShort: 0 };

describe('stockEffects', () => {
  it('intake reserves every ordered unit without touching the shelf count', () => {
    expect(stockEffects.intake(3)).toEqual({ onHand: 0, reserved: 3 });
  });

  it('a short releases its units from the reservation', () => {
    expect(stockEffects.short(1)).toEqual({ onHand: 0, reserved: -1 });
  });

  it('handover takes the picked units off the shelf count and out of the reservation', () => {
    expect(stockEffects.handover({ ...baseLine, qtyPicked: 2, qtyShort: 1 })).toEqual({
      onHand: -2,
      reserved: -2,
    });
  });

  it('handover of a line picked in full removes every ordered unit', () => {
    expect(stockEffects.handover({ ...baseLine, qtyPicked: 3 })).toEqual({ onHand: -3, reserved: -3 });
  });

  it('handover of an all-short line changes nothing (-0 is fine: it adds like 0)', () => {
    const delta = stockEffects.handover({ ...baseLine, qtyShort: 3 });
    expect(delta.onHand + 0).toBe(0);
    expect(delta.reserved + 0).toBe(0);
  });

  it('cancel releases what is still reserved: ordered minus already-released shorts', () => {
    expect(stockEffects.cancel(baseLine)).toEqual({ onHand: 0, reserved: -3 });
    expect(stockEffects.cancel({ ...baseLine, qtyShort: 1 })).toEqual({ onHand: 0, reserved: -2 });
    // Picked units stay reserved until handover, so cancel releases them too; they go back to the shelf,
    // which on-hand never stopped counting.
    expect(stockEffects.cancel({ ...baseLine, qtyPicked: 2, qtyShort: 1 })).toEqual({
      onHand: 0,
      reserved: -2,
    });
  });

  it('expiry releases what is still reserved, like a cancel; picked units stay on hand for the put-back', () => {
    const picked = { ...baseLine, qtyPicked: 2, qtyShort: 1 };
    expect(stockEffects.expire(picked)).toEqual({ onHand: 0, reserved: -2 });
    expect(stockEffects.expire(picked)).toEqual(stockEffects.cancel(picked));
    const shelf: StockDelta = { onHand: 12, reserved: 4 };
    // intake 3, short 1, pick 2, expire: the reservation is back where it started, on-hand untouched.
    expect(apply(shelf, stockEffects.intake(3), stockEffects.short(1), stockEffects.expire(picked))).toEqual(
      shelf,
    );
  });

  it('does not mutate the line', () => {
    const line = { ...baseLine, qtyPicked: 2 };
    stockEffects.handover(line);
    stockEffects.cancel(line);
    expect(line).toEqual({ ...baseLine, qtyPicked: 2 });
  });
});

describe('reconciliation: stock returns to where it should be after an order completes', () => {
  const shelf: StockDelta = { onHand: 12, reserved: 4 }; // 4 reserved by other orders

  it('intake 3, short 1, pick 2, handover → on-hand −2, reservation back where it started', () => {
    let line = baseLine;
    const deltas: StockDelta[] = [stockEffects.intake(line.qtyOrdered)];

    line = applyShort(line, 1);
    deltas.push(stockEffects.short(1));

    line = applyPick(line, 1);
    line = applyPick(line, 1); // picks do not move stock; handover does
    expect(line).toMatchObject({ qtyPicked: 2, qtyShort: 1 });

    deltas.push(stockEffects.handover(line));

    const net = apply({ onHand: 0, reserved: 0 }, ...deltas);
    expect(net).toEqual({ onHand: -2, reserved: 0 });
    expect(apply(shelf, ...deltas)).toEqual({ onHand: 10, reserved: 4 });
  });

  it('shows the reservation at each step', () => {
    let state = apply(shelf, stockEffects.intake(3));
    expect(state).toEqual({ onHand: 12, reserved: 7 });
    state = apply(state, stockEffects.short(1));
    expect(state).toEqual({ onHand: 12, reserved: 6 });
    state = apply(state, stockEffects.handover({ ...baseLine, qtyPicked: 2, qtyShort: 1 }));
    expect(state).toEqual({ onHand: 10, reserved: 4 });
  });

  it('intake then cancel with nothing done → reservation back to 0, shelf untouched', () => {
    const net = apply({ onHand: 0, reserved: 0 }, stockEffects.intake(3), stockEffects.cancel(baseLine));
    expect(net).toEqual({ onHand: 0, reserved: 0 });
  });

  it('intake, short 1, pick 1, then cancel → reservation back to 0, shelf untouched', () => {
    const line = applyPick(applyShort(baseLine, 1), 1);
    const net = apply(
      { onHand: 0, reserved: 0 },
      stockEffects.intake(line.qtyOrdered),
      stockEffects.short(1),
      stockEffects.cancel(line),
    );
    expect(net).toEqual({ onHand: 0, reserved: 0 });
  });

  it('intake, short everything, then cancel → reservation back to 0', () => {
    const line = applyShort(baseLine, 3);
    const net = apply(
      { onHand: 0, reserved: 0 },
      stockEffects.intake(3),
      stockEffects.short(3),
      stockEffects.cancel(line),
    );
    expect(net).toEqual({ onHand: 0, reserved: 0 });
  });

  it('a multi-line order reconciles line by line', () => {
    const lines: PickLine[] = [
      { id: 'A', gtin14: '00036000291452', qtyOrdered: 2, qtyPicked: 2, qtyShort: 0 },
      { id: 'B', gtin14: '04006381333931', qtyOrdered: 5, qtyPicked: 3, qtyShort: 2 },
    ];
    for (const line of lines) {
      const deltas = [stockEffects.intake(line.qtyOrdered)];
      if (line.qtyShort > 0) deltas.push(stockEffects.short(line.qtyShort));
      deltas.push(stockEffects.handover(line));
      expect(apply({ onHand: 0, reserved: 0 }, ...deltas)).toEqual({ onHand: -line.qtyPicked, reserved: 0 });
    }
  });

  it('an expiry or cancel after a partial handover and a refusal releases only what is still held', () => {
    // 4 ordered, 1 short, 3 picked: 1 handed over, 1 refused, 1 still on the shelf.
    const line = { ...baseLine, qtyOrdered: 4, qtyPicked: 3, qtyShort: 1, qtyHandedOver: 1, qtyRefused: 1 };
    expect(stillReserved(line)).toBe(1);
    const held = apply(
      { onHand: 10, reserved: 0 },
      stockEffects.intake(4),
      stockEffects.short(1),
      { onHand: -1, reserved: -1 }, // the unit handed over
      { onHand: 0, reserved: -1 }, // the unit refused and restocked
    );
    expect(apply(held, stockEffects.expire(line))).toEqual({ onHand: 9, reserved: 0 });
    expect(apply(held, stockEffects.cancel(line))).toEqual({ onHand: 9, reserved: 0 });
  });
});

describe('kept substitutes the store still holds for an order', () => {
  const substitute = (status: 'picked' | 'pending' | 'accepted' | 'declined', qty = 2) => ({
    productId: 'P-SUB',
    gtin14: '08001505005714',
    qty,
    status,
  });

  it('are the substitutes picked at once or accepted, each under its own product', () => {
    const lines = [
      { id: 'L1', substitute: substitute('picked') },
      { id: 'L2', substitute: substitute('accepted', 1) },
      { id: 'L3', substitute: substitute('declined') },
      { id: 'L4', substitute: substitute('pending') },
      { id: 'L5', substitute: null },
    ];
    expect(heldSubstitutes(lines)).toEqual([
      { lineId: 'L1', productId: 'P-SUB', gtin14: '08001505005714', qty: 2 },
      { lineId: 'L2', productId: 'P-SUB', gtin14: '08001505005714', qty: 1 },
    ]);
  });

  it('went with the first handover: a partly collected order holds none', () => {
    const lines = [
      { id: 'L1', qtyHandedOver: 1, substitute: null },
      { id: 'L2', qtyHandedOver: 0, substitute: substitute('picked') },
    ];
    expect(heldSubstitutes(lines)).toEqual([]);
  });

  it('come back on hand when the order ends without its customer: the kept move undone', () => {
    const shelf = { onHand: 5, reserved: 0 };
    expect(apply(shelf, stockEffects.substituteKept(2))).toEqual({ onHand: 3, reserved: 0 });
    expect(apply(shelf, stockEffects.substituteKept(2), stockEffects.substituteBack(2))).toEqual(shelf);
  });
});
