import { eq } from 'drizzle-orm';
import { authErrorCodes } from '../../contract/error-codes';
import type { Db } from '../db/client';
import { associates } from '../db/schema';
import { HttpError } from '../http-error';
import { decoyHash, verifyPin } from './pin-hash';

const MAX_FAILED_ATTEMPTS = 5;
const LOCKOUT_MS = 5 * 60 * 1000;

type AssociateRow = typeof associates.$inferSelect;

export const badCredentials = () =>
  new HttpError(401, authErrorCodes.badCredentials, 'The employee ID or PIN is not right for this store');

/**
 * Checks an employee's PIN wherever one is typed (signing in, a manager approving at the
 * counter): an unknown or inactive employee costs the same time as a wrong PIN, five wrong PINs
 * lock the employee out for five minutes, a right one clears the count. Not in a transaction:
 * a failed attempt must stay counted.
 */
export async function checkPin(
  db: Db,
  associate: AssociateRow | undefined,
  pin: string,
): Promise<AssociateRow> {
  if (!associate || !associate.active) {
    await verifyPin(pin, await decoyHash);
    throw badCredentials();
  }
  if (associate.lockedUntil && new Date(associate.lockedUntil) > new Date()) {
    const retryAfterSeconds = Math.ceil((new Date(associate.lockedUntil).getTime() - Date.now()) / 1000);
    throw new HttpError(429, authErrorCodes.lockedOut, 'Too many wrong PINs; wait and try again', {
      retryAfterSeconds,
    });
  }
  if (!(await verifyPin(pin, associate.pinHash))) {
    const failed = associate.failedAttempts + 1;
    const locked = failed >= MAX_FAILED_ATTEMPTS;
    await db
      .update(associates)
      .set({
        failedAttempts: locked ? 0 : failed,
        lockedUntil: locked ? new Date(Date.now() + LOCKOUT_MS).toISOString() : null,
      })
      .where(eq(associates.id, associate.id));
    throw badCredentials();
  }
  if (associate.failedAttempts > 0 || associate.lockedUntil) {
    await db
      .update(associates)
      .set({ failedAttempts: 0, lockedUntil: null })
      .where(eq(associates.id, associate.id));
  }
  return associate;
}
