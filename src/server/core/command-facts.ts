import { sql } from 'drizzle-orm';
import type { CommandReads } from '../../commands/define-command';
import type { BookedParcels, CatalogueProduct, LabelState } from '../../commands/order-tx';
import { checkPickup } from '../../domain/check-pickup';
import { isDomainError, type DomainError } from '../../domain/domain-error';
import type { PassSignatureVerifier } from '../../domain/signed-pickup-pass';
import type { ShelfOccupancy } from '../../domain/shelf';
import { executeNamed } from '../db/prepared';
import { loadElsewhereFacts, type ElsewhereFacts } from './elsewhere-facts';
import type { OrderWork } from './order-work';
import { loadReturnFacts, type ReturnFacts, type ReturnServices } from './return-facts';
import { DomainError as DomainErrorClass } from '../../domain/domain-error';
import { handoverErrorCodes } from '../../domain/pickup-pass';
import { SIGNED_PASS_PREFIX } from '../../domain/signed-pickup-pass';
import type { Limits } from '../rate-limit/limits';
import type { PickupRefusal } from './pickup-attempts';

/**
 * What the server brings to a command beyond the database: checking a signed pickup pass, and
 * what returns need from its configuration.
 */
export interface CommandServices {
  /** Checks a signed pickup pass's signature; without it a signed pass is refused. */
  verifyPass?: PassSignatureVerifier;
  /** Limits wrong typed pickup codes per order (issue 13 point 7); without it none. */
  limits?: Limits;
  /** Where refused pickup tries are noted, to be counted and audited after the transaction. */
  pickupRefusals?: PickupRefusal[];
  /** The payment adapter, approval keys and policy returns are judged and paid with. */
  returns?: ReturnServices;
}

interface ShipmentFact {
  packRevision: number;
  status: 'booking' | 'booked' | 'voided';
  parcels: BookedParcels;
}

/** Everything the commands of one batch declared, loaded before the first of them runs. */
export interface CommandFacts {
  gtins: ReadonlySet<string>;
  /** The catalogue's products of those GTINs, by GTIN-14. */
  catalogue: ReadonlyMap<string, CatalogueProduct>;
  locations: ReadonlySet<string>;
  /** Those shelves' capacity and the orders ready on them when the batch began. */
  shelves: ReadonlyMap<string, ShelfOccupancy>;
  shipments: ReadonlyMap<string, ShipmentFact[]>;
  /** `orderId|code` → the refusal, or null when the code or pass is this order's. */
  pickups: ReadonlyMap<string, DomainError | null>;
  arrivals: ReadonlyMap<string, { orderId: string; acknowledgedBy: string | null }>;
  /** Other stores, their stock, catalogue products and orders placed there already. */
  elsewhere: ElsewhereFacts;
  returns: ReturnFacts;
}

export const pickupKey = (orderId: string, code: string) => `${orderId}|${code}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const unique = <T>(values: Iterable<T>) => [...new Set(values)];

/**
 * Locks and loads the orders a batch names and every fact its commands read, in a fixed number
 * of statements whatever the batch's size: one per kind of read that the batch uses.
 */
export async function loadCommandFacts(
  work: OrderWork,
  reads: readonly CommandReads[],
  services: CommandServices,
): Promise<CommandFacts> {
  await work.prefetch(
    reads.flatMap((r) => [...(r.orders ?? []), ...(r.returns ?? []).map((ret) => ret.orderId)]),
  );
  // Returns lock their orders (of any store) before anything else is read of them.
  const returns = await loadReturnFacts(work, reads, services.returns);
  const gtins = unique(reads.flatMap((r) => r.gtins ?? []));
  const codes = unique(reads.flatMap((r) => r.locations ?? []));
  const labelled = unique(reads.flatMap((r) => r.labels ?? [])).filter((id) => UUID.test(id));
  const arrivalIds = unique(reads.flatMap((r) => (r.arrivals ?? []).map((a) => a.arrivalId))).filter((id) =>
    UUID.test(id),
  );

  const { knownGtins, knownCodes, onShelves, shipmentRows, arrivalRows } = await loadBatchReads(
    work,
    gtins,
    codes,
    labelled,
    arrivalIds,
  );

  const byShipment = new Map<string, ShipmentFact & { orderId: string }>();
  for (const row of shipmentRows) {
    const fact = byShipment.get(row.id) ?? {
      orderId: row.orderId,
      packRevision: row.packRevision,
      status: row.status,
      parcels: {
        carrierId: row.carrierId,
        carrierName: row.carrierName,
        serviceName: row.serviceName,
        trackingNumbers: [],
      },
    };
    if (row.trackingNumber) fact.parcels.trackingNumbers.push(row.trackingNumber);
    byShipment.set(row.id, fact);
  }
  const shipmentsByOrder = new Map<string, ShipmentFact[]>();
  for (const { orderId, ...fact } of byShipment.values()) {
    shipmentsByOrder.set(orderId, [...(shipmentsByOrder.get(orderId) ?? []), fact]);
  }

  return {
    gtins: new Set(knownGtins.map((r) => r.gtin14)),
    catalogue: new Map(knownGtins.map((r) => [r.gtin14, r])),
    locations: new Set(knownCodes.map((r) => r.code)),
    shelves: new Map(
      knownCodes.map((r) => [
        r.code,
        { capacity: r.capacity, orderIds: onShelves.filter((o) => o.code === r.code).map((o) => o.id) },
      ]),
    ),
    shipments: shipmentsByOrder,
    pickups: await checkPickups(work, reads, services),
    arrivals: new Map(
      arrivalRows.map((r) => [r.id, { orderId: r.orderId, acknowledgedBy: r.acknowledgedBy }]),
    ),
    elsewhere: await loadElsewhereFacts(work, reads),
    returns,
  };
}

interface BatchReads {
  knownGtins: (CatalogueProduct & { gtin14: string })[];
  knownCodes: { code: string; capacity: number }[];
  onShelves: { id: string; code: string }[];
  shipmentRows: {
    orderId: string;
    id: string;
    packRevision: number;
    status: ShipmentFact['status'];
    carrierId: string | null;
    carrierName: string | null;
    serviceName: string | null;
    trackingNumber: string | null;
  }[];
  arrivalRows: { id: string; orderId: string; acknowledgedBy: string | null }[];
}

const ids = (values: readonly string[]) =>
  sql`(select value from jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
const uuids = (values: readonly string[]) =>
  sql`(select value::uuid from jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
const none = sql`'[]'::json`;

/**
 * The batch's catalogue products, shelves (with the orders ready on them), label bookings and
 * customer arrivals (locked), in one statement of one JSON column per kind. Every field is a
 * number, text or uuid, which JSON carries exactly.
 */
async function loadBatchReads(
  work: OrderWork,
  gtins: readonly string[],
  codes: readonly string[],
  labelled: readonly string[],
  arrivalIds: readonly string[],
): Promise<BatchReads> {
  const empty = { knownGtins: [], knownCodes: [], onShelves: [], shipmentRows: [], arrivalRows: [] };
  if (gtins.length + codes.length + labelled.length + arrivalIds.length === 0) return empty;
  const { storeId } = work;
  // One text per combination of kinds read (a handful), each sent by name (ADR 0048).
  const rows = await executeNamed<BatchReads>(
    work.tx,
    sql`select
    ${
      gtins.length
        ? sql`(select coalesce(json_agg(json_build_object('productId', p.id, 'sku', p.sku,
            'gtin14', p.gtin14, 'nameEn', p.name_en, 'nameIt', p.name_it, 'priceCents', p.price_cents)), ${none})
          from products p where p.gtin14 in ${ids(gtins)})`
        : none
    } as "knownGtins",
    ${
      codes.length
        ? sql`(select coalesce(json_agg(json_build_object('code', s.code, 'capacity', s.capacity)), ${none})
          from staging_locations s where s.store_id = ${storeId} and s.code in ${ids(codes)})`
        : none
    } as "knownCodes",
    ${
      codes.length
        ? sql`(select coalesce(json_agg(json_build_object('id', o.id, 'code', o.staging_location)), ${none})
          from orders o where o.store_id = ${storeId} and o.status = 'ready'
            and o.staging_location in ${ids(codes)})`
        : none
    } as "onShelves",
    ${
      labelled.length
        ? sql`(select coalesce(json_agg(json_build_object('orderId', s.order_id, 'id', s.id,
            'packRevision', s.pack_revision, 'status', s.status, 'carrierId', s.carrier_id,
            'carrierName', s.carrier_name, 'serviceName', s.service_name,
            'trackingNumber', sp.tracking_number) order by sp.package_number), ${none})
          from shipments s left join shipment_packages sp on sp.shipment_id = s.id
          where s.order_id in ${uuids(labelled)})`
        : none
    } as "shipmentRows",
    ${
      arrivalIds.length
        ? sql`(select coalesce(json_agg(json_build_object('id', a.id, 'orderId', a.order_id,
            'acknowledgedBy', a.acknowledged_by)), ${none})
          from (select id, order_id, acknowledged_by from pickup_arrivals
            where id in ${uuids(arrivalIds)} and store_id = ${storeId} for update) a)`
        : none
    } as "arrivalRows"`,
  );
  return rows[0] ?? empty;
}

/**
 * The customer's proof against each order's own code, signed passes checked with the key ring.
 * Past the limit of wrong typed codes for an order (HANDOVER_CODE_LIMIT), a typed code is
 * refused with handover.tooManyTries and only the QR pass, which cannot be guessed, hands the
 * order over. Refusals are noted for pickup-attempts.ts to count and audit once the
 * transaction is over (a refused REST handover rolls its transaction back).
 */
async function checkPickups(work: OrderWork, reads: readonly CommandReads[], services: CommandServices) {
  const verdicts = new Map<string, DomainError | null>();
  const pickups = reads.flatMap((r) => r.pickups ?? []);
  const typed = (code: string) => !code.trim().startsWith(SIGNED_PASS_PREFIX);
  // The counts of every order a typed code is tried on, in one statement.
  const counted = pickups.filter((p) => typed(p.code) && work.peek(p.orderId)).map((p) => p.orderId);
  const tries =
    services.limits && counted.length > 0
      ? await services.limits.handoverOrder.peekWithin(work.tx, counted)
      : undefined;
  for (const { orderId, code } of pickups) {
    const key = pickupKey(orderId, code);
    const held = work.peek(orderId);
    if (!held || verdicts.has(key)) continue;
    if (typed(code) && tries) {
      const verdict = tries.get(orderId)!;
      if (verdict.exceeded) {
        verdicts.set(
          key,
          new DomainErrorClass(
            handoverErrorCodes.tooManyTries,
            'Too many wrong codes for this order: scan the QR code on the pickup pass',
            { retryAfterSeconds: verdict.retryAfterSeconds, useQrPass: true },
          ),
        );
        services.pickupRefusals?.push({
          orderId,
          storeId: work.storeId,
          reason: handoverErrorCodes.tooManyTries,
          typed: true,
        });
        continue;
      }
    }
    try {
      await checkPickup(
        code,
        { number: held.order.number, storeCode: held.order.storeId, pickupCode: held.order.pickupCode },
        services.verifyPass ?? (() => false),
      );
      verdicts.set(key, null);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      verdicts.set(key, error);
      services.pickupRefusals?.push({
        orderId,
        storeId: work.storeId,
        reason: error.code,
        typed: typed(code),
      });
    }
  }
  return verdicts;
}

/** The label state of the order's current packing, as ship and pack need it. */
export function labelStateOf(facts: CommandFacts, orderId: string, packRevision: number): LabelState {
  const current = (facts.shipments.get(orderId) ?? []).find(
    (s) => s.packRevision === packRevision && (s.status === 'booked' || s.status === 'booking'),
  );
  return current?.status === 'booked' || current?.status === 'booking' ? current.status : 'none';
}

/** The carrier and tracking numbers of the booked label the parcels leave with. */
export function bookedParcelsOf(facts: CommandFacts, orderId: string, packRevision: number): BookedParcels {
  const booked = (facts.shipments.get(orderId) ?? []).find(
    (s) => s.packRevision === packRevision && s.status === 'booked',
  );
  return booked?.parcels ?? { carrierId: null, carrierName: null, serviceName: null, trackingNumbers: [] };
}
