import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { TestApp } from '../testing/test-app';
import { bearer, createTestApp, TEST_JWT_SECRET } from '../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const signInRaw = (payload: Record<string, string>) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { storeId: 'MI01', deviceId: 'test-device-auth', ...payload },
  });

describe('signing in with employee ID and PIN', () => {
  it('returns a session with a short-lived access token and the associate', async () => {
    const session = await t.signIn();
    expect(session.associate).toMatchObject({ employeeId: '1001', role: 'associate', storeId: 'MI01' });
    const ttl = new Date(session.accessTokenExpiresAt).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(900_000);
    const me = await t.app.inject({ url: '/api/auth/me', headers: bearer(session) });
    expect(me.json()).toMatchObject({ employeeId: '1001', storeName: expect.stringContaining('Milano') });
  });

  it('refuses a wrong PIN, an unknown employee, and an employee of another store alike', async () => {
    for (const attempt of [
      { employeeId: '1003', pin: '0000' },
      { employeeId: '9999', pin: '1234' },
      { employeeId: '3001', pin: '1234' },
    ]) {
      const response = await signInRaw(attempt);
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('auth.badCredentials');
    }
  });

  it('locks an employee out after five wrong PINs', async () => {
    for (let i = 0; i < 5; i++) await signInRaw({ employeeId: '1004', pin: '0000' });
    const locked = await signInRaw({ employeeId: '1004', pin: '1234' });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('auth.lockedOut');
    expect(locked.json().details.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('tells a storm of sign-ins past the PIN-check queue to come back (503 auth.busy, Retry-After)', async () => {
    const storm = await Promise.all(
      Array.from({ length: 80 }, () => signInRaw({ employeeId: '1001', pin: '1234' })),
    );
    const busy = storm.filter((response) => response.statusCode === 503);
    expect(busy.length).toBeGreaterThan(0);
    expect(busy[0]!.json()).toMatchObject({ code: 'auth.busy', details: { retryAfterSeconds: 2 } });
    expect(busy[0]!.headers['retry-after']).toBe('2');
    expect(storm.filter((response) => response.statusCode === 200)).toHaveLength(80 - busy.length);
    // Nothing was counted against the PIN: the next sign-in goes through.
    expect((await signInRaw({ employeeId: '1001', pin: '1234' })).statusCode).toBe(200);
  });

  it('rotates refresh tokens: a spent one is refused', async () => {
    const session = await t.signIn();
    const refreshed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: session.refreshToken },
    });
    expect(refreshed.statusCode).toBe(200);
    const next = refreshed.json<Session>();
    expect(next.refreshToken).not.toBe(session.refreshToken);
    expect((await t.app.inject({ url: '/api/queue', headers: bearer(next) })).statusCode).toBe(200);
    const reused = await t.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: session.refreshToken },
    });
    expect(reused.statusCode).toBe(401);
    expect(reused.json().code).toBe('auth.refreshInvalid');
  });

  it('revokes the refresh token at sign-out', async () => {
    const session = await t.signIn();
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: bearer(session),
      payload: { refreshToken: session.refreshToken },
    });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: session.refreshToken },
    });
    expect(after.statusCode).toBe(401);
  });
});

describe('guarded routes', () => {
  it('answer 401 with a code without, or with a bad, token', async () => {
    const none = await t.app.inject({ url: '/api/queue' });
    expect(none.statusCode).toBe(401);
    expect(none.json().code).toBe('auth.missingToken');
    const forged = await t.app.inject({
      url: '/api/queue',
      headers: { authorization: 'Bearer abc.def.ghi' },
    });
    expect(forged.json().code).toBe('auth.invalidToken');
  });

  it('tell an expired token apart, so the device asks for the PIN again', async () => {
    const session = await t.signIn();
    const past = Math.floor(Date.now() / 1000) - 3600;
    const expired = await new SignJWT({ store: 'MI01', role: 'associate', dev: 'x', name: 'x' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(session.associate.id)
      .setIssuer('aisle')
      .setAudience('aisle-api')
      .setIssuedAt(past - 900)
      .setExpirationTime(past)
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    const response = await t.app.inject({
      url: '/api/queue',
      headers: { authorization: `Bearer ${expired}` },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('auth.tokenExpired');
  });

  it('keep manager actions from associates with 403', async () => {
    const associate = await t.signIn();
    const queue = await t.app.inject({ url: '/api/queue', headers: bearer(associate) });
    const orderId = queue.json().orders[0].id;
    const cancel = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${orderId}/cancel`,
      headers: bearer(associate),
      payload: { reason: 'test' },
    });
    expect(cancel.statusCode).toBe(403);
    expect(cancel.json().code).toBe('auth.forbidden');

    const manager = await t.signIn({ employeeId: '1000', pin: '9999' });
    const open = queue.json().orders.find((o: { status: string }) => o.status === 'new');
    const allowed = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${open.id}/cancel`,
      headers: bearer(manager),
      payload: { reason: 'customer called' },
    });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json().status).toBe('cancelled');
  });
});
