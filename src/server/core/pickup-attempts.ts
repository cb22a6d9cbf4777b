import type { CommandActor } from '../../commands/order-tx';
import { handoverErrorCodes } from '../../domain/pickup-pass';
import { recordAudit, type Actor, type AuditEntry } from '../audit/audit';
import type { Db, Executor } from '../db/client';
import type { Limits } from '../rate-limit/limits';

/** A pickup code or pass the server refused for an order (command-facts.ts checkPickups). */
export interface PickupRefusal {
  orderId: string;
  storeId: string;
  /** The refusal's code (handover.codeMismatch…); never what was typed. */
  reason: string;
  /** A typed code (or unsigned v1 pass), as opposed to a signed pass. */
  typed: boolean;
}

/** Each wrong typed code counts against the order's limit (never what was typed). */
export async function countPickupRefusals(limits: Limits, refusals: readonly PickupRefusal[]): Promise<void> {
  for (const refusal of refusals) {
    if (refusal.typed && refusal.reason === handoverErrorCodes.codeMismatch) {
      await limits.handoverOrder.hit(refusal.orderId);
    }
  }
}

/** Every refusal is audited: order.handoverCodeRefused, with the reason and the associate, never the code. */
export function pickupRefusalAudit(
  actor: Pick<CommandActor, 'id' | 'storeId' | 'deviceId'>,
  refusal: PickupRefusal,
): { actor: Actor; entry: AuditEntry } {
  return {
    actor: { type: 'associate', id: actor.id, storeId: refusal.storeId, deviceId: actor.deviceId ?? null },
    entry: {
      action: 'order.handoverCodeRefused',
      entityType: 'order',
      entityId: refusal.orderId,
      details: { reason: refusal.reason, via: refusal.typed ? 'code' : 'signedPass' },
    },
  };
}

async function auditPickupRefusals(
  executor: Executor,
  actor: Pick<CommandActor, 'id' | 'storeId' | 'deviceId'>,
  refusals: readonly PickupRefusal[],
): Promise<void> {
  for (const refusal of refusals) {
    const audit = pickupRefusalAudit(actor, refusal);
    await recordAudit(executor, audit.actor, audit.entry);
  }
}

/**
 * After a REST handover's transaction, whether it committed or not: counted and audited outside
 * it, so a refused handover, which rolls back, still counts. A push batch commits its refusals
 * (they are consumed commands), so it audits them inside its transaction, in order with the
 * batch's other entries, and counts them once it committed (push-service.ts).
 */
export async function recordPickupRefusals(
  db: Db,
  limits: Limits,
  actor: Pick<CommandActor, 'id' | 'storeId' | 'deviceId'>,
  refusals: readonly PickupRefusal[],
): Promise<void> {
  await countPickupRefusals(limits, refusals);
  await auditPickupRefusals(db, actor, refusals);
}
