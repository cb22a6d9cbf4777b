import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isReason, isReceiptEmail } from './reason-rules';

describe('what the counter checks before queueing', () => {
  it('takes a receipt address exactly when the server’s schema does', () => {
    const schema = z.email().max(254);
    for (const email of [
      'giulia.rossi@example.it',
      'g+returns@mail.example.co.uk',
      "o'brien@example.ie",
      'no-at-sign.example.it',
      'two@@example.it',
      '.dot@example.it',
      'dots..twice@example.it',
      'x@localhost',
      'space in@example.it',
      'a@b.c',
    ]) {
      expect(isReceiptEmail(email), email).toBe(schema.safeParse(email).success);
    }
  });

  it('asks a manager’s reason of 3 to 500 characters', () => {
    expect(isReason('  ok ')).toBe(false);
    expect(isReason('Loyal customer')).toBe(true);
    expect(isReason('x'.repeat(501))).toBe(false);
  });
});
