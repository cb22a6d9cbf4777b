import { describe, expect, it } from 'vitest';
import type { SyncSummary } from '../../local-db/replica-read';
import { syncHeadline } from './sync-headline';

const base: SyncSummary = {
  loaded: true,
  pending: 0,
  oldestPendingAt: null,
  attention: 0,
  lastSyncAt: 1_700_000_000_000,
  evictionNotice: false,
};

describe('syncHeadline', () => {
  it('says all synced only when nothing waits and the device has synced', () => {
    expect(syncHeadline(base)).toEqual([{ kind: 'allSynced' }]);
  });

  it('never says all synced while an action needs attention', () => {
    expect(syncHeadline({ ...base, attention: 2 })).toEqual([{ kind: 'attention', count: 2 }]);
    expect(syncHeadline({ ...base, attention: 1, pending: 3 })).toEqual([
      { kind: 'attention', count: 1 },
      { kind: 'pending', count: 3 },
    ]);
  });

  it('says what waits to be sent', () => {
    expect(syncHeadline({ ...base, pending: 1 })).toEqual([{ kind: 'pending', count: 1 }]);
  });

  it('never says all synced before the first sync', () => {
    expect(syncHeadline({ ...base, lastSyncAt: null })).toEqual([{ kind: 'notSyncedYet' }]);
  });

  it('says nothing before the outbox is read', () => {
    expect(syncHeadline({ ...base, loaded: false, attention: 0 })).toEqual([]);
  });
});
