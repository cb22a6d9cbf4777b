import { asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import type { ActionContext } from '../core/run-order-actions';
import type { ManifestShipment } from '../shipping/carrier';
import { createCarrierRegistry } from '../shipping/carrier-registry';
import { summariseManifest } from '../shipping/manifest';
import type { PostalAddress } from '../shipping/postal-address';
import { loadShippingStore, storeDate } from '../shipping/store-address';

/*
 * Giving a demo order a past: it went through the real actions a moment ago, and these move it
 * to the day the scenario says, with its manifest closed on that day.
 */

/** Closes the shipment on its own manifest, dated the day it left, so today's manifest stays empty. */
export async function manifestShipment(
  db: Db,
  orderId: string,
  actor: ActionContext['actor'],
  shippedAt: Date,
) {
  const carriers = createCarrierRegistry(db);
  const [shipment] = await db.select().from(t.shipments).where(eq(t.shipments.orderId, orderId));
  if (!shipment) throw new Error('demo returns: the shipped order has no shipment');
  const packages = await db
    .select()
    .from(t.shipmentPackages)
    .where(eq(t.shipmentPackages.shipmentId, shipment.id))
    .orderBy(asc(t.shipmentPackages.packageNumber));
  const [order] = await db.select({ number: t.orders.number }).from(t.orders).where(eq(t.orders.id, orderId));
  const store = await loadShippingStore(db, actor.storeId);
  const shipDate = storeDate(store.timezone, shippedAt);
  const shipments: ManifestShipment[] = [
    {
      carrierShipmentId: shipment.carrierShipmentId ?? shipment.id,
      reference: order?.number ?? '',
      service: shipment.service,
      to: shipment.recipient as PostalAddress,
      packages: packages.map(({ packageNumber, trackingNumber, weightGrams }) => ({
        packageNumber,
        trackingNumber,
        weightGrams,
      })),
    },
  ];
  const adapter = carriers.byId(shipment.carrierId);
  const closed = await adapter.closeDay({
    storeId: actor.storeId,
    shipDate,
    from: store.address,
    language: 'it',
    shipments,
  });
  const summary = summariseManifest(shipments);
  const [manifest] = await db
    .insert(t.manifests)
    .values({
      storeId: actor.storeId,
      carrierId: shipment.carrierId,
      carrierName: adapter.name,
      carrierManifestId: closed.manifestId,
      shipDate,
      shipmentCount: summary.totals.shipments,
      packageCount: summary.totals.packages,
      weightGrams: summary.totals.weightGrams,
      rows: summary.rows,
      pdf: closed.pdf,
      createdBy: actor.id,
      createdAt: shippedAt.toISOString(),
    })
    .returning({ id: t.manifests.id });
  await db
    .update(t.shipments)
    .set({ manifestId: manifest!.id, shipDate })
    .where(eq(t.shipments.id, shipment.id));
}

/** Moves every timestamp of the order and of what it caused back by `seconds`. */
export async function backdate(db: Db, orderId: string, seconds: number) {
  const back = (column: SQL) => sql`${column} - make_interval(secs => ${seconds})`;
  await db.execute(sql`
    update orders set placed_at = ${back(sql`placed_at`)}, promised_at = ${back(sql`promised_at`)},
      claimed_at = ${back(sql`claimed_at`)}, picked_at = ${back(sql`picked_at`)}, ready_at = ${back(sql`ready_at`)},
      collected_at = ${back(sql`collected_at`)}, packed_at = ${back(sql`packed_at`)},
      shipped_at = ${back(sql`shipped_at`)}, created_at = ${back(sql`created_at`)}, updated_at = ${back(sql`updated_at`)}
    where id = ${orderId}`);
  await db.execute(sql`update stock_movements set at = ${back(sql`at`)} where order_id = ${orderId}`);
  await db.execute(
    sql`update audit_log set at = ${back(sql`at`)} where entity_type = 'order' and entity_id = ${orderId}`,
  );
  // What the customer was told back then was sent back then.
  await db.execute(sql`
    update customer_notifications set created_at = ${back(sql`created_at`)}, sent_at = ${back(sql`created_at`)}
    where order_id = ${orderId}`);
  await db.execute(sql`
    update shipments set attempted_at = ${back(sql`attempted_at`)}, booked_at = ${back(sql`booked_at`)},
      created_at = ${back(sql`created_at`)}
    where order_id = ${orderId}`);
}

const MINUTE = 60_000;

/**
 * The actions ran within a second, so every step of the order has the same time; a real one
 * took minutes between steps and was promised hours ahead. Gives the order such a timeline,
 * ending when the customer received it, so the manager's KPIs over the demo week read like a
 * store's (picked in minutes, ready before the promise). Collection and shipping stay as the
 * scenario dated them: the return windows count from them.
 */
export async function spreadTimeline(db: Db, orderId: string, receivedAt: Date, shipped: boolean) {
  const placed = new Date(receivedAt.getTime() - (shipped ? 5 * 60 : 26 * 60) * MINUTE);
  const at = (minutes: number) => new Date(placed.getTime() + minutes * MINUTE).toISOString();
  await db.execute(sql`
    update orders set placed_at = ${placed.toISOString()}, promised_at = ${at(shipped ? 24 * 60 : 4 * 60)},
      claimed_at = ${at(22)}, picked_at = ${at(33)},
      ready_at = case when ready_at is null then null else ${at(39)}::timestamptz end,
      packed_at = case when packed_at is null then null else ${at(41)}::timestamptz end,
      created_at = ${placed.toISOString()}
    where id = ${orderId}`);
}
