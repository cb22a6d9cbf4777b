import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { rowsOf } from '../db/rows';
import { openTestDatabase, testDatabaseKind } from '../testing/test-database';
import { seedChain } from './seed-chain';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

/** The stock table's keys and indexes as the database describes them. */
async function stockSchema() {
  const result = await database.db.execute(sql`
    select pg_get_constraintdef(oid) as def from pg_constraint where conrelid = 'stock'::regclass
    union all select indexdef from pg_indexes where tablename = 'stock'
    order by 1`);
  return rowsOf<{ def: string }>(result).map((r) => r.def);
}

describe.skipIf(testDatabaseKind() !== 'postgres')('seedChain on PostgreSQL', () => {
  it('loads every store × product and puts back exactly the keys and indexes the migrations made', async () => {
    const before = await stockSchema();
    const stats = await seedChain(database, { stores: 15, products: 600 });
    expect(stats).toMatchObject({ stores: 15, products: 600, stockRows: 9_000 });
    expect(await stockSchema()).toEqual(before);
    const [counts] = rowsOf<{ stock: number; pairs: number; associates: number; soldOut: number }>(
      await database.db.execute(sql`
        select (select count(*)::int from stock) as stock,
          (select count(distinct (store_id, product_id))::int from stock) as pairs,
          (select count(*)::int from associates) as associates,
          (select count(*)::int from stock where on_hand = 0) as "soldOut"`),
    );
    expect(counts).toMatchObject({ stock: 9_000, pairs: 9_000, associates: 75 });
    // About one variant in ten is sold out, and nothing is over-reserved.
    expect(counts!.soldOut).toBeGreaterThan(400);
    expect(counts!.soldOut).toBeLessThan(1_400);
    const [bad] = rowsOf<{ n: number }>(
      await database.db.execute(
        sql`select count(*)::int as n from stock where reserved > on_hand or on_hand < 0`,
      ),
    );
    expect(bad!.n).toBe(0);
  });

  it('refuses a database that already holds data', async () => {
    await expect(seedChain(database, { stores: 15, products: 10 })).rejects.toThrow(/empty database/);
  });
});

describe.skipIf(testDatabaseKind() !== 'pglite')('seedChain on PGlite', () => {
  it('refuses: the chain is for PostgreSQL', async () => {
    await expect(seedChain(database)).rejects.toThrow(/PostgreSQL only/);
  });
});
