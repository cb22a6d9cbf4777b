import { and, eq } from 'drizzle-orm';
import { returnErrorCodes } from '../../contract/error-codes';
import type { ReturnSubmitArgs, ReturnViolationView } from '../../contract/returns';
import type { Executor } from '../db/client';
import { associates } from '../db/schema';
import { verifyApproval } from './return-approval-token';
import { ORDER_LEVEL, violationView } from './return-evaluation';
import { returnsRuntime } from './returns-runtime';

export type OverrideManager =
  | { ok: true; managerId: string; via: 'signedIn' | 'approval' }
  /** Why the override does not count: the return then waits for a manager with its violations. */
  | { ok: false; problem: ReturnViolationView };

/** An active manager of the store, or undefined. */
export async function activeManager(tx: Executor, associateId: string, storeId: string) {
  const [manager] = await tx
    .select({ id: associates.id, name: associates.name })
    .from(associates)
    .where(
      and(
        eq(associates.id, associateId),
        eq(associates.storeId, storeId),
        eq(associates.role, 'manager'),
        eq(associates.active, true),
      ),
    );
  return manager;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Who sets the policy aside for a `return.submit` with an override: the signed-in associate if
 * they are a manager of the store (the database says so, not only the token), otherwise the
 * manager named by the approval the command carries, which must be for this return, this store
 * and this reason, from a manager still active.
 */
export async function overrideManager(
  tx: Executor,
  actor: { id: string; storeId: string },
  args: ReturnSubmitArgs,
): Promise<OverrideManager> {
  const override = args.override;
  if (!override) throw new Error('overrideManager needs an override');
  if (await activeManager(tx, actor.id, actor.storeId)) {
    return { ok: true, managerId: actor.id, via: 'signedIn' };
  }
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
  const check = await verifyApproval(returnsRuntime().approvalKeys, override.approval);
  if (!check.ok) return invalid(check.why);
  const { claims } = check;
  if (claims.returnId !== args.returnId) return invalid('otherReturn');
  if (claims.storeId !== actor.storeId) return invalid('otherStore');
  if (claims.reason !== override.reason) return invalid('otherReason');
  if (!UUID.test(claims.managerId) || !(await activeManager(tx, claims.managerId, actor.storeId))) {
    return invalid('notAManager');
  }
  return { ok: true, managerId: claims.managerId, via: 'approval' };
}
