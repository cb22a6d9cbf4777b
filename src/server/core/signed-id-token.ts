import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A short reference a customer's link or a QR code carries: one id (a UUID) and when it stops
 * working, with a truncated HMAC-SHA256 over both. 16 + 4 + 16 bytes, 48 base64url characters:
 * short enough for an SMS or a small QR, unguessable (a 128-bit tag). Each use derives its own
 * key from the server's token-signing secret under its own label, so no token of one kind (a
 * curbside link, a kiosk enrollment code) passes for another.
 */
const TAG_BYTES = 16;
const BODY_BYTES = 20;
export const SIGNED_ID_TOKEN_LENGTH = 48;

export type SignedIdCheck =
  { ok: true; id: string; expiresAt: Date } | { ok: false; why: 'expired' | 'invalid' };

export function signedIdKey(signingSecret: string, label: string): Buffer {
  return createHmac('sha256', signingSecret).update(label).digest();
}

function tag(key: Buffer, body: Buffer): Buffer {
  return createHmac('sha256', key).update(body).digest().subarray(0, TAG_BYTES);
}

export function signIdToken(key: Buffer, id: string, expiresAt: Date): string {
  const body = Buffer.alloc(BODY_BYTES);
  Buffer.from(id.replaceAll('-', ''), 'hex').copy(body, 0);
  body.writeUInt32BE(Math.min(0xffffffff, Math.max(0, Math.floor(expiresAt.getTime() / 1000))), 16);
  return Buffer.concat([body, tag(key, body)]).toString('base64url');
}

const uuidOf = (hex: string) =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

export function verifyIdToken(key: Buffer, token: string, now = new Date()): SignedIdCheck {
  if (!/^[A-Za-z0-9_-]{48}$/.test(token)) return { ok: false, why: 'invalid' };
  const raw = Buffer.from(token, 'base64url');
  if (raw.length !== BODY_BYTES + TAG_BYTES) return { ok: false, why: 'invalid' };
  const body = raw.subarray(0, BODY_BYTES);
  if (!timingSafeEqual(raw.subarray(BODY_BYTES), tag(key, body))) return { ok: false, why: 'invalid' };
  const expiresAt = new Date(body.readUInt32BE(16) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, why: 'expired' };
  return { ok: true, id: uuidOf(body.subarray(0, 16).toString('hex')), expiresAt };
}
