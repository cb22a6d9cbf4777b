import { and, eq, sql } from 'drizzle-orm';
import { orderErrorCodes, shipmentErrorCodes } from '../../contract/error-codes';
import type { ShipmentSummary } from '../../contract/shipping';
import { DomainError } from '../../domain/domain-error';
import { orderErrorCodes as transitionCodes } from '../../domain/order-machine';
import type { PackedPackage } from '../../domain/packing';
import { recordAudit, type Actor } from '../audit/audit';
import type { Db } from '../db/client';
import { orders, shipmentPackages, shipments } from '../db/schema';
import { HttpError } from '../http-error';
import { nextStoreVersion } from '../core/store-version';
import type { CarrierAdapter, CreatedShipment, ShipmentRequest } from './carrier';
import { CarrierError, carrierErrorCodes, isCarrierError } from './carrier-error';
import type { CarrierRegistry } from './carrier-registry';
import type { PostalAddress } from './postal-address';
import { loadShipmentSummaries } from '../core/shipment-summaries';
import { findShipment, renewLease } from './shipment-repository';
import { loadShippingStore, storeDate } from './store-address';

/*
 * Booking an order's label, in three steps (Brandur Leach's "atomic phases"), so no database
 * transaction stays open while the carrier is called:
 *   1. under the order's row lock, take a lease: a `booking` row for this packing (one per
 *      order and pack revision, so two calls never book together);
 *   2. call the carrier, retrying only carrier.unavailable, with the same idempotency keys;
 *   3. record the tracking numbers and labels, mark the shipment booked, and bump the order's
 *      change number so every device pulls them; or, on a refusal, drop the lease.
 * Calling again returns the booked shipment. A lease left by a process that died mid-call runs
 * out after LEASE_SECONDS; the next call takes it over with the same keys, which the carrier
 * contract promises never books twice.
 */

const LEASE_SECONDS = 60;
const MAX_ATTEMPTS = 3;

export interface ShipmentActor extends Actor {
  id: string;
  storeId: string;
}

type Lease =
  | { kind: 'booked'; shipmentId: string }
  | { kind: 'lease'; shipmentId: string; adapter: CarrierAdapter; request: ShipmentRequest };

/** The idempotency key of one package of one packing: the order, the pack revision, the number. */
export function packageKey(orderId: string, packRevision: number, packageNumber: number): string {
  return `${orderId}/${packRevision}/${packageNumber}`;
}

async function takeLease(
  db: Db,
  carriers: CarrierRegistry,
  actor: ShipmentActor,
  orderId: string,
  service: string | undefined,
): Promise<Lease> {
  return db.transaction(async (tx) => {
    const [order] = await tx
      .select()
      .from(orders)
      .where(and(eq(orders.id, orderId), eq(orders.storeId, actor.storeId)))
      .for('update');
    if (!order) throw new DomainError(orderErrorCodes.notFound, 'No such order in this store', { orderId });
    if (order.fulfillmentType !== 'ship_from_store') {
      throw new DomainError(
        transitionCodes.notForFulfillmentType,
        'Only ship-from-store orders get a label',
        {
          event: 'label',
          fulfillmentType: order.fulfillmentType,
        },
      );
    }
    const existing = await findShipment(tx, order.id, order.packRevision);
    if (existing?.status === 'booked') return { kind: 'booked', shipmentId: existing.id };
    if (order.status !== 'packed') {
      throw new DomainError(
        transitionCodes.illegalTransition,
        `An order that is ${order.status} cannot get a label`,
        {
          event: 'label',
          from: order.status,
          allowedFrom: ['packed'],
        },
      );
    }
    if (existing && !(await renewLease(tx, existing.id, LEASE_SECONDS))) {
      throw new HttpError(
        409,
        shipmentErrorCodes.inProgress,
        'This label is being booked; try again shortly',
      );
    }
    const store = await loadShippingStore(tx, actor.storeId);
    const { adapter, defaultService } = carriers.forStore(actor.storeId);
    const code = service ?? existing?.service ?? defaultService;
    const chosen = adapter.services.find((s) => s.code === code);
    if (!chosen) {
      throw new CarrierError(carrierErrorCodes.serviceNotOffered, `${adapter.name} does not offer ${code}`, {
        service: code,
        offered: adapter.services.map((s) => s.code),
      });
    }
    const recipient: PostalAddress = {
      ...(order.shippingAddress as PostalAddress),
      ...(order.customerPhone ? { phone: order.customerPhone } : {}),
    };
    const booking = {
      storeId: actor.storeId,
      orderId: order.id,
      packRevision: order.packRevision,
      status: 'booking' as const,
      carrierId: adapter.id,
      carrierName: adapter.name,
      service: chosen.code,
      serviceName: chosen.name,
      shipDate: storeDate(store.timezone),
      recipient,
    };
    const [row] = existing
      ? await tx.update(shipments).set(booking).where(eq(shipments.id, existing.id)).returning()
      : await tx.insert(shipments).values(booking).returning();
    if (!row) throw new Error('shipment lease not written');
    const packages = (order.packages ?? []) as PackedPackage[];
    return {
      kind: 'lease',
      shipmentId: row.id,
      adapter,
      request: {
        storeId: actor.storeId,
        reference: order.number,
        service: chosen.code,
        shipDate: booking.shipDate,
        from: store.address,
        to: recipient,
        packages: packages.map((pkg) => ({
          idempotencyKey: packageKey(order.id, order.packRevision, pkg.packageNumber),
          packageNumber: pkg.packageNumber,
          type: pkg.type,
          weightGrams: pkg.weightGrams,
          dimensions: { lengthMm: pkg.lengthMm, widthMm: pkg.widthMm, heightMm: pkg.heightMm },
        })),
      },
    };
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Calls the carrier; only carrier.unavailable (or anything unexpected) is tried again. */
async function book(adapter: CarrierAdapter, request: ShipmentRequest): Promise<CreatedShipment> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await adapter.createShipment(request);
    } catch (error) {
      const failure = isCarrierError(error)
        ? error
        : new CarrierError(carrierErrorCodes.unavailable, 'The carrier gave an unexpected answer', {
            carrierMessage: error instanceof Error ? error.message : String(error),
          });
      if (!failure.retryable || attempt >= MAX_ATTEMPTS) throw failure;
      // Full jitter over an exponential step: 0–200 ms, then 0–400 ms.
      await pause(Math.random() * 100 * 2 ** attempt);
    }
  }
}

async function recordBooking(
  db: Db,
  actor: ShipmentActor,
  orderId: string,
  lease: Extract<Lease, { kind: 'lease' }>,
  created: CreatedShipment,
): Promise<void> {
  await db.transaction(async (tx) => {
    // The order first, then the store's change counter: the order in which pushes take them.
    await tx.select({ id: orders.id }).from(orders).where(eq(orders.id, orderId)).for('update');
    const version = await nextStoreVersion(tx, actor.storeId);
    await tx.insert(shipmentPackages).values(
      created.packages.map((pkg, index) => {
        const spec = lease.request.packages[index]!;
        return {
          shipmentId: lease.shipmentId,
          storeId: actor.storeId,
          packageNumber: spec.packageNumber,
          idempotencyKey: spec.idempotencyKey,
          type: spec.type,
          weightGrams: spec.weightGrams,
          ...spec.dimensions,
          carrierId: lease.adapter.id,
          trackingNumber: pkg.trackingNumber,
          labelKind: pkg.label.kind,
          labelPdf: pkg.label.kind === 'pdf' ? pkg.label.pdf : null,
          labelBarcode: pkg.label.kind === 'data' ? pkg.label.barcode : null,
          routingCode: pkg.label.kind === 'data' ? (pkg.label.routingCode ?? null) : null,
        };
      }),
    );
    await tx
      .update(shipments)
      .set({ status: 'booked', carrierShipmentId: created.carrierShipmentId, bookedAt: sql`now()` })
      .where(eq(shipments.id, lease.shipmentId));
    await tx
      .update(orders)
      .set({ version: sql`${orders.version} + 1`, syncVersion: version, updatedAt: sql`now()` })
      .where(eq(orders.id, orderId));
    await recordAudit(tx, actor, {
      action: 'order.label',
      entityType: 'order',
      entityId: orderId,
      details: {
        carrierId: lease.adapter.id,
        carrierShipmentId: created.carrierShipmentId,
        trackingNumbers: created.packages.map((p) => p.trackingNumber),
      },
    });
  });
}

/** Books the label of a packed order with the store's carrier, or returns the one booked. */
export async function createOrderShipment(
  db: Db,
  carriers: CarrierRegistry,
  actor: ShipmentActor,
  orderId: string,
  service?: string,
): Promise<{ created: boolean; shipment: ShipmentSummary }> {
  const lease = await takeLease(db, carriers, actor, orderId, service);
  if (lease.kind === 'lease') {
    let created: CreatedShipment;
    try {
      created = await book(lease.adapter, lease.request);
    } catch (error) {
      // Nothing was booked (the contract is all or nothing): the next call starts afresh.
      await db
        .delete(shipments)
        .where(and(eq(shipments.id, lease.shipmentId), eq(shipments.status, 'booking')));
      throw error;
    }
    await recordBooking(db, actor, orderId, lease, created);
  }
  const shipment = (await loadShipmentSummaries(db, [orderId])).get(orderId);
  if (!shipment) throw new Error(`shipment of order ${orderId} vanished`);
  return { created: lease.kind === 'lease', shipment };
}
