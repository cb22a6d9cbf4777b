import { describe, expect, it } from 'vitest';
import { paymentAdapterNamed } from './payment-adapters';

describe('paymentAdapterNamed', () => {
  it('uses the ledger unless told otherwise', () => {
    expect(paymentAdapterNamed(undefined).id).toBe('ledger');
    expect(paymentAdapterNamed('').id).toBe('ledger');
    expect(paymentAdapterNamed('ledger').id).toBe('ledger');
  });

  it('stops the start-up for an adapter it does not have', () => {
    expect(() => paymentAdapterNamed('stripe')).toThrow(/PAYMENT_ADAPTER: unknown payment adapter "stripe"/);
  });
});
