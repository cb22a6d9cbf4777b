import { describe, expect, it } from 'vitest';
import { domainErrorOf } from './domain-error-of';
import type { RefundHistory, RefundOrder, RefundRequest } from './refund';
import {
  DEFAULT_SHIPPING_RULE,
  NO_REFUNDS,
  applyRefund,
  assertRefundReconciles,
  computeRefund,
  lineNetCents,
  orderPaidCents,
  refundKey,
} from './refund';

/**
 * A sports-shop order: 2 running socks packs at 29.99, a water bottle at 49.90, 3 energy bars
 * boxes at 9.99, a 10 € coupon and 4.99 shipping. Goods 139.85, paid 134.84.
 */
const order: RefundOrder = {
  lines: [
    { lineId: 'socks', unitPriceCents: 2999, qtyOrdered: 2, qtyDelivered: 2 },
    { lineId: 'bottle', unitPriceCents: 4990, qtyOrdered: 1, qtyDelivered: 1 },
    { lineId: 'bars', unitPriceCents: 999, qtyOrdered: 3, qtyDelivered: 3 },
  ],
  discountsCents: [1000],
  shippingCents: 499,
  shippingRule: DEFAULT_SHIPPING_RULE,
};

const ret = (returnId: string, reason: string, lines: RefundRequest['lines']): RefundRequest => ({
  returnId,
  reason,
  lines,
});

/** Computes, checks and records one refund, as the server would before paying it. */
function pay(o: RefundOrder, history: RefundHistory, request: RefundRequest) {
  const refund = computeRefund(o, history, request);
  assertRefundReconciles(refund);
  return { refund, history: applyRefund(history, refund) };
}

const refundedTotal = (h: RefundHistory) =>
  Object.values(h.lines).reduce((a, l) => a + l.cents, h.shippingCents);

describe('what each line was paid', () => {
  it('shares the coupon by line value with the largest remainder: 429 + 357 + 214 = 1000', () => {
    expect(Object.fromEntries(lineNetCents(order))).toEqual({ socks: 5569, bottle: 4633, bars: 2783 });
    expect(orderPaidCents(order)).toBe(13484);
  });

  it('charges delivered units only: a short line carries no share of the coupon', () => {
    const shorted = {
      ...order,
      lines: order.lines.map((l) => (l.lineId === 'bars' ? { ...l, qtyDelivered: 0 } : l)),
    };
    expect(Object.fromEntries(lineNetCents(shorted))).toEqual({ socks: 5452, bottle: 4536, bars: 0 }); // shares 546 + 454;
  });

  it('refuses discounts worth more than the goods, and bad figures', () => {
    expect(domainErrorOf(() => lineNetCents({ ...order, discountsCents: [10000, 5000] })).code).toBe(
      'refund.discountExceedsOrder',
    );
    expect(domainErrorOf(() => lineNetCents({ ...order, shippingCents: 4.99 })).code).toBe('refund.badInput');
    const overDelivered = {
      ...order,
      lines: [{ lineId: 'x', unitPriceCents: 100, qtyOrdered: 1, qtyDelivered: 2 }],
    };
    expect(domainErrorOf(() => lineNetCents(overDelivered)).code).toBe('refund.badInput');
  });
});

describe('computeRefund', () => {
  it('returned line by line over three visits, refunds exactly what was paid', () => {
    let history = NO_REFUNDS;
    let step = pay(order, history, ret('R1', 'tooSmall', [{ lineId: 'socks', qty: 1 }]));
    expect(step.refund).toEqual({
      key: 'refund:R1',
      lines: [{ lineId: 'socks', qty: 1, grossCents: 2999, discountShareCents: 214, refundCents: 2785 }],
      shippingCents: 0,
      totalCents: 2785,
    });
    history = step.history;

    step = pay(order, history, ret('R2', 'changedMind', [{ lineId: 'bars', qty: 2 }]));
    expect(step.refund.lines[0]).toMatchObject({
      grossCents: 1998,
      discountShareCents: 143,
      refundCents: 1855,
    });
    history = step.history;

    // The last visit completes the order, so shipping comes back too.
    step = pay(
      order,
      history,
      ret('R3', 'changedMind', [
        { lineId: 'socks', qty: 1 },
        { lineId: 'bars', qty: 1 },
        { lineId: 'bottle', qty: 1 },
      ]),
    );
    expect(step.refund.lines.map((l) => l.refundCents)).toEqual([2784, 928, 4633]);
    expect(step.refund.shippingCents).toBe(499);
    history = step.history;

    expect(history.lines).toEqual({
      socks: { qty: 2, cents: 5569 },
      bars: { qty: 3, cents: 2783 },
      bottle: { qty: 1, cents: 4633 },
    });
    expect(refundedTotal(history)).toBe(orderPaidCents(order));
  });

  it('a full return in one visit refunds every cent paid, shipping included', () => {
    const { refund } = pay(
      order,
      NO_REFUNDS,
      ret(
        'R9',
        'changedMind',
        order.lines.map((l) => ({ lineId: l.lineId, qty: l.qtyDelivered })),
      ),
    );
    expect(refund.totalCents).toBe(13484);
    expect(refund.shippingCents).toBe(499);
    expect(refund.lines.reduce((a, l) => a + l.discountShareCents, 0)).toBe(1000);
  });

  it('a bottle damaged on arrival gets shipping back at once, and never a second time', () => {
    const first = pay(order, NO_REFUNDS, ret('R1', 'damagedOnArrival', [{ lineId: 'bottle', qty: 1 }]));
    expect(first.refund).toMatchObject({ shippingCents: 499, totalCents: 4633 + 499 });

    const rest = pay(
      order,
      first.history,
      ret('R2', 'changedMind', [
        { lineId: 'socks', qty: 2 },
        { lineId: 'bars', qty: 3 },
      ]),
    );
    expect(rest.refund.shippingCents).toBe(0);
    expect(refundedTotal(rest.history)).toBe(13484);
  });

  it('keeps shipping for a partial return that is not the seller’s fault, or when the rule says so', () => {
    expect(
      computeRefund(order, NO_REFUNDS, ret('R1', 'changedMind', [{ lineId: 'bottle', qty: 1 }]))
        .shippingCents,
    ).toBe(0);
    const noShippingRefunds = {
      ...order,
      shippingRule: { ...DEFAULT_SHIPPING_RULE, onFullReturn: false, onSellerFault: false },
    };
    const all = order.lines.map((l) => ({ lineId: l.lineId, qty: l.qtyDelivered }));
    expect(computeRefund(noShippingRefunds, NO_REFUNDS, ret('R1', 'wrongItemSent', all))).toMatchObject({
      shippingCents: 0,
      totalCents: 12985,
    });
  });

  it('takes the seller-fault reasons from configuration, e.g. a chain that adds "arrivedLate"', () => {
    const late = {
      ...order,
      shippingRule: { ...DEFAULT_SHIPPING_RULE, sellerFaultReasons: ['arrivedLate'] },
    };
    const one = [{ lineId: 'bars', qty: 1 }];
    expect(computeRefund(late, NO_REFUNDS, ret('R1', 'arrivedLate', one)).shippingCents).toBe(499);
    expect(computeRefund(late, NO_REFUNDS, ret('R1', 'damagedOnArrival', one)).shippingCents).toBe(0);
  });

  it('odd cents: 3 × 33.33 with a 5 € coupon refunds 31.66 + 31.67 + 31.66 = 94.99', () => {
    const o: RefundOrder = {
      lines: [{ lineId: 'tee', unitPriceCents: 3333, qtyOrdered: 3, qtyDelivered: 3 }],
      discountsCents: [500],
      shippingCents: 0,
      shippingRule: DEFAULT_SHIPPING_RULE,
    };
    let history = NO_REFUNDS;
    const cents: number[] = [];
    for (const id of ['A', 'B', 'C']) {
      const step = pay(o, history, ret(id, 'tooSmall', [{ lineId: 'tee', qty: 1 }]));
      cents.push(step.refund.totalCents);
      history = step.history;
    }
    expect(cents).toEqual([3166, 3167, 3166]);
    expect(refundedTotal(history)).toBe(9499);
  });

  it('refuses the same return twice, and units beyond those delivered', () => {
    const { history } = pay(order, NO_REFUNDS, ret('R1', 'changedMind', [{ lineId: 'socks', qty: 2 }]));
    const again = domainErrorOf(() =>
      computeRefund(order, history, ret('R1', 'changedMind', [{ lineId: 'socks', qty: 2 }])),
    );
    expect(again.code).toBe('refund.alreadyRefunded');
    const beyond = domainErrorOf(() =>
      computeRefund(order, history, ret('R2', 'changedMind', [{ lineId: 'socks', qty: 1 }])),
    );
    expect(beyond).toMatchObject({
      code: 'refund.exceedsDelivered',
      details: { alreadyReturned: 2, delivered: 2 },
    });
  });

  it('refuses a refund beyond what was paid, e.g. after a manual goodwill refund on the line', () => {
    const goodwill: RefundHistory = {
      lines: { bottle: { qty: 0, cents: 4700 } },
      shippingCents: 0,
      refundKeys: [],
    };
    const error = domainErrorOf(() =>
      computeRefund(order, goodwill, ret('R1', 'changedMind', [{ lineId: 'bottle', qty: 1 }])),
    );
    expect(error).toMatchObject({ code: 'refund.exceedsPaid', details: { lineId: 'bottle', paid: 4633 } });
  });

  it('with a kept substitute and the substitution refund, never gives back more than was charged', () => {
    // Ordered 2 × 10.00 and 1 × 8.00 (a 2 € coupon, no shipping): charged 26.00. One of the
    // 10.00 items was substituted by a 7.00 one, kept: 3.00 went back at staging, and the
    // substitute is a returnable item at 7.00.
    const withSubstitute: RefundOrder = {
      lines: [
        { lineId: 'shirt', unitPriceCents: 1000, qtyOrdered: 2, qtyDelivered: 1 },
        { lineId: 'shirt/polo', unitPriceCents: 700, qtyOrdered: 1, qtyDelivered: 1 },
        { lineId: 'cap', unitPriceCents: 800, qtyOrdered: 1, qtyDelivered: 1 },
      ],
      discountsCents: [200],
      shippingCents: 0,
      shippingRule: DEFAULT_SHIPPING_RULE,
      chargedCents: 2600,
    };
    const staged: RefundHistory = { ...NO_REFUNDS, settledCents: 300 };
    const all = pay(
      withSubstitute,
      staged,
      ret('R1', 'changedMind', [
        { lineId: 'shirt', qty: 1 },
        { lineId: 'shirt/polo', qty: 1 },
        { lineId: 'cap', qty: 1 },
      ]),
    );
    // Everything back: the returns and the staging refund come to the charge exactly.
    expect(all.refund.lines.map((l) => l.refundCents)).toEqual([920, 644, 736]);
    expect(all.refund.totalCents + 300).toBe(2600);
    expect(all.history.settledCents).toBe(300);
    // Had the substitution refund given back more (a manual goodwill on top), the return is refused.
    const error = domainErrorOf(() =>
      computeRefund(
        withSubstitute,
        { ...NO_REFUNDS, settledCents: 600 },
        ret('R2', 'changedMind', [
          { lineId: 'shirt', qty: 1 },
          { lineId: 'shirt/polo', qty: 1 },
          { lineId: 'cap', qty: 1 },
        ]),
      ),
    );
    expect(error).toMatchObject({
      code: 'refund.exceedsPaid',
      details: { paid: 2600, alreadyRefunded: 600 },
    });
  });

  it('refuses unknown, repeated, empty and non-positive lines', () => {
    const codeOf = (lines: RefundRequest['lines']) =>
      domainErrorOf(() => computeRefund(order, NO_REFUNDS, ret('R', 'other', lines))).code;
    expect(codeOf([{ lineId: 'gloves', qty: 1 }])).toBe('refund.unknownLine');
    expect(
      codeOf([
        { lineId: 'bars', qty: 1 },
        { lineId: 'bars', qty: 1 },
      ]),
    ).toBe('refund.duplicateLine');
    expect(codeOf([])).toBe('refund.emptyReturn');
    expect(codeOf([{ lineId: 'bars', qty: 0 }])).toBe('refund.badQuantity');
    expect(codeOf([{ lineId: 'bars', qty: 1.5 }])).toBe('refund.badQuantity');
  });

  it('refundKey is stable per return', () => {
    expect(refundKey('ret_42')).toBe('refund:ret_42');
  });
});

describe('assertRefundReconciles', () => {
  it('refuses a refund whose lines and shipping do not make the total', () => {
    const refund = computeRefund(
      order,
      NO_REFUNDS,
      ret('R1', 'damagedOnArrival', [{ lineId: 'bars', qty: 1 }]),
    );
    expect(
      domainErrorOf(() => assertRefundReconciles({ ...refund, totalCents: refund.totalCents + 1 })).code,
    ).toBe('refund.unbalanced');
  });
});

const reasons = ['tooSmall', 'changedMind', 'damagedOnArrival', 'wrongItemSent', 'notAsDescribed'];

/** A small seeded PRNG so the property test is the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('over 500 random orders returned in random visits', () => {
  it('never refunds more than was paid, and a full return refunds it exactly', () => {
    const rand = mulberry32(20261122);
    const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
    for (let n = 0; n < 500; n++) {
      const lines = Array.from({ length: int(1, 5) }, (_, i) => {
        const qtyOrdered = int(1, 6);
        return {
          lineId: `L${i}`,
          unitPriceCents: int(1, 25000),
          qtyOrdered,
          qtyDelivered: int(i === 0 ? 1 : 0, qtyOrdered),
        };
      });
      const goods = lines.reduce((a, l) => a + l.unitPriceCents * l.qtyDelivered, 0);
      const discountsCents = Array.from({ length: int(0, 2) }, () => int(0, Math.floor(goods / 2)));
      const o: RefundOrder = {
        lines,
        discountsCents,
        shippingCents: int(0, 999),
        shippingRule: { ...DEFAULT_SHIPPING_RULE, onFullReturn: rand() < 0.8, onSellerFault: rand() < 0.5 },
      };
      const paid = orderPaidCents(o);
      let history = NO_REFUNDS;
      let visit = 0;
      const left = () => lines.filter((l) => (history.lines[l.lineId]?.qty ?? 0) < l.qtyDelivered);
      while (left().length > 0) {
        const request = left()
          .filter(() => rand() < 0.6)
          .map((l) => ({
            lineId: l.lineId,
            qty: int(1, l.qtyDelivered - (history.lines[l.lineId]?.qty ?? 0)),
          }));
        if (request.length === 0) continue;
        const reason = reasons[int(0, reasons.length - 1)]!;
        history = pay(o, history, ret(`R${visit++}`, reason, request)).history;
        expect(refundedTotal(history)).toBeLessThanOrEqual(paid);
      }
      const linesPaid = paid - o.shippingCents;
      expect(refundedTotal(history) - history.shippingCents).toBe(linesPaid);
      if (o.shippingRule.onFullReturn) expect(refundedTotal(history)).toBe(paid);
    }
  });
});
