import { describe, expect, it } from 'vitest';
import { DEFAULT_SHIPPING_RULE } from '../../domain/refund';
import { checkReturn, defaultReturnPolicy, returnViolationCodes } from '../../domain/return-policy';
import { policyRequestOf, type ReturnUnit } from '../../domain/return-units';
import {
  availabilityByLine,
  countedUnitsByLine,
  countExpectation,
  lineForScan,
  policyContextOf,
  previewRefund,
  type DeviceReturn,
} from './returnable';
import {
  EAN_SHIRT,
  EAN_SHOES,
  returnableLine,
  returnableOrder,
  SHIRT,
  SHOES,
  summary,
} from './testing/returnable-order';

const unit = (lineId: string, reason = 'tooSmall'): ReturnUnit => ({
  lineId,
  reason,
  condition: 'new',
  disposition: 'restock',
});
const queued = (returnId: string, units: ReturnUnit[], counts = true): DeviceReturn => ({
  returnId,
  units,
  counts,
});
const R1 = 'aaaaaaaa-0000-4000-8000-000000000001';
const R2 = 'aaaaaaaa-0000-4000-8000-000000000002';

describe('what can still come back', () => {
  it('is delivered less returned, in review and this device’s queued returns', () => {
    const order = returnableOrder({
      lines: [
        returnableLine({
          lineId: SHOES,
          qtyOrdered: 5,
          qtyShort: 1,
          qtyDelivered: 4,
          qtyReturned: 1,
          qtyInReview: 1,
        }),
      ],
    });
    const availability = availabilityByLine(order, [queued(R1, [unit(SHOES)])]);
    expect(availability.get(SHOES)).toEqual({ delivered: 4, returned: 2, queued: 1, remaining: 1 });
  });

  it('no longer counts a queued return once the server’s copy of the order includes it', () => {
    const order = returnableOrder({
      lines: [returnableLine({ lineId: SHOES, qtyReturned: 1 })],
      returns: [summary(R1)],
    });
    expect(availabilityByLine(order, [queued(R1, [unit(SHOES)])]).get(SHOES)?.remaining).toBe(1);
  });

  it('gives the units of a refused or discarded return back', () => {
    const order = returnableOrder();
    expect(
      availabilityByLine(order, [queued(R1, [unit(SHOES), unit(SHOES)], false)]).get(SHOES)?.remaining,
    ).toBe(2);
  });

  it('never goes below zero', () => {
    const order = returnableOrder({ lines: [returnableLine({ lineId: SHOES, qtyReturned: 2 })] });
    expect(availabilityByLine(order, [queued(R1, [unit(SHOES)])]).get(SHOES)?.remaining).toBe(0);
  });

  it('makes the policy refuse units already in a queued return, like the server will', () => {
    const order = returnableOrder();
    const availability = availabilityByLine(order, [queued(R1, [unit(SHOES), unit(SHOES)])]);
    const context = policyContextOf(order, availability, '2026-11-10T10:00:00Z', 'Europe/Rome');
    const evaluation = checkReturn(policyRequestOf([unit(SHOES)]), context, defaultReturnPolicy);
    expect(evaluation.lines[0]?.violations.map((v) => v.code)).toEqual([
      returnViolationCodes.alreadyReturned,
    ]);
  });
});

describe('the refund preview', () => {
  it('shares the discount and refunds shipping on a full return', () => {
    const order = returnableOrder();
    const preview = previewRefund(
      order,
      [],
      R2,
      [unit(SHOES), unit(SHOES), unit(SHIRT)],
      DEFAULT_SHIPPING_RULE,
    );
    expect(preview.ok && preview.refund.totalCents).toBe(12_000 - 1_000 + 499);
    expect(preview.ok && preview.refund.shippingCents).toBe(499);
  });

  it('counts this device’s queued return first, so the last unit completes the order', () => {
    const order = returnableOrder();
    const earlier = queued(R1, [unit(SHOES), unit(SHOES)]);
    const preview = previewRefund(order, [earlier], R2, [unit(SHIRT)], DEFAULT_SHIPPING_RULE);
    expect(preview.ok && preview.refund.shippingCents).toBe(499);
    const alone = previewRefund(order, [], R2, [unit(SHIRT)], DEFAULT_SHIPPING_RULE);
    expect(alone.ok && alone.refund.shippingCents).toBe(0);
  });

  it('says why there is none', () => {
    expect(previewRefund(returnableOrder(), [], R2, [], DEFAULT_SHIPPING_RULE)).toEqual({
      ok: false,
      code: 'refund.emptyReturn',
    });
  });
});

describe('a scanned unit', () => {
  const order = returnableOrder();
  const none = new Map<string, number>();

  it('joins the line of its product, by GTIN, barcode or SKU', () => {
    const availability = availabilityByLine(order, []);
    expect(
      lineForScan(order.lines, { gtin14: '0' + EAN_SHIRT, text: EAN_SHIRT }, availability, none),
    ).toEqual({
      ok: true,
      lineId: SHIRT,
    });
    expect(lineForScan(order.lines, { text: 'sku-1' }, availability, none)).toEqual({
      ok: true,
      lineId: SHOES,
    });
  });

  it('is refused when it is not on the order', () => {
    expect(lineForScan(order.lines, { text: '4006381333931' }, availabilityByLine(order, []), none)).toEqual({
      ok: false,
      reason: 'notOnOrder',
    });
  });

  it('is refused when every delivered unit already came back', () => {
    const returned = returnableOrder({ lines: [returnableLine({ lineId: SHOES, qtyReturned: 2 })] });
    expect(lineForScan(returned.lines, { text: EAN_SHOES }, availabilityByLine(returned, []), none)).toEqual({
      ok: false,
      reason: 'alreadyReturned',
      lineId: SHOES,
    });
  });

  it('is refused when every unit left is already in this return', () => {
    const here = new Map([[SHOES, 2]]);
    expect(lineForScan(order.lines, { text: EAN_SHOES }, availabilityByLine(order, []), here)).toEqual({
      ok: false,
      reason: 'allInThisReturn',
      lineId: SHOES,
    });
  });
});

describe('a camera count at the counter', () => {
  const order = returnableOrder({
    lines: [
      returnableLine({ lineId: SHOES, qtyDelivered: 3, qtyReturned: 1 }),
      returnableLine({ lineId: SHIRT, gtin14: '0' + EAN_SHIRT, barcode: EAN_SHIRT, qtyReturned: 2 }),
    ],
  });
  const availability = availabilityByLine(order, []);

  it('expects what may still come back, line by line', () => {
    expect(countExpectation(order.lines, availability)).toEqual([
      { lineId: SHOES, gtin14: '0' + EAN_SHOES, qty: 2 },
    ]);
  });

  it('gives each line its counted units, never more than may come back, and leaves strangers out', () => {
    const counted = [
      { gtin14: '0' + EAN_SHOES, qty: 3 },
      { gtin14: '0' + EAN_SHIRT, qty: 1 },
      { gtin14: '04006381333931', qty: 2 },
    ];
    expect(countedUnitsByLine(order.lines, availability, counted)).toEqual(new Map([[SHOES, 2]]));
  });

  it('shares a product’s units over the lines that carry it, in order', () => {
    const twice = returnableOrder({
      lines: [
        returnableLine({ lineId: SHOES, qtyDelivered: 1 }),
        returnableLine({ lineId: SHIRT, qtyDelivered: 2 }),
      ],
    });
    const counted = [{ gtin14: '0' + EAN_SHOES, qty: 2 }];
    expect(countedUnitsByLine(twice.lines, availabilityByLine(twice, []), counted)).toEqual(
      new Map([
        [SHOES, 1],
        [SHIRT, 1],
      ]),
    );
  });
});
