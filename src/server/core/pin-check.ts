import { and, eq, sql } from 'drizzle-orm';
import { authErrorCodes } from '../../contract/error-codes';
import type { Db } from '../db/client';
import { associateDevices, type associates } from '../db/schema';
import { HttpError } from '../http-error';
import { normalizeIP } from '../rate-limit/limiter';
import type { Limits } from '../rate-limit/limits';
import { decoyHash, verifyPin } from './pin-hash';

type AssociateRow = typeof associates.$inferSelect;

/** Where a PIN was typed: the client address (request.ip) and the device's own id. */
export interface PinAttempt {
  ip: string;
  deviceId: string;
}

export const badCredentials = () =>
  new HttpError(401, authErrorCodes.badCredentials, 'The employee ID or PIN is not right for this store');

/** Whether the associate signed in on this device with the right PIN before. */
async function isUsualDevice(db: Db, associateId: string, deviceId: string): Promise<boolean> {
  const [row] = await db
    .select({ deviceId: associateDevices.deviceId })
    .from(associateDevices)
    .where(and(eq(associateDevices.associateId, associateId), eq(associateDevices.deviceId, deviceId)));
  return row !== undefined;
}

/** After a right PIN at sign-in: this device is now one of the associate's usual ones. */
export async function rememberDevice(db: Db, associateId: string, deviceId: string): Promise<void> {
  await db
    .insert(associateDevices)
    .values({ associateId, deviceId })
    .onConflictDoUpdate({
      target: [associateDevices.associateId, associateDevices.deviceId],
      set: { lastSignedInAt: sql`now()` },
    });
}

/**
 * Checks an employee's PIN wherever one is typed (signing in, a manager approving at the
 * counter), throttled so that no outsider can lock a genuine associate out (ADR 0025):
 * - on one of the associate's usual devices, only wrong PINs on that device count;
 * - anywhere else, wrong PINs count per client address and per account, and an unknown or
 *   inactive employee counts against the address; the address is checked before any scrypt.
 * Past the free tries each failure doubles the wait (429 auth.lockedOut with retryAfterSeconds).
 * An unknown employee costs the same time as a wrong PIN. Not in a transaction: a failed attempt
 * must stay counted.
 */
export async function checkPin(
  db: Db,
  limits: Limits,
  associate: AssociateRow | undefined,
  pin: string,
  attempt: PinAttempt,
): Promise<AssociateRow> {
  const genuine = associate && associate.active ? associate : undefined;
  const usual = genuine ? await isUsualDevice(db, genuine.id, attempt.deviceId) : false;
  const counters = usual
    ? [{ limiter: limits.signInDevice, key: `${genuine!.id}:${attempt.deviceId}`, scope: 'device' }]
    : [
        { limiter: limits.signInAddress, key: normalizeIP(attempt.ip), scope: 'address' },
        ...(genuine ? [{ limiter: limits.signInAccount, key: genuine.id, scope: 'account' }] : []),
      ];
  for (const counter of counters) {
    const verdict = await counter.limiter.peek(counter.key);
    if (verdict.exceeded) {
      throw new HttpError(429, authErrorCodes.lockedOut, 'Too many wrong PINs; wait and try again', {
        retryAfterSeconds: verdict.retryAfterSeconds,
        scope: counter.scope,
      });
    }
  }
  const right = await verifyPin(pin, genuine ? genuine.pinHash : await decoyHash);
  if (!genuine || !right) {
    for (const counter of counters) await counter.limiter.hit(counter.key);
    throw badCredentials();
  }
  // The right PIN: this account's own count starts again (the address's does not, so an
  // insider cannot reset it between guesses at other accounts).
  if (counters[0]?.scope === 'device') await limits.signInDevice.forget(counters[0].key);
  else await limits.signInAccount.forget(genuine.id);
  return genuine;
}
