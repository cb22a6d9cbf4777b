import { describe, expect, it } from 'vitest';
import { factKey } from '../commands/replica-tx';
import { isExpectedParcel } from '../domain/inbound-parcel';
import { applyCommand } from './overlay';
import { cmd, ORDER, order } from './testing/order-fixture';

// order.receive on the device: the definition the server runs too (src/commands/order-receive.ts),
// with the facts enqueue reads first (the parcel check, the store's shelves).
const SSCC = '00380123450000000013';
const parcels = ['00380123450000000020', SSCC, `]C1${SSCC}`];
const facts = {
  locations: new Set(['MI01-A03']),
  parcels: new Map(parcels.map((code) => [factKey(ORDER, code), isExpectedParcel(code, SSCC)])),
};
const awaiting = () => order({ fulfillmentType: 'ship_to_store', inboundTracking: SSCC });
const receive = (code: string, locationCode = 'MI01-A03') => cmd('order.receive', { code, locationCode });

describe('order.receive on the replica', () => {
  it('makes the order ready at the shelf when the scanned label is its parcel, in any form', () => {
    expect(applyCommand(awaiting(), receive(`]C1${SSCC}`, ' mi01-a03 '), facts)).toMatchObject({
      status: 'ready',
      stagingLocation: 'MI01-A03',
      readyAt: '2026-11-22T10:00:00Z',
    });
  });

  it('refuses another parcel, an unknown shelf, a pickup order and a second receipt', () => {
    expect(() => applyCommand(awaiting(), receive('00380123450000000020'), facts)).toThrow(
      expect.objectContaining({ code: 'receive.wrongParcel' }),
    );
    expect(() => applyCommand(awaiting(), receive(SSCC, 'MI01-Z99'), facts)).toThrow(
      expect.objectContaining({ code: 'staging.unknownLocation' }),
    );
    expect(() => applyCommand(order(), receive(SSCC), facts)).toThrow(
      expect.objectContaining({ code: 'order.notForFulfillmentType' }),
    );
    const ready = applyCommand(awaiting(), receive(SSCC), facts);
    expect(() => applyCommand(ready, receive(SSCC), facts)).toThrow(
      expect.objectContaining({ code: 'order.illegalTransition' }),
    );
  });
});
