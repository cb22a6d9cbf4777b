import { signedIdKey, signIdToken, verifyIdToken } from '../core/signed-id-token';

/**
 * The reference a curbside link carries: the order's id and when the link stops working, signed
 * (src/server/core/signed-id-token.ts): 48 characters, good for one order only, under a key of
 * its own so no other token of the server can pass for a curbside link or the reverse.
 */
const LABEL = 'aisle/curbside/v1';

export type CurbsideCheck =
  { ok: true; orderId: string; expiresAt: Date } | { ok: false; why: 'expired' | 'invalid' };

export function curbsideKey(signingSecret: string): Buffer {
  return signedIdKey(signingSecret, LABEL);
}

/** The link's expiry: the end of the order's pickup hold. */
export function curbsideExpiry(readyAt: Date, pickupHoldDays: number): Date {
  return new Date(readyAt.getTime() + pickupHoldDays * 86_400_000);
}

export function signCurbsideToken(key: Buffer, orderId: string, expiresAt: Date): string {
  return signIdToken(key, orderId, expiresAt);
}

export function verifyCurbsideToken(key: Buffer, token: string, now = new Date()): CurbsideCheck {
  const check = verifyIdToken(key, token, now);
  return check.ok ? { ok: true, orderId: check.id, expiresAt: check.expiresAt } : check;
}

/** The curbside page's absolute link for a ready order, good until its hold ends. */
export function curbsideUrl(
  key: Buffer,
  baseUrl: string,
  order: { id: string; readyAt: Date; pickupHoldDays: number },
): string {
  const token = signCurbsideToken(key, order.id, curbsideExpiry(order.readyAt, order.pickupHoldDays));
  return new URL(`/curbside/${token}`, baseUrl).href;
}
