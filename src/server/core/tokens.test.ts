import { jwtVerify, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../http-error';
import { TokenService, type Principal } from './tokens';

const SECRET = 'a-test-secret-of-enough-length-for-hs256';
const tokens = new TokenService(SECRET, 900);
const key = new TextEncoder().encode(SECRET);
const principal: Principal = {
  associateId: 'a1',
  storeId: 'MI01',
  role: 'associate',
  deviceId: 'dev-1',
  name: 'Giulia',
  sessionId: 's1',
  refreshId: 'r1',
};

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    return error instanceof HttpError ? error.code : String(error);
  }
}

const joseToken = (claims: Record<string, unknown>, exp: number, audience = 'aisle-api') =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('a1')
    .setIssuer('aisle')
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(exp)
    .sign(key);

describe('access tokens checked with node:crypto', () => {
  it('are JWTs jose reads, and read back the principal', async () => {
    const { token, expiresAt } = await tokens.issueAccess(principal);
    const { payload, protectedHeader } = await jwtVerify(token, key, {
      issuer: 'aisle',
      audience: 'aisle-api',
    });
    expect(protectedHeader).toEqual({ alg: 'HS256' });
    expect(payload).toMatchObject({ sub: 'a1', store: 'MI01', sid: 's1', rid: 'r1' });
    expect(payload.exp).toBe(Math.floor(expiresAt.getTime() / 1000));
    expect(await tokens.verifyAccess(token)).toEqual(principal);
  });

  it('accept a token jose signed before the change', async () => {
    const token = await joseToken(
      { store: 'MI01', role: 'manager', dev: 'd', name: 'n', sid: 's9' },
      Math.floor(Date.now() / 1000) + 60,
    );
    expect(await tokens.verifyAccess(token)).toMatchObject({
      associateId: 'a1',
      role: 'manager',
      sessionId: 's9',
    });
  });

  it('tell an expired token from a bad one', async () => {
    const { token } = await tokens.issueAccess(principal, new Date(Date.now() - 901_000));
    expect(await codeOf(tokens.verifyAccess(token))).toBe('auth.tokenExpired');
    const other = new TokenService('another-secret-of-enough-length-for-hs256', 900);
    expect(await codeOf(other.verifyAccess((await tokens.issueAccess(principal)).token))).toBe(
      'auth.invalidToken',
    );
  });

  it('refuse a changed payload, another audience, alg none, and junk', async () => {
    const { token } = await tokens.issueAccess(principal);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, store: 'RM02' })).toString('base64url');
    const none = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const otherAudience = await joseToken(
      { store: 'MI01', role: 'associate' },
      Math.floor(Date.now() / 1000) + 60,
      'kiosk',
    );
    for (const bad of [
      `${header}.${forged}.${signature}`,
      `${none}.${payload}.`,
      `${header}.${payload}.${signature.slice(0, -4)}`,
      otherAudience,
      'abc.def.ghi',
      'not-a-token',
    ]) {
      expect(await codeOf(tokens.verifyAccess(bad))).toBe('auth.invalidToken');
    }
  });
});
