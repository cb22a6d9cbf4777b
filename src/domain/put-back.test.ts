import { describe, expect, it } from 'vitest';
import { domainErrorOf } from './domain-error-of';
import { assertPutBackDue, needsPutBack, unitsToPutBack } from './put-back';

const line = (qtyPicked: number) => ({
  id: 'l1',
  gtin14: '00000000000000',
  qtyOrdered: 2,
  qtyPicked,
  qtyShort: 0,
});

describe('put-back after an order ends without its customer', () => {
  it('is due for a cancelled or expired order with picked units, until confirmed', () => {
    expect(needsPutBack({ status: 'cancelled', putBackAt: null }, [line(1)])).toBe(true);
    expect(needsPutBack({ status: 'expired', putBackAt: null }, [line(2)])).toBe(true);
    expect(needsPutBack({ status: 'cancelled', putBackAt: '2026-11-22T10:00:00Z' }, [line(1)])).toBe(false);
  });

  it('is not due when nothing was picked, or the order is still alive', () => {
    expect(needsPutBack({ status: 'cancelled', putBackAt: null }, [line(0)])).toBe(false);
    expect(needsPutBack({ status: 'picking', putBackAt: null }, [line(1)])).toBe(false);
    expect(needsPutBack({ status: 'collected', putBackAt: null }, [line(2)])).toBe(false);
  });

  it('refuses a confirmation with nothing to put back', () => {
    const error = domainErrorOf(() => assertPutBackDue({ status: 'picking', putBackAt: null }, [line(1)]));
    expect(error.code).toBe('order.illegalTransition');
    expect(error.details).toMatchObject({ event: 'putBack', from: 'picking' });
  });

  it('counts only units still in the store: not those handed over or refused at the counter', () => {
    const counter = { ...line(3), qtyOrdered: 3, qtyHandedOver: 1, qtyRefused: 1 };
    expect(unitsToPutBack([counter])).toBe(1);
    expect(needsPutBack({ status: 'expired', putBackAt: null }, [counter])).toBe(true);
    const none = { ...counter, qtyRefused: 2 };
    expect(needsPutBack({ status: 'cancelled', putBackAt: null }, [none])).toBe(false);
  });
});

describe('put-back of kept substitutes', () => {
  const substitute = (status: 'picked' | 'accepted' | 'declined') => ({
    productId: 'p2',
    gtin14: '00000000000017',
    qty: 2,
    status,
  });
  const substituted = (status: 'picked' | 'accepted' | 'declined', qtyHandedOver = 0) => ({
    ...line(0),
    qtyShort: 2,
    qtyHandedOver,
    substitute: substitute(status),
  });

  it('counts the units of a kept substitute: an order of substitutes only still has goods to put back', () => {
    expect(unitsToPutBack([line(1), substituted('picked')])).toBe(3);
    expect(needsPutBack({ status: 'cancelled', putBackAt: null }, [substituted('accepted')])).toBe(true);
  });

  it('leaves out a declined substitute, and one that left with the first handover', () => {
    expect(needsPutBack({ status: 'expired', putBackAt: null }, [substituted('declined')])).toBe(false);
    const partly = [{ ...line(2), qtyHandedOver: 1 }, substituted('picked')];
    expect(unitsToPutBack(partly)).toBe(1);
  });
});
