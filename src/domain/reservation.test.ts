import { describe, expect, it } from 'vitest';
import {
  checkReservation,
  isEmail,
  normalizePhone,
  pickupCodeFrom,
  reservationExternalId,
  reservationOrderNumber,
  reservationProblems,
  reservationPromisedAt,
  type WalkInCustomerInput,
} from './reservation';

const customer = (overrides: Partial<WalkInCustomerInput> = {}): WalkInCustomerInput => ({
  name: 'Giulia Rossi',
  phone: '333 123 4567',
  language: 'it',
  ...overrides,
});

const codes = (input: { customer: WalkInCustomerInput; qty: number }, available?: number) =>
  reservationProblems(input, available).map((p) => `${p.field}:${p.code}`);

describe('normalizePhone', () => {
  it.each([
    ['333 123 4567', '+393331234567'],
    ['+39 333-123-4567', '+393331234567'],
    ['0039 333 1234567', '+393331234567'],
    ['02 1234 5678', '+390212345678'],
    ['(+44) 20 7946 0958', '+442079460958'],
    ['+1 (212) 555.0100', '+12125550100'],
  ])('%s → %s', (typed, e164) => {
    expect(normalizePhone(typed)).toBe(e164);
  });

  it.each(['', '12', '333-CALL-ME', '+0 333 1234567', '+39 333 1234 5678 9012 3', 'giulia@example.it'])(
    'refuses %j',
    (typed) => {
      expect(normalizePhone(typed)).toBeNull();
    },
  );
});

describe('isEmail', () => {
  it.each(['giulia@example.it', ' g.rossi+shoes@mail.example.com ', 'a@b.co'])('accepts %j', (email) => {
    expect(isEmail(email)).toBe(true);
  });
  it.each(['', 'giulia', 'giulia@', '@example.it', 'giulia@example', 'giu lia@example.it', 'a@.it', 'a@b.'])(
    'refuses %j',
    (email) => {
      expect(isEmail(email)).toBe(false);
    },
  );
  it('refuses an address longer than 254 characters', () => {
    expect(isEmail(`${'a'.repeat(250)}@example.it`)).toBe(false);
  });
});

describe('reservationProblems', () => {
  it('accepts a name with a phone, an e-mail, or both', () => {
    expect(codes({ customer: customer(), qty: 1 })).toEqual([]);
    expect(codes({ customer: customer({ phone: undefined, email: 'g@example.it' }), qty: 1 })).toEqual([]);
    expect(codes({ customer: customer({ email: 'g@example.it' }), qty: 2 }, 2)).toEqual([]);
  });

  it('requires a name, and one way to reach the customer', () => {
    expect(codes({ customer: customer({ name: '   ', phone: ' ', email: '' }), qty: 1 })).toEqual([
      'name:reservation.nameRequired',
      'contact:reservation.contactRequired',
    ]);
  });

  it('refuses a phone or an e-mail that cannot be right, even when the other one is', () => {
    expect(codes({ customer: customer({ phone: '12', email: 'g@example.it' }), qty: 1 })).toEqual([
      'phone:reservation.badPhone',
    ]);
    expect(codes({ customer: customer({ email: 'g@example' }), qty: 1 })).toEqual([
      'email:reservation.badEmail',
    ]);
  });

  it('wants a whole quantity of at least 1, and no more than the availability shown', () => {
    expect(codes({ customer: customer(), qty: 0 })).toEqual(['qty:reservation.badQuantity']);
    expect(codes({ customer: customer(), qty: 1.5 })).toEqual(['qty:reservation.badQuantity']);
    expect(codes({ customer: customer(), qty: 100 })).toEqual(['qty:reservation.badQuantity']);
    expect(codes({ customer: customer(), qty: 3 }, 3)).toEqual([]);
    expect(reservationProblems({ customer: customer(), qty: 4 }, 3)).toEqual([
      { field: 'qty', code: 'stock.notAvailable', details: { available: 3, requested: 4 } },
    ]);
    expect(codes({ customer: customer(), qty: 1 }, 0)).toEqual(['qty:stock.notAvailable']);
  });
});

describe('checkReservation', () => {
  it('answers the customer as stored: trimmed, the phone in E.164, absent contacts null', () => {
    expect(
      checkReservation({ customer: customer({ name: '  Giulia Rossi ', email: '  ' }), qty: 2 }, 5),
    ).toEqual({
      qty: 2,
      customer: { name: 'Giulia Rossi', phone: '+393331234567', email: null, language: 'it' },
    });
  });

  it('throws the first problem with every field in the details', () => {
    expect(() => checkReservation({ customer: customer({ name: '', phone: 'x' }), qty: 9 }, 2)).toThrow(
      expect.objectContaining({
        code: 'reservation.nameRequired',
        details: expect.objectContaining({
          fields: [
            { field: 'name', code: 'reservation.nameRequired' },
            { field: 'phone', code: 'reservation.badPhone' },
            { field: 'qty', code: 'stock.notAvailable' },
          ],
        }),
      }),
    );
  });
});

describe('identifiers of the order a reservation becomes', () => {
  const id = '3f2a9c1b-0d4e-4f5a-8b6c-7d8e9f0a1b2c';
  it('derives the external id and the order number from the reservation id', () => {
    expect(reservationExternalId(id.toUpperCase())).toBe(`reservation-${id}`);
    expect(reservationOrderNumber(id)).toBe('R3F2A9C1B');
  });
  it('promises it ready an hour after the other store receives it', () => {
    expect(reservationPromisedAt(new Date('2026-05-01T10:00:00Z')).toISOString()).toBe(
      '2026-05-01T11:00:00.000Z',
    );
  });
});

describe('pickupCodeFrom', () => {
  it('makes six digits, keeping leading zeros', () => {
    expect(pickupCodeFrom(() => 42)).toBe('000042');
    expect(pickupCodeFrom(() => 1_234_567)).toBe('234567');
  });

  it('draws again rather than favour low codes', () => {
    const draws = [2 ** 32 - 1, 4_294_000_000, 7];
    expect(pickupCodeFrom(() => draws.shift()!)).toBe('000007');
  });

  it('spreads codes evenly over real random numbers', () => {
    const buffer = new Uint32Array(1);
    const next = () => crypto.getRandomValues(buffer)[0]!;
    const firstDigits = new Array<number>(10).fill(0);
    for (let i = 0; i < 5_000; i++) {
      const code = pickupCodeFrom(next);
      expect(code).toMatch(/^\d{6}$/);
      firstDigits[Number(code[0])]! += 1;
    }
    for (const count of firstDigits) expect(count).toBeGreaterThan(350);
  });
});
