import { describe, expect, it } from 'vitest';
import { formatSignedPass } from '../../domain/signed-pickup-pass';
import { normaliseOrderNumber, parseReturnOrderQuery, phoneDigitsOf } from './return-lookup-query';

const signature = Buffer.alloc(64, 1).toString('base64url');

describe('reading the return counter’s search box', () => {
  it('reads an order number whatever its case, separators or leading #', () => {
    for (const q of ['W7001001', 'w7001001', 'W-700-1001', '#W7001001', ' w 700 1001 ']) {
      expect(parseReturnOrderQuery(q), q).toEqual({ kind: 'text', number: 'W7001001', phoneDigits: null });
    }
    expect(normaliseOrderNumber('mi01-000042')).toBe('MI01000042');
  });

  it('reads a phone in international or national form, and all digits as number or phone', () => {
    expect(phoneDigitsOf('+39 333 123 4567')).toBe('393331234567');
    expect(phoneDigitsOf('0039 333 1234567')).toBe('393331234567');
    expect(phoneDigitsOf('(333) 123-4567')).toBe('3331234567');
    expect(phoneDigitsOf('12345')).toBeNull();
    expect(parseReturnOrderQuery('+39 333 123 4567')).toEqual({
      kind: 'text',
      number: null,
      phoneDigits: '393331234567',
    });
    expect(parseReturnOrderQuery('3331234567')).toEqual({
      kind: 'text',
      number: '3331234567',
      phoneDigits: '3331234567',
    });
  });

  it('reads an e-mail, lower-cased, and refuses a broken one', () => {
    expect(parseReturnOrderQuery(' Giulia.Ferri@Example.com ')).toEqual({
      kind: 'email',
      email: 'giulia.ferri@example.com',
    });
    expect(parseReturnOrderQuery('giulia@')).toBeNull();
  });

  it('reads a signed v2 pass, a v1 pass and an order id; refuses damaged or foreign passes', () => {
    const pass = formatSignedPass(
      {
        storeCode: 'MI01',
        orderNumber: 'W-7001001',
        pickupCode: '048213',
        issuedAt: 1767225600,
        keyId: 'k1',
      },
      signature,
    );
    expect(parseReturnOrderQuery(pass)).toEqual({ kind: 'pass', number: 'W7001001', storeId: 'MI01' });
    expect(parseReturnOrderQuery('AISLE:PASS:1:W7001001:048213')).toEqual({
      kind: 'pass',
      number: 'W7001001',
      storeId: null,
    });
    expect(parseReturnOrderQuery(pass.slice(0, -4))).toBeNull();
    expect(parseReturnOrderQuery('AISLE:PASS:3:W7001001')).toBeNull();
    expect(parseReturnOrderQuery('AISLE:PASS:1:W7001001:')).toBeNull();
    const id = '4B37F564-DD46-45AD-8261-E23DC74DB3EF';
    expect(parseReturnOrderQuery(id)).toEqual({ kind: 'id', id: id.toLowerCase() });
  });

  it('refuses text that cannot name an order', () => {
    for (const q of [
      '',
      'ab',
      '???',
      '<script>alert(1)</script>',
      'a'.repeat(60),
      'W7001001; drop table orders',
    ]) {
      expect(parseReturnOrderQuery(q), q).toBeNull();
    }
  });
});
