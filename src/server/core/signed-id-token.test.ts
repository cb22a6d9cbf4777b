import { describe, expect, it } from 'vitest';
import { signedIdKey, signIdToken, verifyIdToken } from './signed-id-token';

const secret = 'a-signing-secret-of-at-least-32-characters!';
const id = '0b6f1c2e-3d4a-4b5c-8d9e-0f1a2b3c4d5e';
const now = new Date('2026-12-10T10:00:00Z');
const expiresAt = new Date('2026-12-10T10:10:00Z');

describe('signed id token', () => {
  it('carries the id until its expiry, in 48 characters', () => {
    const key = signedIdKey(secret, 'aisle/kiosk-enrollment/v1');
    const token = signIdToken(key, id, expiresAt);
    expect(token).toMatch(/^[A-Za-z0-9_-]{48}$/);
    expect(verifyIdToken(key, token, now)).toEqual({ ok: true, id, expiresAt });
    expect(verifyIdToken(key, token, expiresAt)).toEqual({ ok: false, why: 'expired' });
  });

  it('does not pass under another label: a curbside link is no enrollment code', () => {
    const curbside = signIdToken(signedIdKey(secret, 'aisle/curbside/v1'), id, expiresAt);
    expect(verifyIdToken(signedIdKey(secret, 'aisle/kiosk-enrollment/v1'), curbside, now)).toEqual({
      ok: false,
      why: 'invalid',
    });
  });

  it('refuses an altered expiry (the tag covers it)', () => {
    const key = signedIdKey(secret, 'label');
    const raw = Buffer.from(signIdToken(key, id, expiresAt), 'base64url');
    raw.writeUInt32BE(raw.readUInt32BE(16) + 3600, 16);
    expect(verifyIdToken(key, raw.toString('base64url'), now)).toEqual({ ok: false, why: 'invalid' });
  });
});
