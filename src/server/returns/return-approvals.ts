import type { ReturnApproval } from '../../contract/returns';
import { recordAudit } from '../audit/audit';
import type { Principal } from '../core/tokens';
import type { Db } from '../db/client';
import { actorOf } from '../plugins/auth';
import { checkManagerPin } from './manager-pin';
import type { Limits } from '../rate-limit/limits';
import { signApproval } from './return-approval-token';

/**
 * A manager at the counter approves, with their PIN on the associate's device, setting the
 * policy aside for one return. The approval names the manager, this store, the return and the
 * reason; the `return.submit` command carries it and the server checks it again.
 */
export async function issueReturnApproval(
  db: Db,
  key: Uint8Array,
  principal: Principal,
  body: { returnId: string; employeeId: string; pin: string; reason: string },
  limits: Limits,
  ip: string,
): Promise<ReturnApproval> {
  const manager = await checkManagerPin(db, principal.storeId, body.employeeId, body.pin, limits, {
    ip,
    deviceId: principal.deviceId,
  });
  const { token, expiresAt } = await signApproval(key, {
    managerId: manager.id,
    storeId: principal.storeId,
    returnId: body.returnId,
    reason: body.reason,
  });
  await recordAudit(db, actorOf(principal), {
    action: 'return.approvalIssued',
    entityType: 'return',
    entityId: body.returnId,
    details: { managerId: manager.id, reason: body.reason, expiresAt: expiresAt.toISOString() },
  });
  return { approval: token, manager };
}
