import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { rowsOf } from '../db/rows';
import { openTestDatabase, testDatabaseKind } from '../testing/test-database';
import { seedChain } from './seed-chain';
import { seedHistory, type HistoryStats } from './seed-history';
import { packedPackage } from '../../contract/shipping';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

const one = async <T>(query: ReturnType<typeof sql>): Promise<T> =>
  rowsOf<T>(await database.db.execute(query))[0]!;

describe.skipIf(testDatabaseKind() !== 'postgres')('seedHistory on PostgreSQL', () => {
  const now = new Date('2026-12-06T10:30:00Z');
  let stats: HistoryStats;

  beforeAll(async () => {
    await seedChain(database, { stores: 12, products: 300 });
    stats = await seedHistory(database, {
      days: 30,
      ordersPerDay: 40,
      fullStores: 2,
      otherOrdersPerDay: 4,
      now,
    });
  });

  it('makes about the orders asked for, full volume at the first stores and a sample elsewhere', async () => {
    expect(stats.fullStores).toHaveLength(2);
    expect(stats.otherStores).toBe(10);
    const counts = rowsOf<{ store_id: string; n: number }>(
      await database.db.execute(sql`
        select store_id, count(*)::int as n from orders group by store_id order by store_id`),
    );
    const byStore = new Map(counts.map((c) => [c.store_id, c.n]));
    for (const storeId of stats.fullStores) {
      expect(byStore.get(storeId)).toBeGreaterThan(30 * 40 * 0.85 - 1);
      expect(byStore.get(storeId)).toBeLessThan(30 * 40 * 1.15 + 1);
    }
    const total = counts.reduce((sum, c) => sum + c.n, 0);
    expect(total).toBe(stats.orders);
    expect(total).toBeGreaterThan(2 * 30 * 40 * 0.85 + 10 * 30 * 4 * 0.85 - 1);
    const totals = await one<{ lines: number; returns: number; audit: number }>(sql`
      select (select count(*)::int from order_lines) as lines, (select count(*)::int from order_returns) as returns,
        (select count(*)::int from audit_log) as audit`);
    expect(totals).toEqual({ lines: stats.lines, returns: stats.returns, audit: stats.audit });
    expect(stats.lines / stats.orders).toBeGreaterThan(1.5);
    expect(stats.returns).toBeGreaterThan(stats.orders * 0.03);
    expect(stats.bytes.orders).toBeGreaterThan(0);
  });

  it('leaves only closed orders, their timelines in order and in the past', async () => {
    const statuses = rowsOf<{ status: string; fulfillment_type: string }>(
      await database.db.execute(sql`select distinct status, fulfillment_type from orders`),
    );
    for (const { status, fulfillment_type: type } of statuses) {
      expect(['collected', 'shipped', 'cancelled', 'expired']).toContain(status);
      if (status === 'shipped') expect(type).toBe('ship_from_store');
      if (status === 'collected' || status === 'expired') expect(type).not.toBe('ship_from_store');
    }
    expect(new Set(statuses.map((s) => s.status))).toEqual(
      new Set(['collected', 'shipped', 'cancelled', 'expired']),
    );
    const bad = await one<Record<string, number>>(sql`
      select
        count(*) filter (where claimed_at < placed_at or picked_at < claimed_at or ready_at < placed_at
          or ready_at < picked_at or collected_at < ready_at or packed_at < picked_at or shipped_at < packed_at
          or expired_at < ready_at or put_back_at < expired_at or cancelled_at < placed_at)::int as "outOfOrder",
        count(*) filter (where greatest(placed_at, claimed_at, picked_at, ready_at, collected_at, packed_at,
          shipped_at, cancelled_at, expired_at, put_back_at, updated_at) > ${now.toISOString()}::timestamptz)::int as "future",
        count(*) filter (where (status = 'collected') <> (collected_at is not null)
          or (status = 'shipped') <> (shipped_at is not null) or (status = 'expired') <> (expired_at is not null)
          or (status = 'cancelled') <> (cancelled_at is not null))::int as "momentMissing",
        count(*) filter (where status = 'expired' and put_back_at is null)::int as "notPutBack",
        count(*) filter (where claimed_by is not null and not exists (select 1 from associates a
          where a.id = claimed_by and a.store_id = orders.store_id))::int as "foreignClaimer",
        count(*) filter (where number !~ '^W[0-9]{13}$' or external_id <> 'shop-' || number
          or pickup_code !~ '^[0-9]{6}$')::int as "badNumber"
      from orders`);
    expect(bad).toEqual({
      outOfOrder: 0,
      future: 0,
      momentMissing: 0,
      notPutBack: 0,
      foreignClaimer: 0,
      badNumber: 0,
    });
  });

  it('gives every order lines of products its store stocks, and totals that add up', async () => {
    const bad = await one<Record<string, number>>(sql`
      select
        (select count(*)::int from orders o where not exists (select 1 from order_lines l where l.order_id = o.id)) as "noLines",
        (select count(*)::int from order_lines l join orders o on o.id = l.order_id where l.store_id <> o.store_id) as "otherStore",
        (select count(*)::int from order_lines l
          where not exists (select 1 from stock s where s.store_id = l.store_id and s.product_id = l.product_id)) as "notStocked",
        (select count(*)::int from order_lines where qty_picked + qty_short > qty_ordered
          or qty_handed_over > qty_picked) as "badUnits",
        (select count(*)::int from orders o where o.total_cents <> o.shipping_cents
          + (select sum(l.qty_ordered * l.unit_price_cents) from order_lines l where l.order_id = o.id)) as "badTotal",
        (select count(*)::int from orders o where o.status = 'collected'
          and (select sum(qty_handed_over) from order_lines l where l.order_id = o.id) = 0) as "nothingHandedOver",
        (select count(*)::int from orders o where o.status in ('collected', 'shipped', 'expired')
          and (select sum(qty_picked) from order_lines l where l.order_id = o.id) = 0) as "nothingPicked"`);
    expect(bad).toEqual({
      noLines: 0,
      otherStore: 0,
      notStocked: 0,
      badUnits: 0,
      badTotal: 0,
      nothingHandedOver: 0,
      nothingPicked: 0,
    });
  });

  it("packs shipped orders in the packages the API answers with (a pull's schema refuses others)", async () => {
    const packed = rowsOf<{ packages: unknown[] }>(
      await database.db.execute(sql`select packages from orders where packed_at is not null`),
    );
    expect(packed.length).toBeGreaterThan(0);
    const invalid = packed.flatMap((o) => o.packages).filter((p) => !packedPackage.safeParse(p).success);
    expect(invalid).toEqual([]);
  });

  it('stamps sync versions below each store’s current one, one per order', async () => {
    const bad = await one<{ above: number; repeated: number; unversioned: number }>(sql`
      select
        (select count(*)::int from orders o join store_sync s on s.store_id = o.store_id
          where o.sync_version >= s.version) as above,
        (select count(*)::int from (select store_id, sync_version from orders
          group by 1, 2 having count(*) > 1) r) as repeated,
        (select count(*)::int from orders o where o.sync_version <= 0
          or not exists (select 1 from store_sync s where s.store_id = o.store_id)) as unversioned`);
    expect(bad).toEqual({ above: 0, repeated: 0, unversioned: 0 });
  });

  it('writes an audit trail for every order and refunds every return once, for a unit received', async () => {
    const bad = await one<Record<string, number>>(sql`
      select
        (select count(*)::int from orders o where not exists (select 1 from audit_log a
          where a.entity_type = 'order' and a.entity_id = o.id::text and a.action = 'order.intake')) as "noIntake",
        (select count(*)::int from orders o where o.status = 'collected' and not exists (select 1 from audit_log a
          where a.entity_type = 'order' and a.entity_id = o.id::text and a.action = 'order.handover')) as "noHandover",
        (select count(*)::int from order_returns r join orders o on o.id = r.order_id
          where o.status not in ('collected', 'shipped') or r.taken_at < coalesce(o.collected_at, o.shipped_at)
          or r.taken_at > ${now.toISOString()}::timestamptz) as "notReceived",
        (select count(*)::int from return_units u join order_lines l on l.id = u.order_line_id
          join order_returns r on r.id = u.return_id where l.order_id <> r.order_id or l.qty_picked < 1) as "foreignUnit",
        (select count(*)::int from order_returns r where r.status <> 'refunded'
          or (select count(*) from refunds f where f.return_id = r.id and f.total_cents = r.refund_cents) <> 1
          or not exists (select 1 from payment_ledger p where p.idempotency_key = 'refund:' || r.id)) as "unpaid"`);
    expect(bad).toEqual({ noIntake: 0, noHandover: 0, notReceived: 0, foreignUnit: 0, unpaid: 0 });
  });

  it('refuses a chain that already has orders', async () => {
    await expect(seedHistory(database, { days: 1 })).rejects.toThrow(/without orders/);
  });
});

describe.skipIf(testDatabaseKind() !== 'pglite')('seedHistory on PGlite', () => {
  it('refuses: the history is for PostgreSQL', async () => {
    await expect(seedHistory(database)).rejects.toThrow(/PostgreSQL only/);
  });
});
