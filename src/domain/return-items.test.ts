import { describe, expect, it } from 'vitest';
import { returnItemId, returnItemRef, substituteItems, substituteUnitPaidCents } from './return-items';

const kept = (status: 'picked' | 'accepted' | 'declined' | 'pending', unitPriceCents: number, qty = 1) => ({
  productId: 'polo',
  unitPriceCents,
  qty,
  status,
});

describe('return items', () => {
  it('keep the line id for ordered units, old units without a product included', () => {
    expect(returnItemId('l1', undefined, 'shirt')).toBe('l1');
    expect(returnItemId('l1', null, 'shirt')).toBe('l1');
    expect(returnItemId('l1', 'shirt', 'shirt')).toBe('l1');
    expect(returnItemRef('l1')).toEqual({ lineId: 'l1' });
  });

  it('name a substitute by its line and product, both ways', () => {
    expect(returnItemId('l1', 'polo', 'shirt')).toBe('l1/polo');
    expect(returnItemRef('l1/polo')).toEqual({ lineId: 'l1', productId: 'polo' });
  });

  it('price a kept substitute at what the customer paid: the lower of ordered and substitute', () => {
    // Cheaper: the difference went back at staging. Dearer: the store kept the difference.
    expect(substituteUnitPaidCents(1000, 700)).toBe(700);
    expect(substituteUnitPaidCents(1000, 1200)).toBe(1000);
  });

  it('are the kept substitutes only, in line order', () => {
    const items = substituteItems([
      { id: 'a', unitPriceCents: 1000, substitute: kept('picked', 700, 2) },
      { id: 'b', unitPriceCents: 500, substitute: null },
      { id: 'c', unitPriceCents: 900, substitute: kept('declined', 800) },
      { id: 'd', unitPriceCents: 900, substitute: kept('pending', 800) },
      { id: 'e', unitPriceCents: 400, substitute: kept('accepted', 450) },
    ]);
    expect(items).toEqual([
      { itemId: 'a/polo', lineId: 'a', productId: 'polo', unitPaidCents: 700, qty: 2 },
      { itemId: 'e/polo', lineId: 'e', productId: 'polo', unitPaidCents: 400, qty: 1 },
    ]);
  });
});
