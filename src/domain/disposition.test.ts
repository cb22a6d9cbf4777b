import { describe, expect, it } from 'vitest';
import { dispositions, dispositionsStockDelta, dispositionStockDelta, isDisposition } from './disposition';

describe('disposition of a returned unit', () => {
  it('restock puts the unit back on the shelf count, never in the reservation', () => {
    expect(dispositionStockDelta('restock')).toEqual({ onHand: 1, reserved: 0 });
  });

  it('damaged and return-to-vendor leave sellable stock alone', () => {
    expect(dispositionStockDelta('damaged')).toEqual({ onHand: 0, reserved: 0 });
    expect(dispositionStockDelta('return_to_vendor')).toEqual({ onHand: 0, reserved: 0 });
  });

  it('sums a return of three pairs of shoes: two restocked, one with a broken heel', () => {
    expect(dispositionsStockDelta(['restock', 'damaged', 'restock'])).toEqual({ onHand: 2, reserved: 0 });
    expect(dispositionsStockDelta([])).toEqual({ onHand: 0, reserved: 0 });
  });

  it('recognises the three dispositions and nothing else', () => {
    expect(dispositions.every(isDisposition)).toBe(true);
    expect(isDisposition('lost')).toBe(false);
    expect(isDisposition(1)).toBe(false);
  });
});
