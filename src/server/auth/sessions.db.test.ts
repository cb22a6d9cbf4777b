import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { DatabaseHandle } from '../db/client';
import { associates, auditLog } from '../db/schema';
import type { TestApp } from '../testing/test-app';
import { bearer, createTestApp } from '../testing/test-app';
import { openSecondHandle, testDatabaseKind } from '../testing/test-database';

// Issue 13 point 5: sessions end when they should (ADR 0026), on every API instance.

let t: TestApp;
/** A second API instance over the same database (its own pool and LISTEN on PostgreSQL). */
let other: TestApp;
let secondHandle: DatabaseHandle | undefined;

beforeAll(async () => {
  t = await createTestApp();
  secondHandle = testDatabaseKind() === 'postgres' ? await openSecondHandle(t.database) : undefined;
  other = await createTestApp({}, { database: secondHandle ?? t.database });
});

afterAll(async () => {
  await other?.app.close();
  await secondHandle?.close();
  await t?.close();
});

const queue = (app: TestApp, session: Session) =>
  app.app.inject({ url: '/api/queue', headers: bearer(session) });
const refresh = (app: TestApp, refreshToken: string) =>
  app.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } });

/** Polls until the token is refused, and answers how long it took (ms); fails after 5 s. */
async function msUntilRefused(app: TestApp, session: Session): Promise<number> {
  const started = Date.now();
  for (;;) {
    const response = await queue(app, session);
    if (response.statusCode === 401) {
      expect(response.json().code).toBe('auth.sessionEnded');
      return Date.now() - started;
    }
    if (Date.now() - started > 5_000) throw new Error('the token still works 5 s later');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('an access token', () => {
  it('is dead within seconds of sign-out, on this instance and on another', async () => {
    const session = await t.signIn({ deviceId: 'session-device-1' });
    // Both instances have seen it work, so both hold it in their cache.
    expect((await queue(t, session)).statusCode).toBe(200);
    expect((await queue(other, session)).statusCode).toBe(200);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: bearer(session),
      payload: { refreshToken: session.refreshToken },
    });
    expect(out.statusCode).toBe(204);
    expect((await queue(t, session)).statusCode).toBe(401);
    const elsewhere = await msUntilRefused(other, session);
    console.info(`sign-out reached the other instance in ${elsewhere} ms`);
    expect(elsewhere).toBeLessThan(5_000);
  });

  it('is dead within seconds of the associate being deactivated', async () => {
    const session = await t.signIn({ employeeId: '1004', deviceId: 'session-device-2' });
    expect((await queue(other, session)).statusCode).toBe(200);
    await t.database.db
      .update(associates)
      .set({ active: false })
      .where(eq(associates.id, session.associate.id));
    try {
      expect(await msUntilRefused(other, session)).toBeLessThan(5_000);
      expect(await msUntilRefused(t, session)).toBeLessThan(5_000);
      expect((await refresh(t, session.refreshToken)).statusCode).toBe(401);
    } finally {
      await t.database.db
        .update(associates)
        .set({ active: true })
        .where(eq(associates.id, session.associate.id));
    }
  });
});

describe('refresh tokens', () => {
  it('reusing a rotated one ends the whole family', async () => {
    const first = await t.signIn({ employeeId: '1002', deviceId: 'session-device-3' });
    const second = (await refresh(t, first.refreshToken)).json<Session>();
    expect((await queue(t, second)).statusCode).toBe(200);
    // The device kept the new token (it used it): the old one again is a thief's copy.
    const reused = await refresh(other, first.refreshToken);
    expect(reused.statusCode).toBe(401);
    expect(reused.json().code).toBe('auth.refreshInvalid');
    expect((await refresh(t, second.refreshToken)).statusCode).toBe(401);
    expect(await msUntilRefused(t, second)).toBeLessThan(5_000);
    const trail = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'auth.refreshReuse'));
    expect(trail.length).toBeGreaterThan(0);
  });

  it('a just-retired one is taken again while the device never used its successor', async () => {
    const first = await t.signIn({ employeeId: '1002', deviceId: 'session-device-4' });
    const lost = await refresh(t, first.refreshToken);
    expect(lost.statusCode).toBe(200);
    // The browser was killed before it stored the answer: it still holds the first token.
    const again = await refresh(t, first.refreshToken);
    expect(again.statusCode, again.body).toBe(200);
    const kept = again.json<Session>();
    // The lost successor is spent; the one the device kept works and rotates on.
    expect((await refresh(t, lost.json<Session>().refreshToken)).statusCode).toBe(401);
    expect((await queue(t, kept)).statusCode).toBe(200);
    const next = await refresh(t, kept.refreshToken);
    expect(next.statusCode).toBe(200);
    expect((await queue(t, next.json<Session>())).statusCode).toBe(200);
  });
});
