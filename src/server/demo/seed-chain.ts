import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { toGtin14 } from '../../domain/gtin';
import { hashPin } from '../core/pin-hash';
import type { DatabaseHandle, Executor } from '../db/client';
import { rowsOf } from '../db/rows';
import * as t from '../db/schema';
import { createRng, demoPins, seedAssociates } from '../db/seed';
import { chainProducts, chainStores } from '../db/seed/chain';
import { isSeeded } from './seed-demo';

export interface ChainOptions {
  stores?: number;
  products?: number;
  seed?: number;
}

export interface ChainStats {
  stores: number;
  products: number;
  stockRows: number;
  /** Wall time of each phase, ms. */
  timings: { catalogue: number; stock: number; vacuum: number; total: number };
}

/**
 * Loads a big chain into an empty PostgreSQL database, for benchmarks: by default 200 stores ×
 * 20,000 products = 4,000,000 stock rows. Stores and products are generated in TypeScript
 * (src/server/db/seed/chain.ts) and sent as JSON in a few statements; the stock rows are made
 * by the database in one `INSERT … SELECT` over stores × products, with the figures drawn from
 * a hash of the pair, so a run is reproducible without sending 4 M rows over the wire. The
 * stock table's keys and indexes are dropped for the load and rebuilt after (a sorted build
 * is several times faster than 4 M index insertions and foreign-key checks), then VACUUM
 * ANALYZE leaves the planner statistics and visibility map of a settled database.
 *
 * Staff: the demo's five people per store (manager <n>000 PIN 9999, associates <n>001…004
 * PIN 1234), all sharing one scrypt hash per PIN: fine for a benchmark chain, never for real.
 * No orders and no staging locations. PostgreSQL only: PGlite would hold 4 M rows in memory.
 */
export async function seedChain(handle: DatabaseHandle, options: ChainOptions = {}): Promise<ChainStats> {
  if (handle.kind !== 'postgres') throw new Error('seedChain runs on PostgreSQL only');
  const { db } = handle;
  if (await isSeeded(db)) throw new Error('seedChain needs an empty database');
  const rng = createRng(options.seed ?? 20_260_501);
  const stores = chainStores(rng, options.stores ?? 200);
  const catalogue = chainProducts(rng, options.products ?? 20_000);
  const started = performance.now();

  await db.transaction(async (tx) => {
    await tx.insert(t.stores).values(stores);
    for (let i = 0; i < catalogue.length; i += 5_000) {
      const batch = catalogue.slice(i, i + 5_000).map((p) => ({ ...p, gtin14: toGtin14(p.barcode) }));
      await tx.execute(sql`
        insert into products (sku, gtin14, barcode, barcode_type, brand, name_it, name_en, category,
          color_it, color_en, size, price_cents, returnable)
        select sku, gtin14, barcode, "barcodeType", brand, "nameIt", "nameEn", category,
          "colorIt", "colorEn", size, "priceCents", returnable
        from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as r(sku text, gtin14 text,
          barcode text, "barcodeType" text, brand text, "nameIt" text, "nameEn" text, category text,
          "colorIt" text, "colorEn" text, size text, "priceCents" int, returnable boolean)`);
    }
    const pins = { associate: await hashPin(demoPins.associate), manager: await hashPin(demoPins.manager) };
    const staff = stores.flatMap((store, index) =>
      seedAssociates(index, rng).map(({ pin: _pin, ...a }) => ({
        ...a,
        storeId: store.id,
        pinHash: pins[a.role],
      })),
    );
    for (let i = 0; i < staff.length; i += 1_000) {
      await tx.insert(t.associates).values(staff.slice(i, i + 1_000));
    }
  });
  const catalogueMs = performance.now() - started;

  const stockStarted = performance.now();
  const stockRows = await db.transaction(async (tx) => {
    await tx.execute(sql`set local maintenance_work_mem = '256MB'`);
    return withoutKeys(tx, 'stock', () => insertStock(tx));
  });
  const stockMs = performance.now() - stockStarted;

  const vacuumStarted = performance.now();
  await db.execute(sql`vacuum (analyze) stores, products, associates, stock`);
  const vacuumMs = performance.now() - vacuumStarted;

  return {
    stores: stores.length,
    products: catalogue.length,
    stockRows,
    timings: {
      catalogue: catalogueMs,
      stock: stockMs,
      vacuum: vacuumMs,
      total: performance.now() - started,
    },
  };
}

/**
 * Every store × product. The pair's numbers (i, j) feed a multiplicative hash, so the figures
 * look random yet are the same each run: about 1 in 10 sold out, otherwise 1–20 on the shelf,
 * a unit reserved now and then, safety stock 0–2, a last update within the past week, a place
 * on the floor. One statement per store, as a chain is loaded one store at a time: the rows of
 * one product then lie on as many pages as there are stores (the lookup's worst case).
 */
async function insertStock(tx: Executor): Promise<number> {
  await tx.execute(sql`
    create temporary table chain_products on commit drop as
    select id, row_number() over (order by sku) as j from products`);
  const storeRows = rowsOf<{ id: string; i: number }>(
    await tx.execute(sql`select id, row_number() over (order by id)::int as i from stores order by id`),
  );
  let rows = 0;
  for (const store of storeRows) {
    const result = await tx.execute(sql`
      insert into stock (store_id, product_id, on_hand, reserved, safety_stock, aisle, bay, updated_at)
      select ${store.id}, p.id,
        case when h % 10 = 0 then 0 else 1 + (h / 10) % 20 end,
        case when h % 10 <> 0 and (h / 10) % 20 >= 4 and (h / 200) % 6 = 0 then 1 else 0 end,
        (h / 1200) % 3,
        'A' || lpad((1 + (h / 3600) % 14)::text, 2, '0'),
        lpad((1 + (h / 50400) % 12)::text, 2, '0'),
        now() - make_interval(secs => (h / 604800) % 604800)
      from chain_products p
      cross join lateral (select ((${store.i}::bigint * 1000003 + p.j) * 2654435761) % 4294967291 as h) k
      order by p.j`);
    rows += (result as { rowCount?: number | null }).rowCount ?? 0;
  }
  return rows;
}

/**
 * Runs `load` with the table's constraints (primary key, foreign keys) and indexes dropped,
 * then puts back exactly what was there, as the database itself describes it, so the
 * migrations stay the one source of the schema.
 */
async function withoutKeys<T>(tx: Executor, table: string, load: () => Promise<T>): Promise<T> {
  const constraints = rowsOf<{ name: string; def: string; type: string }>(
    await tx.execute(sql`
      select conname as name, pg_get_constraintdef(oid) as def, contype as type
      from pg_constraint where conrelid = ${table}::regclass and contype in ('p', 'u', 'f')`),
  );
  const indexes = rowsOf<{ name: string; def: string }>(
    await tx.execute(sql`
      select i.relname as name, pg_get_indexdef(x.indexrelid) as def
      from pg_index x join pg_class i on i.oid = x.indexrelid
      where x.indrelid = ${table}::regclass
        and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)`),
  );
  const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
  for (const c of constraints) {
    await tx.execute(sql.raw(`alter table ${quoted(table)} drop constraint ${quoted(c.name)}`));
  }
  for (const i of indexes) await tx.execute(sql.raw(`drop index ${quoted(i.name)}`));
  const result = await load();
  // Keys first: the foreign keys are then checked with one join each, not a lookup per row.
  const ordered = [
    ...constraints.filter((c) => c.type !== 'f'),
    ...constraints.filter((c) => c.type === 'f'),
  ];
  for (const c of ordered) {
    await tx.execute(sql.raw(`alter table ${quoted(table)} add constraint ${quoted(c.name)} ${c.def}`));
  }
  for (const i of indexes) await tx.execute(sql.raw(i.def));
  return result;
}
