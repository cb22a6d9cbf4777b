import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle, Executor } from '../db/client';
import { rowsOf } from '../db/rows';
import { englishFirstNames, italianFemaleNames, italianMaleNames, italianSurnames } from '../db/seed/names';

export interface HistoryOptions {
  /** Days of closed orders before today: 1 is yesterday. */
  days?: number;
  /** Orders a day at the stores that get the full volume (the issue's ~100). */
  ordersPerDay?: number;
  /** How many stores get the full volume: the first ones by id, the ones a bench measures. */
  fullStores?: number;
  /** Orders a day at every other store of the chain (0: none). */
  otherOrdersPerDay?: number;
  now?: Date;
}

export interface HistoryStats {
  days: number;
  fullStores: string[];
  ordersPerDay: number;
  otherStores: number;
  otherOrdersPerDay: number;
  orders: number;
  lines: number;
  audit: number;
  returns: number;
  /** The bytes each table (with its indexes and TOAST) holds after the load. */
  bytes: Record<HistoryTable, number>;
  ms: number;
}

export const historyTables = [
  'orders',
  'order_lines',
  'audit_log',
  'order_returns',
  'return_units',
  'refunds',
  'payment_ledger',
] as const;
export type HistoryTable = (typeof historyTables)[number];

/** Hours the stores are open for online orders, UTC: 07:00 to 20:00. */
const OPENS_MINUTES = 7 * 60;
const OPEN_MINUTES = 13 * 60;
/** The pool of customers each store's orders are drawn from (repeat customers, as in life). */
const CUSTOMERS_PER_STORE = 4_000;
/** Each order's last change takes a store version; other work (stock, shelves) took the gaps. */
const VERSION_STEP = 5;

/**
 * Gives a chain a past: `days` days of closed orders before today at every store, with their
 * lines, audit trail, returns and refunds, made by PostgreSQL in a few `INSERT … SELECT`s over
 * `generate_series` (ADR 0054). Runs on a chain with no orders yet (after seedChain or on a
 * store's own data before go-live): the history's sync versions are the store's first ones, and
 * the store's version is moved past them, so a device's cursor never pulls the past as news.
 *
 * Everything is drawn from a multiplicative hash of (store, day, order), so the same options
 * give the same orders, except for the row ids. The shapes follow what the app writes:
 *
 * - an order number `W<yymmdd><store 4><n 3>`, `shop-<number>` as the platform's id, a 6-digit
 *   pickup code, a customer of the store's 4,000 (e-mail and, for 4 in 5, a phone);
 * - pickup 55%, curbside 10%, reserve and collect 10%, ship from store 20%, ship to store 5%;
 * - collected or shipped, else cancelled (5–7%: before the claim, or nothing found at the pick)
 *   or expired (4%, put back two hours later; only where the hold had run out before today);
 * - 1 to 4 lines of products the store stocks, now and then a unit short on a later line;
 * - an audit row per step as the commands write them (intake, claim, each pick, finish, stage,
 *   handover or pack and ship, cancel, expire and put back), and for 8% of the received orders
 *   a return of one unit at the same store, refunded through the ledger.
 *
 * Not generated: stock movements, notifications and webhook deliveries (outboxes), shipments
 * and manifests, ratings, sessions; the ADR says what they add.
 */
export async function seedHistory(
  handle: DatabaseHandle,
  options: HistoryOptions = {},
): Promise<HistoryStats> {
  if (handle.kind !== 'postgres') throw new Error('seedHistory runs on PostgreSQL only');
  const { db } = handle;
  const days = options.days ?? 365;
  const ordersPerDay = options.ordersPerDay ?? 100;
  const otherOrdersPerDay = options.otherOrdersPerDay ?? 10;
  const now = (options.now ?? new Date()).toISOString();
  if (!Number.isInteger(days) || days < 1 || days > 999) throw new Error('days: 1 to 999');
  if (ordersPerDay > 999 || otherOrdersPerDay > 999) throw new Error('at most 999 orders a day per store');
  const [existing] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from orders`));
  if (existing!.n > 0) throw new Error('seedHistory needs a chain without orders');
  const started = performance.now();

  const stats = await db.transaction(async (tx) => {
    // JIT compiles these one-off statements' long expressions for longer than they run (80 s here).
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql`set local work_mem = '64MB'`);
    await tx.execute(sql`
      create temporary table history_stores on commit drop as
      select s.id as store_id, row_number() over (order by s.id)::int as store_i, s.pickup_hold_days,
        case when row_number() over (order by s.id) <= ${options.fullStores ?? 8}
          then ${ordersPerDay}::int else ${otherOrdersPerDay}::int end as per_day
      from stores s`);
    await tx.execute(sql`
      create temporary table history_staff on commit drop as
      select store_id, id, row_number() over (partition by store_id order by employee_id)::int - 1 as k,
        count(*) over (partition by store_id)::int as n
      from associates where role = 'associate' and active`);
    await tx.execute(sql`
      create temporary table history_products on commit drop as
      select id, row_number() over (order by sku)::int as j, price_cents, barcode from products`);
    await planOrders(tx, days, now);
    await tx.execute(sql`analyze history_orders`);
    await planLines(tx);
    const orders = await insertOrders(tx);
    const lines = await insertLines(tx);
    await tx.execute(sql`
      update store_sync s set version = greatest(s.version, v.top)
      from (select store_id, max(sync_version) + ${VERSION_STEP} as top from history_orders group by store_id) v
      where v.store_id = s.store_id`);
    await tx.execute(sql`
      insert into store_sync (store_id, version)
      select store_id, max(sync_version) + ${VERSION_STEP} from history_orders group by store_id
      on conflict (store_id) do nothing`);
    const orderAudit = await insertAudit(tx);
    const { returns, audit: returnAudit } = await insertReturns(tx, now);
    const audit = orderAudit + returnAudit;
    const stores = rowsOf<{ store_id: string; per_day: number }>(
      await tx.execute(sql`select store_id, per_day from history_stores order by store_i`),
    );
    return { orders, lines, audit, returns, stores };
  });
  await db.execute(sql.raw(`vacuum (analyze) ${historyTables.join(', ')}`));
  const sizes = rowsOf<{ name: HistoryTable; bytes: string | number }>(
    await db.execute(sql`
      select c.relname as name, pg_total_relation_size(c.oid) as bytes from pg_class c
      where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace
        and c.relname in (${sql.join(
          historyTables.map((t) => sql`${t}`),
          sql`, `,
        )})`),
  );
  const full = stats.stores.filter((s) => s.per_day === ordersPerDay && ordersPerDay !== otherOrdersPerDay);
  return {
    days,
    fullStores: (ordersPerDay === otherOrdersPerDay ? stats.stores : full).map((s) => s.store_id),
    ordersPerDay,
    otherStores: ordersPerDay === otherOrdersPerDay ? 0 : stats.stores.length - full.length,
    otherOrdersPerDay,
    orders: stats.orders,
    lines: stats.lines,
    audit: stats.audit,
    returns: stats.returns,
    bytes: Object.fromEntries(
      historyTables.map((t) => [t, Number(sizes.find((s) => s.name === t)?.bytes ?? 0)]),
    ) as Record<HistoryTable, number>,
    ms: performance.now() - started,
  };
}

const rowCount = (result: unknown) => (result as { rowCount?: number | null }).rowCount ?? 0;

const textArray = (values: readonly string[]) =>
  sql.raw(`array[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(',')}]::text[]`);

/**
 * One row per order to be: its store, day, number within the day, the two hashes every figure
 * is drawn from, and its whole timeline. The day's count wobbles ±15% around the store's rate.
 */
async function planOrders(tx: Executor, days: number, now: string): Promise<void> {
  const firstNames = textArray([...italianFemaleNames, ...italianMaleNames, ...englishFirstNames]);
  const surnames = textArray(italianSurnames);
  await tx.execute(sql`
    create temporary table history_orders on commit drop as
    with base as (
      select s.store_id, s.store_i, s.pickup_hold_days, d, n, k, h1,
        ((h1 % 1000003) * 2654435761 + k) % 4294967291 as h2,
        date_trunc('day', ${now}::timestamptz) - make_interval(days => d)
          + make_interval(mins => ${OPENS_MINUTES} + (h1 % ${OPEN_MINUTES})::int) as placed
      from history_stores s
      cross join generate_series(1, ${days}) d
      cross join lateral generate_series(1, (s.per_day * (85 + (s.store_i * 31 + d * 17) % 31) / 100)) n
      cross join lateral (select (s.store_i::bigint * 400 + d) * 1000 + n as k) key
      cross join lateral (select (key.k * 2654435761) % 4294967291 as h1) hash
      where s.per_day > 0
    ),
    kind as (
      select b.*,
        case when h1 / 100 % 100 < 55 then 'pickup' when h1 / 100 % 100 < 65 then 'curbside'
          when h1 / 100 % 100 < 75 then 'reserve_and_collect' when h1 / 100 % 100 < 95 then 'ship_from_store'
          else 'ship_to_store' end as fulfillment_type,
        (h2 / 7 % ${CUSTOMERS_PER_STORE})::int as customer,
        1 + case when h2 % 100 < 40 then 0 when h2 % 100 < 75 then 1 when h2 % 100 < 92 then 2 else 3 end as line_count
      from base b
    ),
    outcome as (
      select k.*,
        case
          when h1 / 10000 % 100 < 5 then 'cancelled'
          when h1 / 10000 % 100 < 7 and fulfillment_type <> 'ship_to_store' then 'nothing'
          when fulfillment_type = 'ship_from_store' then 'shipped'
          when h1 / 10000 % 100 < 11 and d > pickup_hold_days + 4 then 'expired'
          else 'collected' end as fate,
        placed + make_interval(mins => 5 + (h2 / 100 % 55)::int) as claimed
      from kind k
    ),
    timeline as (
      select o.*,
        case when fulfillment_type in ('ship_to_store') or fate = 'cancelled' then null
          else claimed + make_interval(mins => 4 + (h2 / 10000 % 20)::int) end as finished
      from outcome o
    ),
    moments as (
      select t.*,
        case when fate in ('collected', 'expired') then
          case when fulfillment_type = 'ship_to_store'
            then least(placed + make_interval(hours => 24 + (h2 / 1000 % 48)::int), ${now}::timestamptz - interval '3 hours')
            else finished + make_interval(mins => 2 + (h2 / 300000 % 8)::int) end
        end as ready,
        case when fate = 'shipped' then finished + make_interval(mins => 5 + (h2 / 50000 % 10)::int) end as packed
      from timeline t
    )
    select gen_random_uuid() as id, m.store_id, m.store_i, m.d, m.n, m.h1, m.h2, m.fulfillment_type,
      m.line_count, m.fate, m.placed, m.ready, m.packed,
      case when m.fate = 'cancelled' then 'cancelled' when m.fate = 'nothing' then 'cancelled'
        else m.fate end as status,
      'W' || to_char(m.placed at time zone 'UTC', 'YYMMDD') || lpad(m.store_i::text, 4, '0')
        || lpad(m.n::text, 3, '0') as number,
      (${firstNames})[1 + m.customer % cardinality(${firstNames})] || ' '
        || (${surnames})[1 + m.customer / 7 % cardinality(${surnames})] as customer_name,
      'c' || (m.store_i * ${CUSTOMERS_PER_STORE} + m.customer) || '@example.it' as customer_email,
      case when m.customer % 5 <> 0
        then '+393' || lpad(((m.store_i::bigint * ${CUSTOMERS_PER_STORE} + m.customer) * 104729 % 1000000000)::text, 9, '0')
      end as customer_phone,
      case when m.customer % 7 = 0 then 'en' else 'it' end as customer_language,
      (array['web', 'web', 'web', 'app', 'app', 'marketplace', 'social'])[1 + m.h2 / 13 % 7] as channel,
      m.placed + case m.fulfillment_type when 'ship_from_store' then interval '24 hours'
        when 'ship_to_store' then interval '72 hours' when 'reserve_and_collect' then interval '2 hours'
        else interval '4 hours' end as promised,
      case when m.fate <> 'cancelled' and m.fulfillment_type <> 'ship_to_store' then m.claimed end as claimed,
      case when m.fate not in ('cancelled', 'nothing') and m.fulfillment_type <> 'ship_to_store' then m.finished end as picked,
      case when m.fate = 'cancelled' then m.placed + make_interval(mins => 10 + (m.h2 / 40 % 110)::int)
        when m.fate = 'nothing' then m.finished end as cancelled,
      case when m.fate = 'collected'
        then least(m.ready + make_interval(mins => 20 + ((m.h1 / 1000000 % 1000) ^ 2 / 250)::int),
          ${now}::timestamptz - interval '1 minute') end as collected,
      case when m.fate = 'shipped' then least(m.packed + make_interval(mins => 60 + (m.h1 / 1000000 % 300)::int),
        ${now}::timestamptz - interval '1 minute') end as shipped,
      case when m.fate = 'expired' then m.ready + make_interval(days => m.pickup_hold_days) end as expired,
      case when m.fate = 'expired'
        then m.ready + make_interval(days => m.pickup_hold_days, hours => 2) end as put_back,
      st.id as associate_id,
      'hh-' || m.store_id || '-' || (1 + m.h2 / 17 % 4) as device_id,
      case when m.ready is not null and m.fulfillment_type <> 'ship_to_store'
        then m.store_id || '-' || chr(65 + (m.h2 / 23 % 6)::int) || lpad((1 + m.h2 / 29 % 20)::text, 2, '0') end as location,
      0::bigint as sync_version
    from moments m
    left join history_staff st on st.store_id = m.store_id and st.k = m.h2 / 11 % st.n`);
  // Each order's last change, in time order per store, is the store's next version step.
  await tx.execute(sql`
    alter table history_orders add column updated timestamptz, add column version int`);
  await tx.execute(sql`
    update history_orders set
      updated = coalesce(put_back, expired, collected, shipped, cancelled),
      version = 1 + (claimed is not null)::int + (picked is not null)::int + (ready is not null)::int
        + (collected is not null)::int + (packed is not null)::int + (shipped is not null)::int
        + (cancelled is not null)::int + (expired is not null)::int + (put_back is not null)::int`);
  await tx.execute(sql`
    update history_orders h set sync_version = r.rank * ${VERSION_STEP}
    from (select id, row_number() over (partition by store_id order by updated, number) as rank
          from history_orders) r
    where r.id = h.id`);
}

/**
 * The lines: a product drawn per line among those the store stocks (a line whose draw the store
 * does not stock is left out; an order needs one line at least), 1 or 2 units; the units picked,
 * short and handed over follow the order's fate.
 */
async function planLines(tx: Executor): Promise<void> {
  const [{ n: products } = { n: 0 }] = rowsOf<{ n: number }>(
    await tx.execute(sql`select count(*)::int as n from history_products`),
  );
  if (products === 0) throw new Error('seedHistory needs a catalogue');
  await tx.execute(sql`
    create temporary table history_lines on commit drop as
    select gen_random_uuid() as id, o.id as order_id, o.store_id, l.line_no, p.id as product_id,
      p.price_cents, p.barcode, o.fate, o.fulfillment_type, o.associate_id, o.device_id, o.claimed, o.picked,
      1 + (lh.h % 100 < 20)::int as qty,
      case when o.fate = 'nothing' then 'all'
        when o.fate in ('collected', 'shipped', 'expired') and o.fulfillment_type <> 'ship_to_store'
          and l.line_no > 1 and lh.h / 100 % 100 < 4 then 'one' else 'none' end as short
    from history_orders o
    cross join lateral generate_series(1, o.line_count) l(line_no)
    cross join lateral (select ((o.h2 % 1000003) * 40503 + l.line_no * 7919 + o.h1 % 65521) % 4294967291 as h) lh
    join history_products p on p.j = 1 + lh.h % ${products}
    where exists (select 1 from stock s where s.store_id = o.store_id and s.product_id = p.id)`);
  // Two draws of one product in an order make one line of it, numbered from 1 again.
  await tx.execute(sql`
    delete from history_lines l using history_lines e
    where e.order_id = l.order_id and e.product_id = l.product_id and e.line_no < l.line_no`);
  await tx.execute(sql`
    update history_lines l set line_no = r.line_no
    from (select id, row_number() over (partition by order_id order by line_no)::int as line_no
          from history_lines) r
    where r.id = l.id and r.line_no <> l.line_no`);
}

async function insertLines(tx: Executor): Promise<number> {
  return rowCount(
    await tx.execute(sql`
      insert into order_lines (id, order_id, store_id, line_no, product_id, qty_ordered, qty_picked,
        qty_short, short_reason, unit_price_cents, qty_handed_over)
      select l.id, l.order_id, l.store_id, l.line_no, l.product_id, l.qty,
        case when l.fate in ('cancelled') then 0 when l.short = 'all' then 0
          when l.short = 'one' then l.qty - 1 else l.qty end,
        case l.short when 'all' then l.qty when 'one' then 1 else 0 end,
        case when l.short <> 'none' then 'not_found' end,
        l.price_cents,
        case when l.fate = 'collected' then case when l.short = 'one' then l.qty - 1 else l.qty end else 0 end
      from history_lines l
      order by l.order_id, l.line_no`),
  );
}

async function insertOrders(tx: Executor): Promise<number> {
  // Orders whose every line was left out (a store stocking little) are not orders.
  await tx.execute(sql`
    delete from history_orders o where not exists (select 1 from history_lines l where l.order_id = o.id)`);
  return rowCount(
    await tx.execute(sql`
      insert into orders (id, store_id, external_id, number, channel, fulfillment_type, status,
        customer_name, customer_email, customer_phone, customer_language, shipping_address,
        pickup_code, total_cents, request_hash, placed_at, promised_at, claimed_by, claimed_at,
        picked_at, staging_location, ready_at, collected_at, cancelled_at, cancel_reason,
        cancelled_by, put_back_at, expired_at, packed_at, shipped_at, packages, pack_revision,
        shipping_cents, payment, version, sync_version, created_at, updated_at)
      select o.id, o.store_id, 'shop-' || o.number, o.number, o.channel, o.fulfillment_type, o.status,
        o.customer_name, o.customer_email, o.customer_phone, o.customer_language,
        case when o.fulfillment_type = 'ship_from_store' then jsonb_build_object('name', o.customer_name,
          'line1', 'Via Roma ' || (1 + o.h2 / 31 % 120), 'postcode', '20121', 'city', 'Milano', 'country', 'IT') end,
        lpad((o.h2 % 1000000)::text, 6, '0'),
        t.total + case when o.fulfillment_type = 'ship_from_store' then 490 else 0 end,
        encode(sha256(convert_to(o.number, 'UTF8')), 'hex'),
        o.placed, o.promised, o.associate_id, o.claimed, o.picked, o.location, o.ready, o.collected,
        o.cancelled,
        case when o.fate = 'cancelled' then 'customer_request' when o.fate = 'nothing' then 'nothing_available' end,
        case when o.fate = 'cancelled' then 'platform' when o.fate = 'nothing' then 'associate' end,
        o.put_back, o.expired, o.packed, o.shipped,
        case when o.packed is not null then jsonb_build_array(jsonb_build_object('packageNumber', 1,
          'type', 'box-s', 'weightGrams', 400 + o.h2 / 37 % 2000, 'lengthMm', 300, 'widthMm', 200,
          'heightMm', 100)) end,
        (o.packed is not null)::int,
        case when o.fulfillment_type = 'ship_from_store' then 490 else 0 end,
        jsonb_build_object('method', 'card', 'brand', (array['visa', 'mastercard', 'amex'])[1 + o.h2 / 41 % 3],
          'last4', lpad((o.h2 / 43 % 10000)::text, 4, '0'), 'reference', 'ch_' || o.number),
        o.version, o.sync_version, o.placed, o.updated
      from history_orders o
      join (select order_id, sum(qty * price_cents)::int as total from history_lines group by order_id) t
        on t.order_id = o.id
      order by o.store_id, o.placed`),
  );
}

/** The audit trail the commands leave, one row per step (a pick per line picked). */
async function insertAudit(tx: Executor): Promise<number> {
  const associate = sql`'associate', o.associate_id::text, o.device_id`;
  return rowCount(
    await tx.execute(sql`
      insert into audit_log (store_id, actor_type, actor_id, device_id, action, entity_type, entity_id, details, at)
      select store_id, actor_type, actor_id, device_id, action, 'order', entity_id, details, at from (
        select o.store_id, 'platform' as actor_type, 'shop' as actor_id, null as device_id, 'order.intake' as action,
          o.id::text as entity_id, jsonb_build_object('externalId', 'shop-' || o.number, 'lines', o.line_count) as details,
          o.placed as at
        from history_orders o
        union all
        select o.store_id, ${associate}, 'order.claim', o.id::text,
          '{"from":"new","to":"picking"}'::jsonb, o.claimed
        from history_orders o where o.claimed is not null
        union all
        select l.store_id, 'associate', l.associate_id::text, l.device_id, 'order.pick', l.order_id::text,
          jsonb_build_object('lineId', l.id, 'code', l.barcode, 'qty', l.qty - (l.short = 'one')::int),
          l.claimed + (l.picked - l.claimed) * l.line_no / 5
        from history_lines l where l.picked is not null
        union all
        select o.store_id, ${associate}, 'order.finishPick', o.id::text,
          '{"from":"picking","to":"picked"}'::jsonb, o.picked
        from history_orders o where o.picked is not null
        union all
        select o.store_id, ${associate}, 'order.stage', o.id::text,
          jsonb_build_object('from', 'picked', 'to', 'ready', 'location', o.location), o.ready
        from history_orders o where o.ready is not null and o.fulfillment_type <> 'ship_to_store'
        union all
        select o.store_id, ${associate}, 'order.receive', o.id::text,
          '{"from":"new","to":"ready"}'::jsonb, o.ready
        from history_orders o where o.ready is not null and o.fulfillment_type = 'ship_to_store'
        union all
        select o.store_id, ${associate}, 'order.handover', o.id::text,
          '{"from":"ready","to":"collected"}'::jsonb, o.collected
        from history_orders o where o.collected is not null
        union all
        select o.store_id, ${associate}, 'order.pack', o.id::text,
          '{"from":"picked","to":"packed","packRevision":1}'::jsonb, o.packed
        from history_orders o where o.packed is not null
        union all
        select o.store_id, ${associate}, 'order.ship', o.id::text,
          '{"from":"packed","to":"shipped","packRevision":1}'::jsonb, o.shipped
        from history_orders o where o.shipped is not null
        union all
        select o.store_id, case when o.fate = 'nothing' then 'associate' else 'platform' end,
          case when o.fate = 'nothing' then o.associate_id::text else 'shop' end,
          case when o.fate = 'nothing' then o.device_id end, 'order.cancel', o.id::text,
          jsonb_build_object('to', 'cancelled', 'reason',
            case when o.fate = 'nothing' then 'nothing_available' else 'customer_request' end),
          o.cancelled
        from history_orders o where o.cancelled is not null
        union all
        select o.store_id, 'system', null, null, 'order.expire', o.id::text,
          jsonb_build_object('from', 'ready', 'to', 'expired', 'readyAt', o.ready), o.expired
        from history_orders o where o.expired is not null
        union all
        select o.store_id, ${associate}, 'order.putBack', o.id::text, '{}'::jsonb, o.put_back
        from history_orders o where o.put_back is not null
      ) events
      order by at`),
  );
}

/**
 * 8% of the orders the customer received come back: one unit of the first line, at the store,
 * 1 to 20 days later (never after now), refunded at once through the ledger adapter.
 */
async function insertReturns(tx: Executor, now: string): Promise<{ returns: number; audit: number }> {
  await tx.execute(sql`
    create temporary table history_returns on commit drop as
    select gen_random_uuid() as id, o.id as order_id, o.store_id, o.associate_id, o.device_id,
      o.customer_email, o.customer_language, l.id as line_id, l.product_id, l.unit_price_cents,
      coalesce(o.collected, o.shipped) + make_interval(days => 1 + (o.h1 / 7 % 20)::int,
        mins => (o.h2 / 53 % 480)::int) as taken,
      (array['tooSmall', 'tooLarge', 'notAsDescribed', 'changedMind', 'changedMind'])[1 + o.h2 / 59 % 5] as reason
    from history_orders o
    join order_lines l on l.order_id = o.id and l.line_no = 1 and l.qty_picked > 0
    where o.fate in ('collected', 'shipped') and o.h1 / 3 % 100 < 8
      and coalesce(o.collected, o.shipped) + make_interval(days => 1 + (o.h1 / 7 % 20)::int,
        mins => (o.h2 / 53 % 480)::int) < ${now}::timestamptz - interval '1 hour'`);
  const returns = rowCount(
    await tx.execute(sql`
      insert into order_returns (id, number, store_id, order_id, order_store_id, status, kind, taken_at,
        taken_by, device_id, receipt_email, language, refund_cents, created_at, updated_at)
      select r.id, 'R-' || r.store_id || '-' || upper(substr(replace(r.id::text, '-', ''), 1, 8)), r.store_id,
        r.order_id, r.store_id, 'refunded', 'return', r.taken, r.associate_id, r.device_id, r.customer_email,
        r.customer_language, r.unit_price_cents, r.taken, r.taken
      from history_returns r order by r.taken`),
  );
  await tx.execute(sql`
    insert into return_units (return_id, unit_no, order_line_id, product_id, reason, condition, disposition)
    select id, 1, line_id, product_id, reason, 'new', 'restock' from history_returns`);
  await tx.execute(sql`
    insert into payment_ledger (idempotency_key, kind, order_id, store_id, amount_cents, currency, created_at)
    select 'refund:' || id, 'refund', order_id, store_id, unit_price_cents, 'EUR', taken
    from history_returns order by taken`);
  await tx.execute(sql`
    insert into refunds (refund_key, return_id, order_id, store_id, currency, total_cents, shipping_cents,
      lines, adapter, provider_ref, created_at)
    select 'refund:' || r.id, r.id, r.order_id, r.store_id, 'EUR', r.unit_price_cents, 0,
      jsonb_build_array(jsonb_build_object('lineId', r.line_id, 'qty', 1, 'grossCents', r.unit_price_cents,
        'discountCents', 0, 'refundCents', r.unit_price_cents)),
      'ledger', 'ledger:' || p.id, r.taken
    from history_returns r join payment_ledger p on p.idempotency_key = 'refund:' || r.id`);
  const audit = rowCount(
    await tx.execute(sql`
      insert into audit_log (store_id, actor_type, actor_id, device_id, action, entity_type, entity_id, details, at)
      select r.store_id, 'associate', r.associate_id::text, r.device_id, 'return.refund', 'return', r.id::text,
        jsonb_build_object('orderId', r.order_id, 'refundCents', r.unit_price_cents, 'restocked', 1), r.taken
      from history_returns r`),
  );
  return { returns, audit };
}
