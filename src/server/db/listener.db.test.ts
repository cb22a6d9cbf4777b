import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './client';
import { openDatabase } from './client';
import { rowsOf } from './rows';
import { openTestDatabase, testDatabaseKind, testDatabaseUrl } from '../testing/test-database';

/** ADR 0044: one LISTEN connection per process, for every channel, that survives a drop. */
let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

function heard(handle: DatabaseHandle, channel: string) {
  const payloads: string[] = [];
  const waiters: (() => void)[] = [];
  const stop = handle.listen(channel, (payload) => {
    payloads.push(payload);
    for (const wake of waiters.splice(0)) wake();
  });
  return {
    stop,
    payloads,
    async next(count: number, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (payloads.length < count && Date.now() < deadline) {
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return payloads.slice();
    },
  };
}

const notify = (channel: string, payload: string) =>
  database.db.execute(sql`select pg_notify(${channel}, ${payload})`);

describe('database.listen', () => {
  it('hears NOTIFYs on each channel it listens on, and none after it stops', async () => {
    const one = heard(database, 'aisle_test_one');
    const two = heard(database, 'aisle_test_two');
    await Promise.all([one.stop, two.stop]);
    await notify('aisle_test_one', 'a');
    await notify('aisle_test_two', 'b');
    expect(await one.next(1)).toEqual(['a']);
    expect(await two.next(1)).toEqual(['b']);
    await (
      await one.stop
    )();
    await notify('aisle_test_one', 'late');
    await notify('aisle_test_two', 'c');
    expect(await two.next(2)).toEqual(['b', 'c']);
    expect(one.payloads).toEqual(['a']);
    await (
      await two.stop
    )();
  });
});

describe.skipIf(testDatabaseKind() !== 'postgres')('the listener connection on PostgreSQL', () => {
  const listeners = async (name: string) =>
    rowsOf<{ pid: number }>(
      await database.db.execute(
        sql`select pid from pg_stat_activity where datname = ${name} and application_name = 'aisle-listener'`,
      ),
    );

  it('is one for every channel, and listens again after the server drops it', async () => {
    const url = testDatabaseUrl(database)!;
    const name = new URL(url).pathname.slice(1);
    // The test database's own handle may have a listener open too: only the new one counts.
    const before = new Set((await listeners(name)).map((row) => row.pid));
    const ours = async () => (await listeners(name)).filter((row) => !before.has(row.pid));
    const handle = await openDatabase({ databaseUrl: url, listenUrl: url, dataDir: '' });
    try {
      const channels = ['aisle_test_a', 'aisle_test_b', 'aisle_test_c'].map((channel) =>
        heard(handle, channel),
      );
      await Promise.all(channels.map((c) => c.stop));
      const [only, ...others] = await ours();
      expect(only).toBeDefined();
      expect(others).toEqual([]);

      await database.db.execute(sql`select pg_terminate_backend(${only!.pid})`);
      // Reconnected (a new backend) and listening again on every channel.
      const deadline = Date.now() + 10_000;
      let again = await ours();
      while ((again.length !== 1 || again[0]!.pid === only!.pid) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        again = await ours();
      }
      expect(again.map((row) => row.pid)).not.toContain(only!.pid);
      expect(again).toHaveLength(1);
      await notify('aisle_test_c', 'after');
      expect(await channels[2]!.next(1)).toEqual(['after']);
    } finally {
      await handle.close();
    }
  });
});
