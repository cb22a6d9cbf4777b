import { describe, expect, it } from 'vitest';
import { domainErrorOf } from './domain-error-of';
import { handoverErrorCodes, parsePickupInput, pickupPassContent, verifyPickup } from './pickup-pass';

const order = { number: 'MI01-000042', pickupCode: '048213' };

describe('pickupPassContent', () => {
  it('writes a versioned pass with the order number and code', () => {
    expect(pickupPassContent('MI01-000042', '048213')).toBe('AISLE:PASS:1:MI01-000042:048213');
  });

  it('round-trips through parsePickupInput', () => {
    const content = pickupPassContent(order.number, order.pickupCode);
    expect(parsePickupInput(content)).toEqual({ kind: 'pass', orderNumber: 'MI01-000042', code: '048213' });
  });

  it('round-trips order numbers that contain ":" (split on the last colon)', () => {
    const content = pickupPassContent('MI:2025:0042', '000001');
    expect(content).toBe('AISLE:PASS:1:MI:2025:0042:000001');
    expect(parsePickupInput(content)).toEqual({ kind: 'pass', orderNumber: 'MI:2025:0042', code: '000001' });
  });
});

describe('parsePickupInput', () => {
  it('treats anything not starting with AISLE: as a typed code', () => {
    expect(parsePickupInput('048213')).toEqual({ kind: 'code', code: '048213' });
    expect(parsePickupInput('hello')).toEqual({ kind: 'code', code: 'hello' });
  });

  it('trims whitespace around typed codes and scanned passes', () => {
    expect(parsePickupInput('  048213\n')).toEqual({ kind: 'code', code: '048213' });
    expect(parsePickupInput('\tAISLE:PASS:1:MI01-000042:048213\r\n')).toEqual({
      kind: 'pass',
      orderNumber: 'MI01-000042',
      code: '048213',
    });
  });

  it('keeps leading zeros in the code', () => {
    expect(parsePickupInput('000123')).toEqual({ kind: 'code', code: '000123' });
  });

  it.each([
    ['a future pass version', 'AISLE:PASS:2:MI01-000042:048213'],
    ['another kind of Aisle QR', 'AISLE:LABEL:1:X'],
    ['just the prefix', 'AISLE:'],
    ['a lowercase prefix', 'aisle:pass:1:MI01-000042:048213'],
    ['a pass with no code separator', 'AISLE:PASS:1:nocode'],
    ['a pass with nothing after the version', 'AISLE:PASS:1:'],
    ['a pass with an empty order number', 'AISLE:PASS:1::048213'],
  ])('refuses %s as handover.badPass', (_label, raw) => {
    const error = domainErrorOf(() => parsePickupInput(raw));
    expect(error.code).toBe(handoverErrorCodes.badPass);
    expect(error.code).toBe('handover.badPass');
  });
});

describe('verifyPickup', () => {
  it('accepts the typed pickup code', () => {
    expect(() => verifyPickup('048213', order)).not.toThrow();
    expect(() => verifyPickup(' 048213 ', order)).not.toThrow();
  });

  it('accepts the scanned pass for this order', () => {
    expect(() => verifyPickup(pickupPassContent(order.number, order.pickupCode), order)).not.toThrow();
    expect(() =>
      verifyPickup(`  ${pickupPassContent(order.number, order.pickupCode)}\n`, order),
    ).not.toThrow();
  });

  it('accepts a pass for an order number with colons', () => {
    const colonOrder = { number: 'MI:2025:0042', pickupCode: '777777' };
    expect(() =>
      verifyPickup(pickupPassContent(colonOrder.number, colonOrder.pickupCode), colonOrder),
    ).not.toThrow();
  });

  it.each([
    ['a wrong code', '048214'],
    ['a code missing its leading zero', '48213'],
    ['a longer code that starts with the right one', '0482130'],
    ['an empty input', ''],
    ['only whitespace', '   '],
  ])('refuses %s as handover.codeMismatch', (_label, raw) => {
    expect(() => verifyPickup(raw, order)).toThrow(
      expect.objectContaining({ code: 'handover.codeMismatch' }),
    );
  });

  it('refuses this order’s pass with a wrong code as handover.codeMismatch', () => {
    expect(() => verifyPickup(pickupPassContent(order.number, '999999'), order)).toThrow(
      expect.objectContaining({ code: 'handover.codeMismatch' }),
    );
  });

  it('refuses a pass for another order as handover.wrongOrder, even if the code happens to match', () => {
    const error = domainErrorOf(() =>
      verifyPickup(pickupPassContent('MI01-000043', order.pickupCode), order),
    );
    expect(error.code).toBe('handover.wrongOrder');
    expect(error.details).toEqual({ passOrder: 'MI01-000043' });
  });

  it('compares order numbers exactly (no prefix or case match)', () => {
    expect(() => verifyPickup(pickupPassContent('MI01-00004', order.pickupCode), order)).toThrow(
      expect.objectContaining({ code: 'handover.wrongOrder' }),
    );
    expect(() => verifyPickup(pickupPassContent('mi01-000042', order.pickupCode), order)).toThrow(
      expect.objectContaining({ code: 'handover.wrongOrder' }),
    );
  });

  it('refuses a malformed pass as handover.badPass before comparing anything', () => {
    expect(() => verifyPickup('AISLE:PASS:2:MI01-000042:048213', order)).toThrow(
      expect.objectContaining({ code: 'handover.badPass' }),
    );
    expect(() => verifyPickup('AISLE:PASS:1:nocode', order)).toThrow(
      expect.objectContaining({ code: 'handover.badPass' }),
    );
  });

  it('does not put the expected code in the error', () => {
    const error = domainErrorOf(() => verifyPickup('111111', order));
    expect(error.message).not.toContain(order.pickupCode);
    expect(JSON.stringify(error.details ?? {})).not.toContain(order.pickupCode);
  });
});

describe('a pass with an empty code', () => {
  it('is a malformed pass, not a wrong code', () => {
    expect(domainErrorOf(() => parsePickupInput('AISLE:PASS:1:W123456:')).code).toBe(
      handoverErrorCodes.badPass,
    );
  });
});
