import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LockOutsResponse } from '../../contract/manager';
import { associates, auditLog } from '../db/schema';
import type { TestApp } from '../testing/test-app';
import { bearer, createTestApp } from '../testing/test-app';

// Issue 13 point 4: throttling that no outsider can turn into a lock-out (ADR 0025).

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(() => t?.close());

const signIn = (employeeId: string, pin: string, deviceId: string, ip: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { storeId: 'MI01', employeeId, pin, deviceId },
    remoteAddress: ip,
  });

describe('wrong PINs', () => {
  it("an outsider's guesses cannot lock out an associate on their usual device", async () => {
    // 1002 works on handheld H1; the store's devices share one address behind its router.
    expect((await signIn('1002', '1234', 'handheld-h1', '203.0.113.10')).statusCode).toBe(200);
    const outsider: number[] = [];
    for (let i = 0; i < 25; i++) {
      outsider.push(
        (await signIn('1002', String(1000 + i), `burner-device-${i}`, '203.0.113.10')).statusCode,
      );
    }
    expect(outsider.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(outsider.slice(5).every((status) => status === 429)).toBe(true);
    // The associate still gets in on H1, from the very same address.
    const genuine = await signIn('1002', '1234', 'handheld-h1', '203.0.113.10');
    expect(genuine.statusCode, genuine.body).toBe(200);
    // Another device 1002 never used waits like the outsider.
    const elsewhere = await signIn('1002', '1234', 'new-tablet', '198.51.100.7');
    expect(elsewhere.statusCode).toBe(429);
    expect(elsewhere.json()).toMatchObject({ code: 'auth.lockedOut', details: { scope: 'account' } });
  });

  it('slows and refuses 120 wrong PINs across 30 employees from one client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 120; i++) {
      const employeeId = String(1000 + (i % 30));
      statuses.push((await signIn(employeeId, '0000', `spray-device-${i}`, '192.0.2.50')).statusCode);
    }
    // Ten go free, then every try waits a growing delay and is refused before any PIN check
    // (a try at an account already waiting is refused without counting, hence slice(20)).
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
    const refused = await signIn('1001', '1234', 'spray-device-last', '192.0.2.50');
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({
      code: 'auth.lockedOut',
      details: { scope: 'address', retryAfterSeconds: expect.any(Number) },
    });
    // Another client is not held back by it.
    expect((await signIn('1001', '1234', 'test-device-0001', '192.0.2.51')).statusCode).toBe(200);
  });

  it('refuses unknown employees per address before the scrypt cost', async () => {
    const statuses: number[] = [];
    const started = performance.now();
    for (let i = 0; i < 160; i++) {
      statuses.push(
        (await signIn(`9${String(i).padStart(3, '0')}`, '1234', 'unknown-device', '192.0.2.60')).statusCode,
      );
    }
    const elapsed = performance.now() - started;
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
    // Printed, not asserted: 150 refusals cost no scrypt (about 50 ms each otherwise).
    console.info(`160 unknown-employee sign-ins: ${Math.round(elapsed)} ms`);
  });
});

describe('a manager lifts a lock-out', () => {
  it('lists the locked associate, lifts the lock, and audits it', async () => {
    for (let i = 0; i < 5; i++) await signIn('1003', '0000', 'somewhere', `198.51.100.${20 + i}`);
    const locked = await signIn('1003', '1234', 'new-phone', '198.51.100.40');
    expect(locked.statusCode).toBe(429);

    const manager = await t.signIn({ employeeId: '1000', pin: '9999' });
    const associate = await t.signIn();
    const [row] = await t.database.db.select().from(associates).where(eq(associates.employeeId, '1003'));
    const forbidden = await t.app.inject({ url: '/api/manager/lock-outs', headers: bearer(associate) });
    expect(forbidden.statusCode).toBe(403);
    const list = await t.app.inject({ url: '/api/manager/lock-outs', headers: bearer(manager) });
    expect(list.statusCode).toBe(200);
    expect(list.json<LockOutsResponse>().lockedOut).toContainEqual(
      expect.objectContaining({ id: row!.id, employeeId: '1003', lockedUntil: expect.any(String) }),
    );

    const lift = await t.app.inject({
      method: 'POST',
      url: `/api/manager/associates/${row!.id}/lift-lock-out`,
      headers: bearer(manager),
    });
    expect(lift.statusCode).toBe(204);
    expect((await signIn('1003', '1234', 'new-phone', '198.51.100.40')).statusCode).toBe(200);
    const after = await t.app.inject({ url: '/api/manager/lock-outs', headers: bearer(manager) });
    expect(after.json<LockOutsResponse>().lockedOut.map((a) => a.id)).not.toContain(row!.id);
    const trail = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'auth.lockOutLifted'));
    expect(trail).toContainEqual(expect.objectContaining({ entityId: row!.id }));

    // Another store's associate is not this manager's to unlock.
    const [foreign] = await t.database.db.select().from(associates).where(eq(associates.storeId, 'MI02'));
    const denied = await t.app.inject({
      method: 'POST',
      url: `/api/manager/associates/${foreign!.id}/lift-lock-out`,
      headers: bearer(manager),
    });
    expect(denied.statusCode).toBe(404);
    expect(denied.json()).toMatchObject({ code: 'manager.unknownAssociate' });
  });
});

describe('the growing delay', () => {
  it('doubles with every further failure, and is forgotten after a quiet hour', async () => {
    const limiter = t.app.limits.signInAddress;
    const start = Date.parse('2031-05-01T08:00:00Z');
    const at = (seconds: number) => new Date(start + seconds * 1000);
    for (let i = 0; i < 9; i++) expect((await limiter.hit('203.0.113.99', at(i))).exceeded).toBe(false);
    expect((await limiter.hit('203.0.113.99', at(10))).retryAfterSeconds).toBe(30);
    expect((await limiter.peek('203.0.113.99', at(20))).exceeded).toBe(true);
    expect((await limiter.peek('203.0.113.99', at(41))).exceeded).toBe(false);
    expect((await limiter.hit('203.0.113.99', at(41))).retryAfterSeconds).toBe(60);
    expect((await limiter.peek('203.0.113.99', at(102))).exceeded).toBe(false);
    expect((await limiter.hit('203.0.113.99', at(102))).retryAfterSeconds).toBe(120);
    expect((await limiter.peek('203.0.113.99', at(102 + 3601))).exceeded).toBe(false);
    expect((await limiter.hit('203.0.113.99', at(102 + 3601))).exceeded).toBe(false);
  });
});
