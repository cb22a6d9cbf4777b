import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './client';
import { preparedStatement } from './prepared';
import { rowsOf } from './rows';
import { openSecondHandle, openTestDatabase, testDatabaseKind } from '../testing/test-database';

/**
 * Issue 16 point 2: the hot paths' statements go named (parsed and planned once per
 * connection), and unnamed where the handle is told a pooler cannot keep them (ADR 0048).
 */
const version = preparedStatement<{ storeId: string }>(
  'aisle_test_version',
  sql`select coalesce((select version from store_sync where store_id = ${sql.placeholder('storeId')}::text), 0) as version`,
);

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

/** The named statements of the one connection a pool of one holds. */
async function namedOn(handle: DatabaseHandle): Promise<string[]> {
  const rows = rowsOf<{ name: string }>(
    await handle.db.execute(sql`select name from pg_prepared_statements`),
  );
  return rows.map((row) => row.name);
}

describe('a prepared statement', () => {
  it('answers with its values, on either database', async () => {
    await database.db.execute(
      sql`insert into store_sync (store_id, version) values ('MI01', 41) on conflict (store_id) do update set version = 41`,
    );
    for (const storeId of ['MI01', 'MI02', 'MI01']) {
      const [row] = await version<{ version: string | number }>(database.db, { storeId });
      expect(Number(row?.version)).toBe(storeId === 'MI01' ? 41 : 0);
    }
  });

  it.skipIf(testDatabaseKind() !== 'postgres')(
    'is kept by its name on the connection, unless told not to',
    async () => {
      const named = await openSecondHandle(database, { poolSize: 1 });
      const unnamed = await openSecondHandle(database, { poolSize: 1, preparedStatements: false });
      try {
        for (const handle of [named, unnamed]) {
          await version(handle.db, { storeId: 'MI01' });
          await version(handle.db, { storeId: 'MI02' });
        }
        expect(await namedOn(named)).toContain('aisle_test_version');
        expect(await namedOn(unnamed)).toEqual([]);
        // Inside a transaction too: the statement goes on the transaction's connection.
        await unnamed.db.transaction(async (tx) => {
          const [row] = await version<{ version: string | number }>(tx, { storeId: 'MI01' });
          expect(Number(row?.version)).toBe(41);
        });
        expect(await namedOn(unnamed)).toEqual([]);
      } finally {
        await named.close();
        await unnamed.close();
      }
    },
  );
});
