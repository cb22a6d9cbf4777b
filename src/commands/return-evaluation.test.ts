import { describe, expect, it } from 'vitest';
import { DEFAULT_SHIPPING_RULE, NO_REFUNDS } from '../domain/refund';
import { defaultReturnPolicy } from '../domain/return-policy';
import type { ReturnUnit } from '../domain/return-units';
import { evaluateReturn } from './return-evaluation';
import type { ReturnHistory, ReturnOrder } from './return-order';

const config = { policy: defaultReturnPolicy, shippingRule: DEFAULT_SHIPPING_RULE };
const none: ReturnHistory = { returned: new Map(), inReview: new Map(), refunds: NO_REFUNDS };

function order(overrides: Partial<ReturnOrder> = {}, qtyShort = 0): ReturnOrder {
  return {
    id: 'order-1',
    storeId: 'MI01',
    number: 'W1',
    status: 'collected',
    placedAt: '2026-03-01T10:00:00.000Z',
    receivedAt: '2026-03-02T10:00:00.000Z',
    discountsCents: [],
    shippingCents: 0,
    currency: 'EUR',
    customerEmail: '',
    lines: [
      {
        lineId: 'line-1',
        lineNo: 1,
        productId: 'p1',
        sku: 'SKU1',
        category: 'apparel',
        returnable: true,
        finalSale: false,
        unitPriceCents: 1000,
        qtyOrdered: 2,
        qtyShort,
      },
    ],
    ...overrides,
  };
}

const units = (n: number, reason = 'changedMind'): ReturnUnit[] =>
  Array.from({ length: n }, () => ({ lineId: 'line-1', reason, condition: 'new', disposition: 'restock' }));

const returnCase = (now: string, more: Partial<Parameters<typeof evaluateReturn>[2]> = {}) => ({
  returnId: 'r1',
  units: units(1),
  now,
  timeZone: 'Europe/Rome',
  override: null,
  countInReview: true,
  ...more,
});

describe('evaluateReturn', () => {
  it('refunds a return inside the policy', () => {
    const decision = evaluateReturn(order(), none, returnCase('2026-03-10T10:00:00Z'), config);
    expect(decision).toMatchObject({ allowed: true, violations: [], refund: { totalCents: 1000 } });
  });

  it('lets a manager set the window aside but never the quantities', () => {
    const late = returnCase('2026-05-10T10:00:00Z', { override: { managerId: 'm1', reason: 'Goodwill' } });
    expect(evaluateReturn(order(), none, late, config)).toMatchObject({
      allowed: true,
      overridden: [{ lineId: 'line-1', code: 'return.windowExpired' }],
    });
    const tooMany = { ...late, units: units(3) };
    const refused = evaluateReturn(order(), none, tooMany, config);
    expect(refused.allowed).toBe(false);
    expect(refused.violations.map((v) => v.code)).toEqual([
      'return.qtyExceedsReturnable',
      'return.windowExpired',
    ]);
  });

  it('counts units in review as taken, unless a manager is deciding', () => {
    const history = { ...none, inReview: new Map([['line-1', 2]]) };
    const now = '2026-03-10T10:00:00Z';
    expect(evaluateReturn(order(), history, returnCase(now), config).violations[0]?.code).toBe(
      'return.alreadyReturned',
    );
    expect(evaluateReturn(order(), history, returnCase(now, { countInReview: false }), config).allowed).toBe(
      true,
    );
  });

  it('keeps an order not yet delivered for a manager, whatever the override', () => {
    const decision = evaluateReturn(
      order({ status: 'ready', receivedAt: null }),
      none,
      returnCase('2026-03-10T10:00:00Z', { override: { managerId: 'm1', reason: 'Goodwill' } }),
      config,
    );
    expect(decision.allowed).toBe(false);
    expect(decision.violations).toContainEqual({
      lineId: '',
      code: 'return.notDelivered',
      overridable: false,
      details: { orderId: 'order-1', status: 'ready' },
    });
  });

  it('turns a refund the money rules refuse into a violation, not an error', () => {
    // Coupons worth more than what was finally delivered (one of two units was short).
    const shorted = order({ discountsCents: [1500] }, 1);
    const decision = evaluateReturn(shorted, none, returnCase('2026-03-10T10:00:00Z'), config);
    expect(decision).toMatchObject({
      allowed: false,
      refund: null,
      violations: [{ lineId: '', code: 'refund.discountExceedsOrder', overridable: false }],
    });
  });
});
