import { describe, expect, it } from 'vitest';
import { available, canReserve, type StockLevel } from './availability';

const stock = (onHand: number, reserved: number, safetyStock: number): StockLevel => ({
  onHand,
  reserved,
  safetyStock,
});

describe('available', () => {
  it.each([
    // onHand, reserved, safetyStock, available
    [10, 0, 0, 10],
    [10, 3, 0, 7],
    [10, 3, 2, 5],
    [10, 8, 2, 0],
    [0, 0, 0, 0],
    [24, 6, 4, 14],
  ])('onHand %i − reserved %i − safety %i = %i', (onHand, reserved, safetyStock, expected) => {
    expect(available(stock(onHand, reserved, safetyStock))).toBe(expected);
  });

  it('is clamped at 0 when the shelf count drifts below reservations (never a debt)', () => {
    expect(available(stock(2, 5, 0))).toBe(0);
    expect(available(stock(5, 4, 3))).toBe(0);
    expect(available(stock(0, 1, 0))).toBe(0);
    // A negative on-hand (an over-sold adjustment) is still nothing available
    expect(available(stock(-3, 0, 0))).toBe(0);
  });

  it('is clamped at 0 when safety stock alone exceeds on-hand', () => {
    expect(available(stock(2, 0, 5))).toBe(0);
  });

  it('returns +0, not -0, when exactly used up', () => {
    expect(Object.is(available(stock(5, 3, 2)), 0)).toBe(true);
  });

  it('does not mutate the stock level', () => {
    const level = stock(10, 3, 2);
    available(level);
    expect(level).toEqual({ onHand: 10, reserved: 3, safetyStock: 2 });
  });
});

describe('canReserve', () => {
  it('allows reserving up to exactly what is available', () => {
    const level = stock(10, 3, 2); // 5 available
    expect(canReserve(level, 1)).toBe(true);
    expect(canReserve(level, 5)).toBe(true);
    expect(canReserve(level, 6)).toBe(false);
  });

  it('keeps the safety stock back from customers', () => {
    const level = stock(4, 0, 4);
    expect(available(level)).toBe(0);
    expect(canReserve(level, 1)).toBe(false);
  });

  it('refuses anything when nothing is available, including the drifted case', () => {
    expect(canReserve(stock(0, 0, 0), 1)).toBe(false);
    expect(canReserve(stock(2, 5, 0), 1)).toBe(false);
  });

  it('refuses zero and negative quantities, even when stock is plentiful', () => {
    const plenty = stock(100, 0, 0);
    expect(canReserve(plenty, 0)).toBe(false);
    expect(canReserve(plenty, -1)).toBe(false);
    expect(canReserve(stock(0, 0, 0), 0)).toBe(false);
  });

  it('refuses NaN', () => {
    expect(canReserve(stock(100, 0, 0), Number.NaN)).toBe(false);
  });
});

describe('canReserve with fractional quantities', () => {
  it('refuses them: stock moves in whole units', () => {
    expect(canReserve({ onHand: 10, reserved: 0, safetyStock: 0 }, 1.5)).toBe(false);
  });
});
