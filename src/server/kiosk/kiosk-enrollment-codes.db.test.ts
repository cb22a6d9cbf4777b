import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { EnrollmentCode, EnrollmentCodeStatus, KioskEnrolled } from '../../contract/kiosk';
import { kioskEnrollmentText } from '../../domain/kiosk-setup-code';
import { signIdToken } from '../core/signed-id-token';
import { auditLog, kioskEnrollmentCodes } from '../db/schema';
import type { TestApp } from '../testing/test-app';
import { bearer, createTestApp, TEST_JWT_SECRET } from '../testing/test-app';
import { enrollmentCodeKey, redeemEnrollmentCode } from './kiosk-enrollment-codes';

let t: TestApp;
let manager: Session;
let associate: Session;
const key = enrollmentCodeKey(TEST_JWT_SECRET);

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signIn({ employeeId: '1000', pin: '9999' });
  associate = await t.signIn();
});
afterAll(() => t?.close());

async function issue(who: Session = manager, name = 'Counter 2') {
  return t.app.inject({
    method: 'POST',
    url: '/api/kiosks/enrollment-codes',
    headers: bearer(who),
    payload: { name },
  });
}

const enroll = (code: string) =>
  t.app.inject({ method: 'POST', url: '/api/kiosk/enroll', payload: { code } });

const statusOf = async (id: string, who: Session = manager) =>
  t.app.inject({ url: `/api/kiosks/enrollment-codes/${id}`, headers: bearer(who) });

describe('kiosk enrollment by QR', () => {
  it("turns the scanned code into a kiosk of the manager's store, once, and audits both steps", async () => {
    const issued = await issue();
    expect(issued.statusCode, issued.body).toBe(201);
    const code = issued.json<EnrollmentCode>();
    expect(code.text).toMatch(/^AISLE:KIOSK:1:[A-Za-z0-9_-]{48}$/);
    const ttl = new Date(code.expiresAt).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(9 * 60_000);
    expect(ttl).toBeLessThanOrEqual(10 * 60_000);
    expect((await statusOf(code.id)).json<EnrollmentCodeStatus>()).toMatchObject({
      state: 'waiting',
      kiosk: null,
    });

    const enrolled = await enroll(code.text);
    expect(enrolled.statusCode, enrolled.body).toBe(201);
    expect(enrolled.headers['cache-control']).toBe('no-store');
    const { kiosk, secret } = enrolled.json<KioskEnrolled>();
    expect(kiosk).toMatchObject({ name: 'Counter 2', store: { id: 'MI01' } });

    // The secret works like one a manager enrolled by hand.
    const me = await t.app.inject({ url: '/api/kiosk/me', headers: { authorization: `Kiosk ${secret}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: kiosk.id, name: 'Counter 2' });

    // The manager's screen learns it was used, and by which kiosk.
    const status = (await statusOf(code.id)).json<EnrollmentCodeStatus>();
    expect(status).toMatchObject({
      state: 'used',
      kiosk: { id: kiosk.id, name: 'Counter 2', enrolledBy: { id: manager.associate.id } },
    });

    // Single use: a second device with the same photo of the QR gets nothing.
    const again = await enroll(code.text);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'kiosk.enrollmentUsed' });

    const actions = await t.database.db
      .select({ action: auditLog.action, entityId: auditLog.entityId, deviceId: auditLog.deviceId })
      .from(auditLog)
      .where(eq(auditLog.action, 'kiosk.enroll'));
    expect(actions).toContainEqual({
      action: 'kiosk.enroll',
      entityId: kiosk.id,
      deviceId: `kiosk:${kiosk.id}`,
    });
    const [issuedAudit] = await t.database.db
      .select({ actorId: auditLog.actorId })
      .from(auditLog)
      .where(eq(auditLog.entityId, code.id));
    expect(issuedAudit?.actorId).toBe(manager.associate.id);
  });

  it('lets only managers show a code, and only see codes of their own store', async () => {
    expect((await issue(associate)).statusCode).toBe(403);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/kiosks/enrollment-codes', payload: { name: 'x' } }))
        .statusCode,
    ).toBe(401);
    const code = (await issue()).json<EnrollmentCode>();
    const otherManager = await t.signIn({ storeId: 'MI02', employeeId: '2000', pin: '9999' });
    expect((await statusOf(code.id, otherManager)).statusCode).toBe(404);
  });

  it('refuses a forged, altered, foreign or expired code, before any kiosk exists', async () => {
    const code = (await issue()).json<EnrollmentCode>();
    const flipped = code.text.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'));
    for (const text of [flipped, 'AISLE:KIOSK:1:short', 'hello', code.text.replace('KIOSK', 'PASS')]) {
      const response = await enroll(text);
      expect(response.statusCode, text).toBe(404);
      expect(response.json()).toMatchObject({ code: 'kiosk.enrollmentInvalid' });
    }
    // Signed with another server's secret.
    const foreign = kioskEnrollmentText(
      signIdToken(
        enrollmentCodeKey('another-secret-of-at-least-32-characters!'),
        code.id,
        new Date(Date.now() + 60_000),
      ),
    );
    expect((await enroll(foreign)).statusCode).toBe(404);

    // Past its ten minutes: the signature says so, and so does the row.
    const later = new Date(Date.now() + 11 * 60_000);
    await expect(redeemEnrollmentCode(t.database.db, key, code.text, later)).rejects.toMatchObject({
      statusCode: 410,
      code: 'kiosk.enrollmentExpired',
    });
    const [row] = await t.database.db
      .select({ usedAt: kioskEnrollmentCodes.usedAt })
      .from(kioskEnrollmentCodes)
      .where(eq(kioskEnrollmentCodes.id, code.id));
    expect(row?.usedAt).toBeNull();
    const status = await statusOf(code.id);
    expect(status.json<EnrollmentCodeStatus>().state).toBe('waiting');
  });

  it('gives one kiosk when two devices race with the same code', async () => {
    const code = (await issue(manager, 'Race')).json<EnrollmentCode>();
    const answers = await Promise.all([enroll(code.text), enroll(code.text)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
  });

  it('refuses a flood of enrolment tries from one address with 429, and other addresses still enroll', async () => {
    const forged = `AISLE:KIOSK:1:${'A'.repeat(48)}`;
    const from = (remoteAddress: string) =>
      t.app.inject({ method: 'POST', url: '/api/kiosk/enroll', payload: { code: forged }, remoteAddress });
    for (let i = 0; i < 30; i++) expect((await from('203.0.113.7')).statusCode).toBe(404);
    const refused = await from('203.0.113.7');
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'request.rateLimited' });

    const issued = (await issue(manager, 'Counter 9')).json<EnrollmentCode>();
    const elsewhere = await t.app.inject({
      method: 'POST',
      url: '/api/kiosk/enroll',
      payload: { code: issued.text },
      remoteAddress: '198.51.100.20',
    });
    expect(elsewhere.statusCode, elsewhere.body).toBe(201);
  });
});
