import type { CommandName } from '../contract/sync';

export const outboxStatuses = ['pending', 'inflight', 'retrying', 'acked', 'rejected', 'blocked'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

export interface CommandError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** What the associate decided about a rejected or blocked command. */
export type Resolution = 'discarded' | 'resent' | 'putBack';

/**
 * One associate action waiting for (or done with) the server. The id is the mutation id the
 * server dedupes on; `seq` is this device's stream position, taken at the first push (ADR 0007).
 */
export interface OutboxRecord {
  id: string;
  clientId: string;
  /** Enqueue order on this device: strict, gap-free, never reused. */
  localOrder: number;
  /** Null until the command first goes into a push batch, then kept for every resend. */
  seq: number | null;
  name: CommandName;
  v: number;
  args: Record<string, unknown>;
  /** E.g. 'order:<id>': a rejection blocks the later commands that share one. */
  entityKeys: string[];
  storeId: string;
  associateId: string;
  /** For the activity list: who did it, on which order, in words. */
  associateName: string;
  orderNumber: string | null;
  /** Display only: device clocks never decide anything. */
  createdAt: string;
  status: OutboxStatus;
  attempts: number;
  /** Epoch ms before which a retrying command is not sent again by a timer. */
  nextAttemptAt: number;
  lastError?: CommandError;
  /** Epoch ms of the first of an unbroken run of server failures of this command alone. */
  failingSince?: number;
  result?: unknown;
  /** When it reached acked or rejected, for the 24 h retention of the activity list. */
  settledAt?: number;
  resolution?: Resolution;
  escalatedAt?: string;
}

/** States in which a command still counts as this device's unsynced work. */
export const unsyncedStatuses: readonly OutboxStatus[] = ['pending', 'inflight', 'retrying'];

export function isUnsynced(record: Pick<OutboxRecord, 'status'>): boolean {
  return unsyncedStatuses.includes(record.status);
}

/** Rejected or blocked and not yet decided on by the associate. */
export function needsAttention(record: Pick<OutboxRecord, 'status' | 'resolution'>): boolean {
  return (record.status === 'rejected' || record.status === 'blocked') && !record.resolution;
}

/**
 * Whether the command's effect is still shown on top of the server state: it is not refused,
 * and the last pull did not already include it (its seq is not yet processed by the server).
 */
export function isFolded(
  record: Pick<OutboxRecord, 'status' | 'seq' | 'resolution'>,
  pulledSeq: number,
): boolean {
  if (record.status === 'rejected' || record.status === 'blocked') return false;
  return record.seq === null || record.seq > pulledSeq;
}

export const orderKey = (orderId: string) => `order:${orderId}`;
