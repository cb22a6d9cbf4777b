import { sql } from 'drizzle-orm';
import type { PullResponse } from '../../contract/sync';
import { arrivalOf, type ArrivalRow } from '../core/arrival-views';
import { journeyFactsOf, type RelatedOrder } from '../core/journey-views';
import {
  orderDetailsOf,
  substitutionRefundsOf,
  type LineRow,
  type QueueRow,
  type SubstitutionRefundRow,
} from '../core/order-views';
import { pickupKeyIdOf, type PickupCodeKeys } from '../core/pickup-code-keys';
import { shipmentSummariesOf } from '../core/shipment-summaries';
import type { Principal } from '../core/tokens';
import type { Executor } from '../db/client';
import { rowFromJson } from '../db/json-rows';
import { preparedStatement } from '../db/prepared';
import { orderLines, orders, shipments } from '../db/schema';
import { iso } from '../db/time';
import { assertOwnClient } from './push-service';

const storeId = sql.placeholder('storeId');
const since = sql.placeholder('since');
const clientId = sql.placeholder('clientId');

/**
 * Everything a delta pull answers, in one statement (ADR 0048): the store's version, and every
 * row stamped in (since, version] with what the views add to it (an order's lines and their
 * products and shelves, its booked labels, its journey, the lines the customer was told were
 * cancelled), the products those lines and the changed stock name (a product the store has
 * just begun to stock is on no device yet: a first sync brings only what the store stocks), and
 * the device's lastSeq. One statement reads one
 * snapshot, so the version, the rows and the seq go together as in the repeatable-read
 * transaction of a snapshot pull, without its begin and commit. Each part is built as JSON with
 * the columns' own names (row_to_json) or the wire's, and taken apart by the views' functions.
 *
 * Lookups by the changed rows are written `= any (array(select …))`, not `in (select …)`: sent by
 * name, the statement soon runs on a generic plan, and `a in (select …) or b in (select …)` can
 * only read a whole table there (all the chain's orders, with a year of history, ADR 0054), where
 * an array is looked up in each index.
 */
const deltaStatement = preparedStatement<{ storeId: string; since: number; clientId: string | null }>(
  'aisle_pull_delta',
  sql`with v as (
      select coalesce((select version from store_sync where store_id = ${storeId}::text), 0)::bigint as version
    ),
    changed as materialized (
      select o.* from orders o, v
      where o.store_id = ${storeId}::text and o.sync_version > ${since}::bigint and o.sync_version <= v.version
    ),
    own_lines as materialized (
      select l.order_id, row_to_json(l) as line, p.sku, p.barcode, p.gtin14, p.name_it, p.name_en,
        p.brand, p.color_it, p.color_en, p.size, s.aisle, s.bay
      from order_lines l
        join products p on p.id = l.product_id
        left join stock s on s.product_id = l.product_id and s.store_id = ${storeId}::text
      where l.order_id = any (array(select id from changed))
    ),
    changed_stock as materialized (
      select s.* from stock s, v
      where s.store_id = ${storeId}::text and s.sync_version > ${since}::bigint and s.sync_version <= v.version
    ),
    booked as materialized (
      select sh.* from shipments sh join changed c on c.id = sh.order_id and c.pack_revision = sh.pack_revision
      where c.pack_revision > 0 and sh.status = 'booked'
    )
    select v.version,
      (select json_agg(json_build_object(
          'order', row_to_json(c),
          'claimerId', c.claimed_by, 'claimerName', (select a.name from associates a where a.id = c.claimed_by),
          'assigneeId', c.assigned_to, 'assigneeName', (select a.name from associates a where a.id = c.assigned_to),
          'lineCount', (select count(*)::int from order_lines l where l.order_id = c.id),
          'unitCount', (select coalesce(sum(l.qty_ordered), 0)::int from order_lines l where l.order_id = c.id),
          'pickedUnits', (select coalesce(sum(l.qty_picked), 0)::int from order_lines l where l.order_id = c.id)
        ) order by c.promised_at, c.number)
        from changed c) as orders,
      (select json_agg(json_build_object(
          'line', l.line, 'aisle', l.aisle, 'bay', l.bay,
          'product', json_build_object('sku', l.sku, 'barcode', l.barcode, 'gtin14', l.gtin14,
            'nameIt', l.name_it, 'nameEn', l.name_en, 'brand', l.brand, 'colorIt', l.color_it,
            'colorEn', l.color_en, 'size', l.size)))
        from own_lines l) as lines,
      (select json_agg(row_to_json(b)) from booked b) as shipments,
      (select json_agg(json_build_object('shipmentId', sp.shipment_id, 'packageNumber', sp.package_number,
          'trackingNumber', sp.tracking_number) order by sp.package_number)
        from shipment_packages sp join booked b on b.id = sp.shipment_id) as packages,
      (select json_agg(json_build_object('id', r.id, 'number', r.number, 'storeId', r.store_id,
          'storeName', st.name, 'status', r.status, 'journeyId', r.journey_id))
        from orders r join stores st on st.id = r.store_id
        where r.journey_id = any (array(select coalesce(journey_id, id) from changed))
          or r.id = any (array(select coalesce(journey_id, id) from changed))) as related,
      (select json_agg(json_build_object('orderId', rf.order_id, 'totalCents', rf.total_cents,
          'currency', rf.currency, 'createdAt', rf.created_at))
        -- substitutionRefundKey (domain/substitution.ts): the one refund of a staged order's substitutes
        from refunds rf
        where rf.refund_key = any (array(select 'substitution:' || id::text from changed
          where ready_at is not null))) as refunds,
      (select json_agg(n.payload ->> 'lineId') from customer_notifications n
        where n.order_id = any (array(select id from changed)) and n.kind = 'line_cancelled') as notified,
      (select json_agg(json_build_object('productId', s.product_id, 'onHand', s.on_hand,
          'reserved', s.reserved, 'safetyStock', s.safety_stock, 'aisle', s.aisle, 'bay', s.bay,
          'updatedAt', s.updated_at))
        from changed_stock s) as stock,
      (select json_agg(json_build_object('id', p.id, 'sku', p.sku, 'gtin14', p.gtin14, 'barcode', p.barcode,
          'brand', p.brand, 'nameIt', p.name_it, 'nameEn', p.name_en, 'colorIt', p.color_it,
          'colorEn', p.color_en, 'size', p.size, 'priceCents', p.price_cents))
        from products p where p.gtin14 = any (array(select gtin14 from own_lines))
          or p.id = any (array(select product_id from changed_stock))) as products,
      (select json_agg(json_build_object('code', sl.code, 'label', sl.label, 'kind', sl.kind,
          'capacity', sl.capacity))
        from staging_locations sl
        where sl.store_id = ${storeId}::text and sl.sync_version > ${since}::bigint
          and sl.sync_version <= v.version) as locations,
      (select json_agg(json_build_object('id', pa.id, 'orderId', pa.order_id, 'orderNumber', o.number,
          'customerName', o.customer_name, 'kind', pa.kind, 'parkingSpot', pa.parking_spot,
          'vehicle', pa.vehicle, 'arrivedAt', pa.arrived_at, 'acknowledgedById', pa.acknowledged_by,
          'acknowledgedByName', (select a.name from associates a where a.id = pa.acknowledged_by),
          'acknowledgedAt', pa.acknowledged_at,
          'handedOverAt', pa.handed_over_at) order by pa.arrived_at)
        from pickup_arrivals pa
          join orders o on o.id = pa.order_id
        where pa.store_id = ${storeId}::text and pa.sync_version > ${since}::bigint
          and pa.sync_version <= v.version) as arrivals,
      client.last_seq, client.store_id as client_store_id, client.device_id as client_device_id
    from v left join sync_clients client on client.client_id = ${clientId}::uuid`,
);

type Json = Record<string, unknown>;

interface DeltaRow {
  version: string | number;
  orders: (Omit<QueueRow, 'order'> & { order: Json })[] | null;
  lines: (Omit<LineRow, 'line'> & { line: Json })[] | null;
  shipments: Json[] | null;
  packages: { shipmentId: string; packageNumber: number; trackingNumber: string }[] | null;
  related: RelatedOrder[] | null;
  notified: (string | null)[] | null;
  refunds: SubstitutionRefundRow[] | null;
  stock: (Omit<PullResponse['stock'][number], 'updatedAt'> & { updatedAt: string })[] | null;
  products: PullResponse['products'] | null;
  locations: PullResponse['locations'] | null;
  arrivals: ArrivalRow[] | null;
  last_seq: number | null;
  client_store_id: string | null;
  client_device_id: string | null;
}

/**
 * What changed in the store since `from` (a cursor's version), in one round trip: the same
 * answer pullChanges gives for that cursor. Undefined when the cursor is from the future (a
 * restored database): that device needs a snapshot.
 */
export async function pullDelta(
  db: Executor,
  principal: Principal,
  from: number,
  query: { clientId?: string | undefined },
  pickupCodes: PickupCodeKeys,
): Promise<PullResponse | undefined> {
  const [row] = await deltaStatement<DeltaRow>(db, {
    storeId: principal.storeId,
    since: from,
    clientId: query.clientId ?? null,
  });
  if (!row) throw new Error('the delta statement returned no row');
  const version = Number(row.version);
  if (from > version) return undefined;
  if (row.client_store_id !== null && row.client_device_id !== null) {
    assertOwnClient({ storeId: row.client_store_id, deviceId: row.client_device_id }, principal);
  }

  const queueRows = (row.orders ?? []).map((o) => ({ ...o, order: rowFromJson(orders, o.order) }));
  const own = queueRows.map((o) => o.order);
  const details = orderDetailsOf(
    queueRows,
    (row.lines ?? []).map((l) => ({ ...l, line: rowFromJson(orderLines, l.line) })),
    shipmentSummariesOf(
      (row.shipments ?? []).map((s) => rowFromJson(shipments, s)),
      row.packages ?? [],
    ),
    journeyFactsOf(
      own,
      row.related ?? [],
      (row.notified ?? []).flatMap((lineId) => (lineId === null ? [] : [lineId])),
    ),
    substitutionRefundsOf(row.refunds ?? []),
  );
  const digests = new Map(own.map((o) => [o.id, pickupCodes.digest({ ...o, storeId: principal.storeId })]));
  const changedOrders = details.map((o) => ({ ...o, pickupCodeDigest: digests.get(o.id) ?? '' }));
  const keyIds = new Set(details.map((o) => pickupKeyIdOf(o.placedAt)));

  return {
    cursor: `v2:${version}`,
    reset: false,
    storeId: principal.storeId,
    orders: changedOrders,
    stock: (row.stock ?? []).map((s) => ({ ...s, updatedAt: iso(s.updatedAt) })),
    products: row.products ?? [],
    locations: row.locations ?? [],
    customerArrivals: (row.arrivals ?? []).map(arrivalOf),
    lastProcessedSeq: row.last_seq ?? 0,
    serverTime: new Date().toISOString(),
    pickupCodeKeys: pickupCodes.keysFor(principal.storeId, keyIds),
  };
}
