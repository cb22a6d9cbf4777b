import { createHmac } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';

/**
 * A manager's approval to set the return policy aside for one return, signed on the server and
 * carried by the `return.submit` command, which may wait in an offline outbox: hence 30 days.
 * It names the manager, the store, the return and the reason, so it is good for nothing else.
 * The key is derived from the server's token-signing secret under its own label, so an access
 * token can never pass for an approval or the reverse.
 */
export const APPROVAL_TTL_DAYS = 30;
const ISSUER = 'aisle';
const AUDIENCE = 'aisle-return-approval';

export interface ApprovalClaims {
  managerId: string;
  storeId: string;
  returnId: string;
  reason: string;
}

export type ApprovalCheck =
  { ok: true; claims: ApprovalClaims } | { ok: false; why: 'expired' | 'badSignature' | 'malformed' };

export function approvalKey(signingSecret: string): Uint8Array {
  return new Uint8Array(createHmac('sha256', signingSecret).update('aisle/return-approval/v1').digest());
}

export async function signApproval(
  key: Uint8Array,
  claims: ApprovalClaims,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(now.getTime() + APPROVAL_TTL_DAYS * 86_400_000);
  const token = await new SignJWT({ store: claims.storeId, rid: claims.returnId, reason: claims.reason })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.managerId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key);
  return { token, expiresAt };
}

/** Checks an approval against each key this server signs with; says why it is not good. */
export async function verifyApproval(keys: readonly Uint8Array[], token: string): Promise<ApprovalCheck> {
  let why: 'expired' | 'badSignature' | 'malformed' = 'badSignature';
  for (const key of keys) {
    try {
      const { payload } = await jwtVerify(token, key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
      });
      const { sub, store, rid, reason } = payload as Record<string, unknown>;
      if (
        typeof sub !== 'string' ||
        typeof store !== 'string' ||
        typeof rid !== 'string' ||
        typeof reason !== 'string'
      ) {
        return { ok: false, why: 'malformed' };
      }
      return { ok: true, claims: { managerId: sub, storeId: store, returnId: rid, reason } };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) return { ok: false, why: 'expired' };
      if (!(error instanceof joseErrors.JWSSignatureVerificationFailed)) why = 'malformed';
    }
  }
  return { ok: false, why };
}
