import { createHash, randomBytes } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
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

export class TokenService {
  private readonly key: Uint8Array;
  constructor(
    secret: string,
    readonly accessTtlSeconds: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issueAccess(principal: Principal, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(now.getTime() + this.accessTtlSeconds * 1000);
    const token = await new SignJWT({
      store: principal.storeId,
      role: principal.role,
      dev: principal.deviceId,
      name: principal.name,
      ...(principal.sessionId ? { sid: principal.sessionId } : {}),
      ...(principal.refreshId ? { rid: principal.refreshId } : {}),
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(principal.associateId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }

  async verifyAccess(token: string): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE });
      const { sub, store, role, dev, name, sid, rid } = payload as Record<string, unknown>;
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
    } catch (error) {
      if (error instanceof HttpError) throw error;
      if (error instanceof joseErrors.JWTExpired) {
        throw new HttpError(401, authErrorCodes.tokenExpired, 'The access token has expired; refresh it');
      }
      throw new HttpError(401, authErrorCodes.invalidToken, 'The access token is not valid');
    }
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
