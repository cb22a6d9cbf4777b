import type { Executor } from '../db/client';
import { auditLog } from '../db/schema';

export interface Actor {
  type: 'associate' | 'platform' | 'system' | 'customer';
  id: string | null;
  storeId: string | null;
  deviceId: string | null;
}

export const systemActor: Actor = { type: 'system', id: null, storeId: null, deviceId: null };

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  storeId?: string;
  details?: Record<string, unknown>;
}

/** The audit_log row for an entry: who did what to which entity, from which device. */
export function auditRow(actor: Actor, entry: AuditEntry): typeof auditLog.$inferInsert {
  return {
    storeId: entry.storeId ?? actor.storeId,
    actorType: actor.type,
    actorId: actor.id,
    deviceId: actor.deviceId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    details: entry.details ?? {},
  };
}

/**
 * Writes who did what to which entity, from which device. Call it inside the transaction of
 * the change itself, so an action and its audit row commit or vanish together.
 */
export async function recordAudit(db: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values(auditRow(actor, entry));
}
