import type { SyncSummary } from '../../local-db/replica-read';

export type HeadlinePart =
  | { kind: 'attention'; count: number }
  | { kind: 'pending'; count: number }
  | { kind: 'allSynced' }
  | { kind: 'notSyncedYet' };

/**
 * What the sync line says first, in order of urgency. "All synced" only when nothing waits,
 * nothing needs a decision and the device has heard from the server at least once; before the
 * outbox is read it says nothing rather than a reassuring placeholder.
 */
export function syncHeadline(summary: SyncSummary): HeadlinePart[] {
  if (!summary.loaded) return [];
  const parts: HeadlinePart[] = [];
  if (summary.attention > 0) parts.push({ kind: 'attention', count: summary.attention });
  if (summary.pending > 0) parts.push({ kind: 'pending', count: summary.pending });
  if (parts.length > 0) return parts;
  return [{ kind: summary.lastSyncAt ? 'allSynced' : 'notSyncedYet' }];
}
