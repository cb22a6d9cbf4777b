import { describe, expect, it } from 'vitest';
import { curbsideExpiry, curbsideKey, signCurbsideToken, verifyCurbsideToken } from './curbside-token';

const key = curbsideKey('a-signing-secret-of-at-least-32-characters!');
const orderId = '0b6f1c2e-3d4a-4b5c-8d9e-0f1a2b3c4d5e';
const now = new Date('2026-11-22T10:00:00Z');

describe('curbside token', () => {
  it('names the order until the hold ends', () => {
    const expiresAt = curbsideExpiry(now, 3);
    const token = signCurbsideToken(key, orderId, expiresAt);
    expect(token).toMatch(/^[A-Za-z0-9_-]{48}$/);
    expect(verifyCurbsideToken(key, token, now)).toEqual({ ok: true, orderId, expiresAt });
    expect(verifyCurbsideToken(key, token, new Date(expiresAt.getTime() + 1000))).toEqual({
      ok: false,
      why: 'expired',
    });
  });

  it('refuses a forged, altered or foreign token', () => {
    const token = signCurbsideToken(key, orderId, curbsideExpiry(now, 3));
    const flipped = `${token.slice(0, 5)}${token[5] === 'A' ? 'B' : 'A'}${token.slice(6)}`;
    expect(verifyCurbsideToken(key, flipped, now)).toEqual({ ok: false, why: 'invalid' });
    expect(verifyCurbsideToken(curbsideKey('another-secret-of-at-least-32-characters'), token, now).ok).toBe(
      false,
    );
    expect(verifyCurbsideToken(key, 'short', now).ok).toBe(false);
    expect(verifyCurbsideToken(key, `${token}x`, now).ok).toBe(false);
  });
});
