import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The reference a curbside link carries: the order's id and when the link stops working, with
 * a truncated HMAC-SHA256 over both. 16 + 4 + 16 bytes, 48 base64url characters: short enough
 * for an SMS, unguessable (a 128-bit tag), and good for one order only. The key is derived from
 * the server's token-signing secret under its own label (like return approvals), so no other
 * token of the server can pass for a curbside link or the reverse.
 */
const TAG_BYTES = 16;
const LABEL = 'aisle/curbside/v1';

export type CurbsideCheck =
  { ok: true; orderId: string; expiresAt: Date } | { ok: false; why: 'expired' | 'invalid' };

export function curbsideKey(signingSecret: string): Buffer {
  return createHmac('sha256', signingSecret).update(LABEL).digest();
}

function tag(key: Buffer, body: Buffer): Buffer {
  return createHmac('sha256', key).update(body).digest().subarray(0, TAG_BYTES);
}

/** The link's expiry: the end of the order's pickup hold. */
export function curbsideExpiry(readyAt: Date, pickupHoldDays: number): Date {
  return new Date(readyAt.getTime() + pickupHoldDays * 86_400_000);
}

export function signCurbsideToken(key: Buffer, orderId: string, expiresAt: Date): string {
  const body = Buffer.alloc(20);
  Buffer.from(orderId.replaceAll('-', ''), 'hex').copy(body, 0);
  body.writeUInt32BE(Math.min(0xffffffff, Math.max(0, Math.floor(expiresAt.getTime() / 1000))), 16);
  return Buffer.concat([body, tag(key, body)]).toString('base64url');
}

const uuidOf = (hex: string) =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

export function verifyCurbsideToken(key: Buffer, token: string, now = new Date()): CurbsideCheck {
  if (!/^[A-Za-z0-9_-]{48}$/.test(token)) return { ok: false, why: 'invalid' };
  const raw = Buffer.from(token, 'base64url');
  if (raw.length !== 20 + TAG_BYTES) return { ok: false, why: 'invalid' };
  const body = raw.subarray(0, 20);
  if (!timingSafeEqual(raw.subarray(20), tag(key, body))) return { ok: false, why: 'invalid' };
  const expiresAt = new Date(body.readUInt32BE(16) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, why: 'expired' };
  return { ok: true, orderId: uuidOf(body.subarray(0, 16).toString('hex')), expiresAt };
}
