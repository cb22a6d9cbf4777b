import { describe, expect, it } from 'vitest';
import type { FulfillmentType, OrderStatus } from './order-machine';
import {
  packedStatus,
  packLimits,
  packPackages,
  shippedStatus,
  standardDimensions,
  totalWeightGrams,
} from './packing';

const ship = (status: OrderStatus, fulfillmentType: FulfillmentType = 'ship_from_store') => ({
  status,
  fulfillmentType,
});

describe('packPackages', () => {
  it('numbers the packages and fills in the sizes of standard packaging', () => {
    const packed = packPackages([
      { type: 'box-m', weightGrams: 1250 },
      { type: 'custom', weightGrams: 300, lengthMm: 500, widthMm: 120, heightMm: 90 },
    ]);
    expect(packed).toEqual([
      { packageNumber: 1, type: 'box-m', weightGrams: 1250, ...standardDimensions['box-m'] },
      { packageNumber: 2, type: 'custom', weightGrams: 300, lengthMm: 500, widthMm: 120, heightMm: 90 },
    ]);
    expect(totalWeightGrams(packed)).toBe(1550);
  });

  it('keeps measured sizes of a standard box', () => {
    expect(
      packPackages([{ type: 'box-s', weightGrams: 5, lengthMm: 310, widthMm: 210, heightMm: 95 }])[0],
    ).toMatchObject({
      lengthMm: 310,
    });
  });

  it('needs at least one package and at most the limit', () => {
    expect(() => packPackages([])).toThrow(expect.objectContaining({ code: 'pack.noPackages' }));
    const many = Array.from({ length: packLimits.maxPackages + 1 }, () => ({ type: 'bag', weightGrams: 10 }));
    expect(() => packPackages(many)).toThrow(expect.objectContaining({ code: 'pack.tooManyPackages' }));
  });

  it.each([0, -5, 12.5, packLimits.maxGrams + 1, Number.NaN])('refuses a weight of %s g', (weightGrams) => {
    expect(() => packPackages([{ type: 'box-s', weightGrams }])).toThrow(
      expect.objectContaining({
        code: 'pack.weightOutOfRange',
        details: expect.objectContaining({ packageNumber: 1 }),
      }),
    );
  });

  it('accepts the limits themselves', () => {
    expect(() => packPackages([{ type: 'envelope', weightGrams: packLimits.minGrams }])).not.toThrow();
    expect(() => packPackages([{ type: 'box-l', weightGrams: packLimits.maxGrams }])).not.toThrow();
  });

  it('needs every side of a custom package, each in range, and a known type', () => {
    expect(() => packPackages([{ type: 'custom', weightGrams: 10 }])).toThrow(
      expect.objectContaining({ code: 'pack.dimensionsRequired' }),
    );
    expect(() => packPackages([{ type: 'box-s', weightGrams: 10, lengthMm: 100 }])).toThrow(
      expect.objectContaining({ code: 'pack.dimensionsRequired' }),
    );
    expect(() =>
      packPackages([{ type: 'custom', weightGrams: 10, lengthMm: 100, widthMm: 0, heightMm: 10 }]),
    ).toThrow(expect.objectContaining({ code: 'pack.dimensionsOutOfRange' }));
    expect(() => packPackages([{ type: 'crate', weightGrams: 10 }])).toThrow(
      expect.objectContaining({ code: 'pack.unknownPackageType' }),
    );
  });
});

describe('packedStatus', () => {
  it('packs a picked ship-from-store order, and re-packs it until a label is booked', () => {
    expect(packedStatus(ship('picked'), false)).toBe('packed');
    expect(packedStatus(ship('packed'), false)).toBe('packed');
    expect(() => packedStatus(ship('packed'), true)).toThrow(
      expect.objectContaining({ code: 'pack.alreadyLabelled' }),
    );
  });

  it('packs only ship-from-store orders, and only once picked', () => {
    expect(() => packedStatus(ship('picked', 'pickup'), false)).toThrow(
      expect.objectContaining({ code: 'order.notForFulfillmentType' }),
    );
    for (const status of ['new', 'picking', 'shipped', 'cancelled'] as const) {
      expect(() => packedStatus(ship(status), false)).toThrow(
        expect.objectContaining({ code: 'order.illegalTransition' }),
      );
    }
  });
});

describe('shippedStatus', () => {
  it('ships a packed order with a label', () => {
    expect(shippedStatus(ship('packed'), true)).toBe('shipped');
  });

  it('refuses without a label, but leaves it to the server when the label is unknown here', () => {
    expect(() => shippedStatus(ship('packed'), false)).toThrow(
      expect.objectContaining({ code: 'ship.noLabel' }),
    );
    expect(shippedStatus(ship('packed'), undefined)).toBe('shipped');
  });

  it('refuses an order that is not packed, or not shipped by carrier', () => {
    expect(() => shippedStatus(ship('picked'), true)).toThrow(
      expect.objectContaining({ code: 'order.illegalTransition' }),
    );
    expect(() => shippedStatus(ship('ready', 'pickup'), true)).toThrow(
      expect.objectContaining({ code: 'order.notForFulfillmentType' }),
    );
  });
});
