import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Role } from '../../contract/auth';
import { authErrorCodes } from '../../contract/error-codes';
import { HttpError } from '../http-error';

/** Who is calling, as proven by the access token. Every route is scoped by `storeId`. */
export interface Principal {
  associateId: string;
  storeId: string;
  role: Role;
  deviceId: string;
  name: string;
  /** The session (refresh family) the access token belongs to (ADR 0026). */
  sessionId?: string | undefined;
  /** The refresh token issued with this access token; its use proves the device kept it. */
  refreshId?: string | undefined;
}

const ISSUER = 'aisle';
const AUDIENCE = 'aisle-api';
/** The protected header jose wrote for these tokens, kept byte for byte so both read each other's. */
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256' })).toString('base64url');

const invalidToken = () => new HttpError(401, authErrorCodes.invalidToken, 'The access token is not valid');

function decodeJson(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Access tokens are HS256 JWTs (RFC 7519), signed and checked with node:crypto's synchronous
 * HMAC on the request's own thread: every signed-in request checks one, and jose's WebCrypto
 * path queued them on libuv's four threads behind PIN hashing (issue 16). The format is the
 * one jose wrote, so tokens issued before the change stay good.
 */
export class TokenService {
  private readonly key: Buffer;
  constructor(
    secret: string,
    readonly accessTtlSeconds: number,
  ) {
    this.key = Buffer.from(secret, 'utf8');
  }

  private sign(input: string): Buffer {
    return createHmac('sha256', this.key).update(input).digest();
  }

  async issueAccess(principal: Principal, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(now.getTime() + this.accessTtlSeconds * 1000);
    const claims = {
      store: principal.storeId,
      role: principal.role,
      dev: principal.deviceId,
      name: principal.name,
      ...(principal.sessionId ? { sid: principal.sessionId } : {}),
      ...(principal.refreshId ? { rid: principal.refreshId } : {}),
      sub: principal.associateId,
      iss: ISSUER,
      aud: AUDIENCE,
      iat: Math.floor(now.getTime() / 1000),
      exp: Math.floor(expiresAt.getTime() / 1000),
    };
    const input = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return Promise.resolve({ token: `${input}.${this.sign(input).toString('base64url')}`, expiresAt });
  }

  /** Checks signature, issuer, audience and expiry as jose's jwtVerify did (no clock tolerance). */
  async verifyAccess(token: string, now = Date.now()): Promise<Principal> {
    return Promise.resolve(this.verifySync(token, now));
  }

  private verifySync(token: string, nowMs: number): Principal {
    const parts = token.split('.');
    if (parts.length !== 3) throw invalidToken();
    const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
    const header = decodeJson(headerPart);
    if (!header || header.alg !== 'HS256' || 'crit' in header) throw invalidToken();
    const given = Buffer.from(signaturePart, 'base64url');
    const expected = this.sign(`${headerPart}.${payloadPart}`);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidToken();
    const payload = decodeJson(payloadPart);
    if (!payload) throw invalidToken();
    const now = Math.floor(nowMs / 1000);
    const { sub, store, role, dev, name, sid, rid, iss, aud, exp, nbf, iat } = payload;
    const audiences = Array.isArray(aud) ? aud : [aud];
    if (iss !== ISSUER || !audiences.includes(AUDIENCE)) throw invalidToken();
    if (iat !== undefined && typeof iat !== 'number') throw invalidToken();
    if (nbf !== undefined && (typeof nbf !== 'number' || nbf > now)) throw invalidToken();
    if (exp !== undefined) {
      if (typeof exp !== 'number') throw invalidToken();
      if (exp <= now) {
        throw new HttpError(401, authErrorCodes.tokenExpired, 'The access token has expired; refresh it');
      }
    }
    if (
      typeof sub !== 'string' ||
      typeof store !== 'string' ||
      (role !== 'associate' && role !== 'manager')
    ) {
      throw new HttpError(401, authErrorCodes.invalidToken, 'The access token is malformed');
    }
    return {
      associateId: sub,
      storeId: store,
      role,
      deviceId: String(dev ?? ''),
      name: String(name ?? ''),
      sessionId: typeof sid === 'string' ? sid : undefined,
      refreshId: typeof rid === 'string' ? rid : undefined,
    };
  }
}

/** Refresh tokens are opaque random strings; only their hash is stored. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
