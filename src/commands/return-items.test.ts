import { describe, expect, it } from 'vitest';
import { DEFAULT_SHIPPING_RULE, NO_REFUNDS } from '../domain/refund';
import { defaultReturnPolicy } from '../domain/return-policy';
import { evaluateReturn } from './return-evaluation';
import { itemIdOf, lineAndProductOf, orderedProducts, withSubstituteItems } from './return-items';
import type { ReturnOrder, ReturnOrderLine } from './return-order';

const shirt: ReturnOrderLine = {
  lineId: 'line-1',
  lineNo: 1,
  productId: 'shirt',
  sku: 'SHIRT',
  category: 'apparel',
  returnable: true,
  finalSale: false,
  unitPriceCents: 1000,
  qtyOrdered: 2,
  qtyShort: 1,
};
const polo = { sku: 'POLO', category: 'apparel', returnable: true };
const kept = (status: 'picked' | 'declined', unitPriceCents: number) => ({
  productId: 'polo',
  unitPriceCents,
  qty: 1,
  status,
});

describe('an order as returns judge it', () => {
  it('lists a kept substitute after its line, at what the customer paid for it', () => {
    const lines = withSubstituteItems([{ ...shirt, substitute: kept('picked', 700) }], () => polo);
    expect(lines).toEqual([
      shirt,
      {
        lineId: 'line-1/polo',
        lineNo: 1,
        productId: 'polo',
        sku: 'POLO',
        category: 'apparel',
        returnable: true,
        finalSale: false,
        unitPriceCents: 700,
        qtyOrdered: 1,
        qtyShort: 0,
        substituteOf: 'line-1',
      },
    ]);
    // A dearer one within the rule: the customer paid the ordered price.
    expect(
      withSubstituteItems([{ ...shirt, substitute: kept('picked', 1300) }], () => polo)[1],
    ).toMatchObject({
      unitPriceCents: 1000,
    });
    // Declined, or of a product not known here: nothing to take back.
    expect(withSubstituteItems([{ ...shirt, substitute: kept('declined', 700) }], () => polo)).toEqual([
      shirt,
    ]);
    expect(withSubstituteItems([{ ...shirt, substitute: kept('picked', 700) }], () => undefined)).toEqual([
      shirt,
    ]);
  });

  it('turns a command’s units into items and back, an older app’s unit being the ordered product', () => {
    const lines = withSubstituteItems([{ ...shirt, substitute: kept('picked', 700) }], () => polo);
    const ordered = orderedProducts({ lines });
    expect(ordered).toEqual(new Map([['line-1', 'shirt']]));
    expect(itemIdOf(ordered, { lineId: 'line-1' })).toBe('line-1');
    expect(itemIdOf(ordered, { lineId: 'line-1', productId: 'shirt' })).toBe('line-1');
    expect(itemIdOf(ordered, { lineId: 'line-1', productId: 'polo' })).toBe('line-1/polo');
    expect(lineAndProductOf({ lines }, 'line-1/polo')).toEqual({ lineId: 'line-1', productId: 'polo' });
    expect(lineAndProductOf({ lines }, 'line-1')).toEqual({ lineId: 'line-1', productId: 'shirt' });
  });

  it('refunds the substitute at its price paid, with its share of the coupon', () => {
    const order: ReturnOrder = {
      id: 'o',
      storeId: 'MI01',
      number: 'W1',
      status: 'collected',
      placedAt: '2026-03-01T10:00:00.000Z',
      receivedAt: '2026-03-02T10:00:00.000Z',
      discountsCents: [170],
      shippingCents: 0,
      currency: 'EUR',
      customerEmail: '',
      lines: withSubstituteItems([{ ...shirt, substitute: kept('picked', 700) }], () => polo),
    };
    const decision = evaluateReturn(
      order,
      { returned: new Map(), inReview: new Map(), refunds: { ...NO_REFUNDS, settledCents: 300 } },
      {
        returnId: 'r1',
        units: [{ lineId: 'line-1/polo', reason: 'changedMind', condition: 'new', disposition: 'restock' }],
        now: '2026-03-10T10:00:00Z',
        timeZone: 'Europe/Rome',
        override: null,
        countInReview: true,
      },
      { policy: defaultReturnPolicy, shippingRule: DEFAULT_SHIPPING_RULE },
    );
    // 170 shared over 10.00 + 7.00 delivered: 70 on the substitute.
    expect(decision).toMatchObject({
      allowed: true,
      refund: { totalCents: 630, lines: [{ lineId: 'line-1/polo', discountShareCents: 70 }] },
    });
  });
});
