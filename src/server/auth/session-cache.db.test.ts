import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionGate } from '../core/session-gate';
import { TokenService, type Principal } from '../core/tokens';
import type { DatabaseHandle } from '../db/client';
import type { OnConnection } from '../db/listener';
import { authSessions } from '../db/schema';
import { HttpError } from '../http-error';
import type { TestApp } from '../testing/test-app';
import { createTestApp, TEST_JWT_SECRET } from '../testing/test-app';

/**
 * ADR 0048: a session check is kept for minutes while the listener has heard every NOTIFY, so
 * idle pulls need no database; when the listening connection drops, every kept answer goes,
 * and a session ended meanwhile (its NOTIFY lost) is refused at its next request.
 */
let t: TestApp;
let connection: OnConnection | undefined;
/** A listener that loses every NOTIFY and tells of its connection only when the test says. */
let deaf: DatabaseHandle;

beforeAll(async () => {
  t = await createTestApp();
  deaf = {
    ...t.database,
    listen: (_channel, _onPayload, onConnection) => {
      connection = onConnection;
      return Promise.resolve(async () => undefined);
    },
  };
});
afterAll(() => t?.close());

async function refusal(gate: SessionGate, principal: Principal): Promise<string> {
  try {
    await gate.check(principal);
    return 'accepted';
  } catch (error) {
    return error instanceof HttpError ? error.code : String(error);
  }
}

async function signedIn(deviceId: string): Promise<Principal> {
  const session = await t.signIn({ deviceId });
  return new TokenService(TEST_JWT_SECRET, 900).verifyAccess(session.accessToken);
}

const endInDatabase = (principal: Principal) =>
  t.database.db
    .update(authSessions)
    .set({ endedAt: new Date().toISOString() })
    .where(eq(authSessions.id, principal.sessionId!));

describe('the session cache', () => {
  it('forgets every answer when the listener loses its connection', async () => {
    const gate = new SessionGate(t.database.db, 5_000, 300_000);
    await gate.start(deaf);
    const principal = await signedIn('session-cache-1');
    expect(await refusal(gate, principal)).toBe('accepted');
    await endInDatabase(principal); // its NOTIFY never arrives
    connection?.(false);
    expect(await refusal(gate, principal)).toBe('auth.sessionEnded');
    connection?.(true);
    await gate.stop();
  });

  it('keeps answers only for the short time while the listener is down', async () => {
    const gate = new SessionGate(t.database.db, 50, 300_000);
    await gate.start(deaf);
    connection?.(false);
    const principal = await signedIn('session-cache-2');
    expect(await refusal(gate, principal)).toBe('accepted');
    await endInDatabase(principal);
    await new Promise((r) => setTimeout(r, 80));
    expect(await refusal(gate, principal)).toBe('auth.sessionEnded');
    await gate.stop();
  });
});
