import { and, eq } from 'drizzle-orm';
import { authErrorCodes } from '../../contract/error-codes';
import type { Db } from '../db/client';
import { associates } from '../db/schema';
import { HttpError } from '../http-error';
import { checkPin } from '../auth/pin-check';

// A PIN typed at the counter for an approval counts towards the same lockout as one typed to
// sign in (src/server/auth/pin-check.ts).
/**
 * A manager of the store proves they are at the counter with their employee ID and PIN. Wrong
 * PINs count and lock the employee out as at sign-in; a right PIN of someone who is not a
 * manager is 403. Not in a transaction: a failed attempt must stay counted.
 */
export async function checkManagerPin(
  db: Db,
  storeId: string,
  employeeId: string,
  pin: string,
): Promise<{ id: string; name: string }> {
  const [row] = await db
    .select()
    .from(associates)
    .where(and(eq(associates.storeId, storeId), eq(associates.employeeId, employeeId)));
  const associate = await checkPin(db, row, pin);
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
