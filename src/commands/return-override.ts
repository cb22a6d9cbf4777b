import { returnErrorCodes } from '../contract/error-codes';
import type { ReturnSubmitArgs, ReturnViolationView } from '../contract/returns';
import { ORDER_LEVEL, violationView } from './return-evaluation';
import type { OrderTx } from './order-tx';

export type OverrideManager =
  | { ok: true; managerId: string; via: 'signedIn' | 'approval' }
  /** Why the override does not count: the return then waits for a manager with its violations. */
  | { ok: false; problem: ReturnViolationView };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Who sets the policy aside for a return with an override: the signed-in associate if they are
 * an active manager of the store (the database says so, not only the token), otherwise the
 * manager named by the approval the command carries, which must be for this return, this store
 * and this reason, from a manager still active. Undefined when this side cannot tell (a device
 * cannot check an approval's signature).
 */
export function overrideManager(
  tx: OrderTx,
  args: ReturnSubmitArgs & { override: NonNullable<ReturnSubmitArgs['override']> },
): OverrideManager | undefined {
  const { override } = args;
  const signedIn = tx.isActiveManager(tx.actor.id);
  if (signedIn === undefined) return undefined;
  if (signedIn) return { ok: true, managerId: tx.actor.id, via: 'signedIn' };
  if (!override.approval) {
    return {
      ok: false,
      problem: violationView(ORDER_LEVEL, returnErrorCodes.overrideNotAllowed, true, {
        reason: override.reason,
      }),
    };
  }
  const invalid = (why: string) => ({
    ok: false as const,
    problem: violationView(ORDER_LEVEL, returnErrorCodes.approvalInvalid, true, { why }),
  });
  const check = tx.approval(override.approval);
  if (check === undefined) return undefined;
  if (!check.ok) return invalid(check.why);
  const { claims } = check;
  if (claims.returnId !== args.returnId) return invalid('otherReturn');
  if (claims.storeId !== tx.actor.storeId) return invalid('otherStore');
  if (claims.reason !== override.reason) return invalid('otherReason');
  const active = UUID.test(claims.managerId) ? tx.isActiveManager(claims.managerId) : false;
  if (active === undefined) return undefined;
  if (!active) return invalid('notAManager');
  return { ok: true, managerId: claims.managerId, via: 'approval' };
}
