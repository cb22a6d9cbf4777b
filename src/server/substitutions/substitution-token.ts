import { signedIdKey, signIdToken, verifyIdToken, type SignedIdCheck } from '../core/signed-id-token';

/**
 * The reference a substitution link carries: the order line's id and when the link stops working,
 * signed (src/server/core/signed-id-token.ts) under a key of its own, so no curbside link or other
 * token passes for it. It outlives the answer deadline by a day, so a late customer is told the
 * request was closed rather than that the link is broken.
 */
const LABEL = 'aisle/substitution/v1';
const GRACE_MS = 86_400_000;

export function substitutionKey(signingSecret: string): Buffer {
  return signedIdKey(signingSecret, LABEL);
}

export function substitutionLinkExpiry(deadline: string): Date {
  return new Date(Date.parse(deadline) + GRACE_MS);
}

export function verifySubstitutionToken(key: Buffer, token: string, now = new Date()): SignedIdCheck {
  return verifyIdToken(key, token, now);
}

/** The customer's answer page for one line's substitute. */
export function substitutionUrl(key: Buffer, baseUrl: string, lineId: string, deadline: string): string {
  const token = signIdToken(key, lineId, substitutionLinkExpiry(deadline));
  return new URL(`/substitution/${token}`, baseUrl).href;
}
