import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { shipmentErrorCodes } from '../../contract/error-codes';
import type { ManifestListItem, ManifestsResponse, ManifestView } from '../../contract/shipping';
import type { Language } from './carrier';
import { recordAudit } from '../audit/audit';
import type { Db, Executor } from '../db/client';
import { manifests, orders, shipmentPackages, shipments } from '../db/schema';
import { iso } from '../db/time';
import { HttpError } from '../http-error';
import type { ManifestShipment } from './carrier';
import { CarrierError, carrierErrorCodes } from './carrier-error';
import type { CarrierRegistry } from './carrier-registry';
import { summariseManifest, type ManifestRow } from './manifest';
import type { PostalAddress } from './postal-address';
import type { ShipmentActor } from './shipment-service';
import { loadShippingStore, storeDate } from './store-address';

/*
 * The end of the store's day: every parcel marked shipped and not yet on a manifest goes on
 * one, per carrier, which the driver signs when collecting. Parcels left from an earlier day
 * that was never closed go on today's. Labelled orders not marked shipped stay out: they are
 * still on the pack bench.
 */

type OpenShipment = ManifestShipment & { id: string; carrierId: string };

/** The store's shipped, not yet manifested shipments, with their packages. */
async function openShipments(db: Executor, storeId: string, lock: boolean): Promise<OpenShipment[]> {
  const query = db
    .select({ shipment: shipments, number: orders.number })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .where(
      and(
        eq(shipments.storeId, storeId),
        eq(shipments.status, 'booked'),
        isNull(shipments.manifestId),
        eq(orders.status, 'shipped'),
      ),
    )
    .orderBy(asc(shipments.id));
  // Two closings at once: the second waits on these rows, then finds them manifested.
  const rows = lock ? await query.for('update', { of: shipments }) : await query;
  if (rows.length === 0) return [];
  const packages = await db
    .select({
      shipmentId: shipmentPackages.shipmentId,
      packageNumber: shipmentPackages.packageNumber,
      trackingNumber: shipmentPackages.trackingNumber,
      weightGrams: shipmentPackages.weightGrams,
    })
    .from(shipmentPackages)
    .where(
      inArray(
        shipmentPackages.shipmentId,
        rows.map((r) => r.shipment.id),
      ),
    )
    .orderBy(asc(shipmentPackages.packageNumber));
  return rows.map(({ shipment, number }) => ({
    id: shipment.id,
    carrierId: shipment.carrierId,
    carrierShipmentId: shipment.carrierShipmentId ?? shipment.id,
    reference: number,
    service: shipment.service,
    to: shipment.recipient as PostalAddress,
    packages: packages
      .filter((p) => p.shipmentId === shipment.id)
      .map(({ packageNumber, trackingNumber, weightGrams }) => ({
        packageNumber,
        trackingNumber,
        weightGrams,
      })),
  }));
}

type ManifestRecord = typeof manifests.$inferSelect;

function listItem(row: ManifestRecord): ManifestListItem {
  return {
    id: row.id,
    carrierId: row.carrierId,
    carrierName: row.carrierName,
    carrierManifestId: row.carrierManifestId,
    shipDate: row.shipDate,
    totals: { shipments: row.shipmentCount, packages: row.packageCount, weightGrams: row.weightGrams },
    createdAt: iso(row.createdAt),
  };
}

const viewOf = (row: ManifestRecord): ManifestView => ({ ...listItem(row), rows: row.rows as ManifestRow[] });

/** The day at a glance: what closing would take, what still waits to be shipped, what was closed. */
export async function manifestsOfDay(db: Db, storeId: string, date?: string): Promise<ManifestsResponse> {
  const store = await loadShippingStore(db, storeId);
  const day = date ?? storeDate(store.timezone);
  const pending = summariseManifest(await openShipments(db, storeId, false));
  const awaiting = await db
    .select({ orderId: orders.id, orderNumber: orders.number })
    .from(shipments)
    .innerJoin(orders, and(eq(orders.id, shipments.orderId), eq(orders.packRevision, shipments.packRevision)))
    .where(and(eq(shipments.storeId, storeId), eq(shipments.status, 'booked'), eq(orders.status, 'packed')))
    .orderBy(asc(orders.number));
  const closed = await db
    .select()
    .from(manifests)
    .where(and(eq(manifests.storeId, storeId), eq(manifests.shipDate, day)))
    .orderBy(desc(manifests.createdAt));
  return { date: day, pending, awaitingShip: awaiting, manifests: closed.map(listItem) };
}

/**
 * Closes the day: one manifest per carrier with parcels. The carrier is called inside the
 * transaction that holds the day's shipment rows, which keeps two closings from splitting
 * them; it is a once-a-day call, and the carrier contract makes a repeat give the same id.
 */
export async function closeDay(
  db: Db,
  carriers: CarrierRegistry,
  actor: ShipmentActor,
  language: Language,
): Promise<ManifestView[]> {
  return db.transaction(async (tx) => {
    const open = await openShipments(tx, actor.storeId, true);
    if (open.length === 0) {
      throw new CarrierError(carrierErrorCodes.nothingToClose, 'No shipped parcel waits for a manifest', {
        storeId: actor.storeId,
      });
    }
    const store = await loadShippingStore(tx, actor.storeId);
    const shipDate = storeDate(store.timezone);
    const closed: ManifestView[] = [];
    for (const carrierId of [...new Set(open.map((s) => s.carrierId))].sort()) {
      const theirs = open.filter((s) => s.carrierId === carrierId);
      const adapter = carriers.byId(carrierId);
      const manifest = await adapter.closeDay({
        storeId: actor.storeId,
        shipDate,
        from: store.address,
        language,
        shipments: theirs,
      });
      const summary = summariseManifest(theirs);
      const [inserted] = await tx
        .insert(manifests)
        .values({
          storeId: actor.storeId,
          carrierId,
          carrierName: adapter.name,
          carrierManifestId: manifest.manifestId,
          shipDate,
          shipmentCount: summary.totals.shipments,
          packageCount: summary.totals.packages,
          weightGrams: summary.totals.weightGrams,
          rows: summary.rows,
          pdf: manifest.pdf,
          createdBy: actor.id,
        })
        .onConflictDoNothing()
        .returning();
      const row =
        inserted ??
        (
          await tx
            .select()
            .from(manifests)
            .where(
              and(
                eq(manifests.storeId, actor.storeId),
                eq(manifests.carrierId, carrierId),
                eq(manifests.carrierManifestId, manifest.manifestId),
              ),
            )
        )[0];
      if (!row) throw new Error('manifest row vanished');
      await tx
        .update(shipments)
        .set({ manifestId: row.id })
        .where(
          inArray(
            shipments.id,
            theirs.map((s) => s.id),
          ),
        );
      await recordAudit(tx, actor, {
        action: 'shipping.closeDay',
        entityType: 'manifest',
        entityId: row.id,
        details: { carrierId, carrierManifestId: manifest.manifestId, ...summary.totals },
      });
      closed.push(viewOf(row));
    }
    return closed;
  });
}

async function loadManifest(db: Executor, storeId: string, manifestId: string): Promise<ManifestRecord> {
  const [row] = await db
    .select()
    .from(manifests)
    .where(and(eq(manifests.id, manifestId), eq(manifests.storeId, storeId)));
  if (!row)
    throw new HttpError(404, shipmentErrorCodes.manifestNotFound, 'No such manifest in this store', {
      manifestId,
    });
  return row;
}

export async function getManifest(db: Executor, storeId: string, manifestId: string): Promise<ManifestView> {
  return viewOf(await loadManifest(db, storeId, manifestId));
}

export async function getManifestPdf(
  db: Executor,
  storeId: string,
  manifestId: string,
): Promise<{ carrierManifestId: string; pdf: Uint8Array }> {
  const row = await loadManifest(db, storeId, manifestId);
  return { carrierManifestId: row.carrierManifestId, pdf: row.pdf };
}
