import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { EnrollmentCode, EnrollmentCodeStatus, KioskEnrolled } from '../../contract/kiosk';
import { kioskErrorCodes } from '../../contract/kiosk-codes';
import { kioskEnrollmentText, readKioskSetupCode } from '../../domain/kiosk-setup-code';
import type { Actor } from '../audit/audit';
import { recordAudit } from '../audit/audit';
import { signedIdKey, signIdToken, verifyIdToken } from '../core/signed-id-token';
import type { Db } from '../db/client';
import { kioskDevices, kioskEnrollmentCodes, stores } from '../db/schema';
import { iso } from '../db/time';
import { HttpError } from '../http-error';
import { hashKioskSecret, kioskActor, newKioskSecret } from './kiosk-auth';
import { findKiosk } from './kiosk-enrollment';

/**
 * Long enough to carry the tablet to the counter and point it at the manager's screen, short
 * enough that a photo of the QR is worth little: a code nobody used is simply shown again.
 */
export const ENROLLMENT_CODE_TTL_MS = 10 * 60_000;

/** Its own key: no curbside link or other signed reference passes for an enrollment code. */
export function enrollmentCodeKey(signingSecret: string): Buffer {
  return signedIdKey(signingSecret, 'aisle/kiosk-enrollment/v1');
}

const invalid = () =>
  new HttpError(404, kioskErrorCodes.enrollmentInvalid, 'This is not a kiosk enrollment code of this server');
const expired = () =>
  new HttpError(410, kioskErrorCodes.enrollmentExpired, 'This enrollment code has expired: show a new one');

/** A manager's new one-time code: what the QR holds, signed with its expiry. */
export async function issueEnrollmentCode(
  db: Db,
  key: Buffer,
  actor: Actor & { id: string; storeId: string },
  name: string,
  now = new Date(),
): Promise<EnrollmentCode> {
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + ENROLLMENT_CODE_TTL_MS);
  await db.transaction(async (tx) => {
    await tx.insert(kioskEnrollmentCodes).values({
      id,
      storeId: actor.storeId,
      name,
      createdBy: actor.id,
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
    });
    await recordAudit(tx, actor, {
      action: 'kiosk.enrollmentCode',
      entityType: 'kioskEnrollmentCode',
      entityId: id,
      details: { name, expiresAt: expiresAt.toISOString() },
    });
  });
  // The expiry is signed in whole seconds: say the same time the code stops working.
  const signedExpiry = new Date(Math.floor(expiresAt.getTime() / 1000) * 1000);
  return {
    id,
    name,
    text: kioskEnrollmentText(signIdToken(key, id, signedExpiry)),
    expiresAt: signedExpiry.toISOString(),
  };
}

/** What the manager's screen polls while it shows the QR: waiting, used (by which kiosk) or expired. */
export async function enrollmentCodeStatus(
  db: Db,
  storeId: string,
  codeId: string,
  now = new Date(),
): Promise<EnrollmentCodeStatus> {
  const [row] = await db
    .select()
    .from(kioskEnrollmentCodes)
    .where(and(eq(kioskEnrollmentCodes.id, codeId), eq(kioskEnrollmentCodes.storeId, storeId)));
  if (!row) throw new HttpError(404, kioskErrorCodes.notFound, 'No such enrollment code in this store');
  const expiresAt = iso(row.expiresAt);
  const kiosk = row.kioskId ? await findKiosk(db, storeId, row.kioskId) : null;
  const state = row.usedAt ? 'used' : new Date(expiresAt) <= now ? 'expired' : 'waiting';
  return { id: row.id, state, expiresAt, kiosk };
}

/**
 * A device scanned the manager's QR: it becomes a kiosk of that store, named as the manager
 * asked, with a fresh secret only it holds. The code is spent in the same transaction, so two
 * devices racing with one code get one kiosk between them. A forged code costs one HMAC.
 */
export async function redeemEnrollmentCode(
  db: Db,
  key: Buffer,
  text: string,
  now = new Date(),
): Promise<KioskEnrolled> {
  const read = readKioskSetupCode(text);
  if (read.kind !== 'enrollment') throw invalid();
  const check = verifyIdToken(key, read.code, now);
  if (!check.ok) throw check.why === 'expired' ? expired() : invalid();
  const secret = newKioskSecret();
  return db.transaction(async (tx) => {
    const [code] = await tx
      .select()
      .from(kioskEnrollmentCodes)
      .where(eq(kioskEnrollmentCodes.id, check.id))
      .for('update');
    // Signed, yet unknown: the database was reseeded since it was shown.
    if (!code) throw invalid();
    if (code.usedAt) {
      throw new HttpError(409, kioskErrorCodes.enrollmentUsed, 'This enrollment code was already used');
    }
    if (new Date(iso(code.expiresAt)) <= now) throw expired();
    const [kiosk] = await tx
      .insert(kioskDevices)
      .values({
        storeId: code.storeId,
        name: code.name,
        tokenHash: hashKioskSecret(secret),
        enrolledBy: code.createdBy,
      })
      .returning({ id: kioskDevices.id });
    const kioskId = kiosk!.id;
    await tx
      .update(kioskEnrollmentCodes)
      .set({ usedAt: now.toISOString(), kioskId })
      .where(eq(kioskEnrollmentCodes.id, code.id));
    await recordAudit(tx, kioskActor({ kioskId, storeId: code.storeId, name: code.name }), {
      action: 'kiosk.enroll',
      entityType: 'kiosk',
      entityId: kioskId,
      details: { name: code.name, by: 'enrollmentCode', codeId: code.id, issuedBy: code.createdBy },
    });
    const [store] = await tx
      .select({ id: stores.id, name: stores.name })
      .from(stores)
      .where(eq(stores.id, code.storeId));
    return {
      kiosk: { id: kioskId, name: code.name, store: store ?? { id: code.storeId, name: code.storeId } },
      secret,
    };
  });
}
