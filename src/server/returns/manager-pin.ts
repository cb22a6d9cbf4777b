import { and, eq } from 'drizzle-orm';
import { authErrorCodes } from '../../contract/error-codes';
import type { Db } from '../db/client';
import { associates } from '../db/schema';
import { HttpError } from '../http-error';
import { checkPin, type PinAttempt } from '../core/pin-check';
import type { Limits } from '../rate-limit/limits';

// A PIN typed at the counter for an approval counts towards the same throttle as one typed to
// sign in (src/server/core/pin-check.ts).
/**
 * A manager of the store proves they are at the counter with their employee ID and PIN. Wrong
 * PINs are throttled as at sign-in; a right PIN of someone who is not a
 * manager is 403. Not in a transaction: a failed attempt must stay counted.
 */
export async function checkManagerPin(
  db: Db,
  storeId: string,
  employeeId: string,
  pin: string,
  limits: Limits,
  attempt: PinAttempt,
): Promise<{ id: string; name: string }> {
  const [row] = await db
    .select()
    .from(associates)
    .where(and(eq(associates.storeId, storeId), eq(associates.employeeId, employeeId)));
  const associate = await checkPin(db, limits, row, pin, attempt);
  if (associate.role !== 'manager') {
    throw new HttpError(
      403,
      authErrorCodes.forbidden,
      'Only a manager can approve a return outside the policy',
      {
        role: associate.role,
      },
    );
  }
  return { id: associate.id, name: associate.name };
}
