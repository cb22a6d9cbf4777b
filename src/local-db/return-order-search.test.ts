import { describe, expect, it } from 'vitest';
import { pickupPassContent } from '../domain/pickup-pass';
import { formatSignedPass } from '../domain/signed-pickup-pass';
import { passOrderNumber, phoneDigits, readOrderQuery, searchOrders } from './return-order-search';

const order = (id: string, number: string, email: string, phone: string | null, placedAt: string) => ({
  id,
  number,
  customerEmail: email,
  customerPhone: phone,
  placedAt,
});

const orders = [
  order(
    '0d1f0a5e-6a7b-4c8d-9e0f-123456789abc',
    'W482913',
    'Giulia.Rossi@Example.it',
    '+393331234567',
    '2026-11-01T10:00:00Z',
  ),
  order(
    '1e2f0a5e-6a7b-4c8d-9e0f-123456789abc',
    'MI01-000042',
    'giulia.rossi@example.it',
    null,
    '2026-11-03T10:00:00Z',
  ),
  order(
    '2f3f0a5e-6a7b-4c8d-9e0f-123456789abc',
    'W100200',
    'sam@example.co.uk',
    '+447700900123',
    '2026-11-02T10:00:00Z',
  ),
];
const numbers = (query: string) => searchOrders(orders, query).map((o) => o.number);

describe('finding a cached order at the return counter', () => {
  it('by number, in any case and with or without separators', () => {
    expect(numbers('W482913')).toEqual(['W482913']);
    expect(numbers(' w-482 913 ')).toEqual(['W482913']);
    expect(numbers('mi01000042')).toEqual(['MI01-000042']);
    expect(numbers('MI01-000042')).toEqual(['MI01-000042']);
    expect(numbers('W4829')).toEqual([]);
  });

  it('by the digits of a web-shop number said without its letter', () => {
    expect(numbers('482913')).toEqual(['W482913']);
    expect(numbers('4829')).toEqual([]);
  });

  it('by e-mail in any case, newest order first', () => {
    expect(numbers('GIULIA.ROSSI@example.IT')).toEqual(['MI01-000042', 'W482913']);
    expect(numbers('giulia@example.it')).toEqual([]);
  });

  it('by phone, with or without +39 and in any punctuation', () => {
    expect(numbers('+39 333 123 4567')).toEqual(['W482913']);
    expect(numbers('333 123 4567')).toEqual(['W482913']);
    expect(numbers('333-1234567')).toEqual(['W482913']);
    expect(numbers('0039 3331234567')).toEqual(['W482913']);
    expect(numbers('(333) 123.4567')).toEqual(['W482913']);
    // A foreign number must be typed whole: +39 is never added to it.
    expect(numbers('+44 7700 900123')).toEqual(['W100200']);
    expect(numbers('7700 900123')).toEqual([]);
    expect(numbers('+39 7700 900123')).toEqual([]);
  });

  it('by the order a scanned pickup pass names, v1 or v2', () => {
    expect(numbers(pickupPassContent('W482913', '048213'))).toEqual(['W482913']);
    const v2 = formatSignedPass(
      {
        storeCode: 'MI01',
        orderNumber: 'MI01-000042',
        pickupCode: '048213',
        issuedAt: 1767225600,
        keyId: 'k1',
      },
      'A'.repeat(86),
    );
    expect(passOrderNumber(v2)).toBe('MI01-000042');
    expect(numbers(v2)).toEqual(['MI01-000042']);
    expect(passOrderNumber('AISLE:PASS:9:nonsense')).toBeNull();
  });

  it('by the order id', () => {
    expect(numbers('2F3F0A5E-6A7B-4C8D-9E0F-123456789ABC')).toEqual(['W100200']);
  });

  it('finds nothing for an empty query', () => {
    expect(readOrderQuery('   ')).toEqual({ kind: 'none' });
    expect(numbers('')).toEqual([]);
  });

  it('reads phone digits the way they are stored', () => {
    expect(phoneDigits('+39 333 123 4567')).toBe('393331234567');
    expect(phoneDigits('0039 333 123 4567')).toBe('393331234567');
    expect(phoneDigits(null)).toBe('');
  });
});
