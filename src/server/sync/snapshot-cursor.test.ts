import { describe, expect, it } from 'vitest';
import { SYNC_CURSOR } from '../../contract/sync';
import { isSnapshotCursor, readSnapshotCursor, writeSnapshotCursor } from './snapshot-service';
import { parseCursor } from './pull-service';

describe("a snapshot page's cursor", () => {
  it('reads back what it was written from, and passes the contract', () => {
    const cursor = { version: 42, seq: 7, page: 3, afterSku: 'SNK-ROMA-BLK-40-FW26' };
    const text = writeSnapshotCursor(cursor);
    expect(text).toMatch(SYNC_CURSOR);
    expect(isSnapshotCursor(text)).toBe(true);
    expect(readSnapshotCursor(text)).toEqual(cursor);
    // A delta's parser sees no version in it, and a delta cursor is no snapshot cursor.
    expect(parseCursor(text)).toBeUndefined();
    expect(readSnapshotCursor('v2:42')).toBeUndefined();
    expect(isSnapshotCursor('v2:42')).toBe(false);
  });

  it('is undefined for anything this server cannot have written', () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64url');
    for (const text of [
      's1:',
      's1:1.0.2',
      `s1:1.0.1.${b64('A')}`, // page 1 has no cursor
      `s1:x.0.2.${b64('A')}`,
      `s1:1.0.2.${b64('')}`,
      `s1:1.0.2.${b64('A\u0000B')}`,
      `s1:1.0.2.${b64('é')}`,
      `s1:1.-1.2.${b64('A')}`,
    ]) {
      expect(readSnapshotCursor(text), text).toBeUndefined();
    }
  });
});
