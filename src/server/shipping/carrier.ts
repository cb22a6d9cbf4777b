import type { Language } from '../../contract/orders';
import { packageTypes, type PackageType } from '../../domain/packing';
import type { PostalAddress } from './postal-address';

/*
 * The one interface every carrier plugs in behind (BRT, GLS, Poste, DHL, UPS… and Aisle's own
 * fleet). How to add one, and what the app promises an adapter: docs/carrier-adapters.md.
 *
 * An adapter is stateless towards the app: the app keeps its own record of every shipment
 * (tracking numbers, carrier ids, what was voided or manifested) and hands back what an
 * adapter needs. Errors are CarrierError with a stable code (carrier-error.ts); anything else
 * thrown is treated as carrier.unavailable, retried, then reported.
 */

/** The languages documents are printed in: the customer's for a packing slip, the store's for a manifest. */
export type { Language };

// One list for the pack bench (the domain rules, on the device and the server) and the carriers.
export { packageTypes, type PackageType };

/** Outside dimensions in millimetres, as measured at the pack bench. Adapters convert. */
export interface Dimensions {
  lengthMm: number;
  widthMm: number;
  heightMm: number;
}

export interface PackageSpec {
  /**
   * Stable for this package across every retry of the same shipment (the app derives it from
   * the order and the package number, plus a counter bumped only when the associate re-packs).
   * A carrier that takes an idempotency or transaction key gets this one.
   */
  idempotencyKey: string;
  /** 1-based: package n of packages.length. */
  packageNumber: number;
  type: PackageType;
  /** Whole grams, weighed. */
  weightGrams: number;
  dimensions: Dimensions;
}

export interface ShipmentRequest {
  storeId: string;
  /** The order number: printed on the label, sent to the carrier as the customer reference. */
  reference: string;
  /** One of the adapter's `services[].code`. */
  service: string;
  /** The day the parcel leaves, YYYY-MM-DD in the store's time zone. */
  shipDate: string;
  /** The store. */
  from: PostalAddress;
  /** The customer's shipping address. */
  to: PostalAddress;
  /** One or more, numbered 1..n in order. */
  packages: readonly PackageSpec[];
}

/**
 * A 4×6 in label: the carrier's own PDF, printed as it is; or the data Aisle needs to draw
 * one (renderShippingLabel), for carriers whose API answers with numbers and routing codes only.
 */
export type CarrierLabel =
  { kind: 'pdf'; pdf: Uint8Array } | { kind: 'data'; barcode: string; routingCode?: string };

export interface ShippedPackage {
  idempotencyKey: string;
  packageNumber: number;
  trackingNumber: string;
  label: CarrierLabel;
}

export interface CreatedShipment {
  /** The carrier's id for the whole shipment: what voidShipment takes. */
  carrierShipmentId: string;
  /** One per requested package, in the same order. */
  packages: ShippedPackage[];
}

export interface VoidRequest {
  storeId: string;
  carrierShipmentId: string;
  trackingNumbers: readonly string[];
}

/** A shipment as the app recorded it, for the manifest. */
export interface ManifestShipment {
  carrierShipmentId: string;
  reference: string;
  service: string;
  to: PostalAddress;
  packages: readonly { packageNumber: number; trackingNumber: string; weightGrams: number }[];
}

export interface CloseDayRequest {
  storeId: string;
  /** YYYY-MM-DD in the store's time zone. */
  shipDate: string;
  from: PostalAddress;
  language: Language;
  /** Every shipment of that day the app holds as created, not voided and not yet manifested. */
  shipments: readonly ManifestShipment[];
}

export interface CarrierManifest {
  /** The carrier's id for the close-out; the same request again gives the same id. */
  manifestId: string;
  /** A4, for the driver to sign; the app prints it and keeps it. */
  pdf: Uint8Array;
}

export interface CarrierService {
  code: string;
  /** Printed on the label, e.g. "Next day". */
  name: string;
}

export interface CarrierAdapter {
  /** Stable, stored with each shipment: 'aisle-fleet', 'brt', 'gls'… */
  readonly id: string;
  /** Printed on labels and manifests. */
  readonly name: string;
  readonly services: readonly CarrierService[];
  /**
   * Books the shipment and returns a tracking number and a label per package. Must not book a
   * package twice for an idempotencyKey it has already booked (the app retries with the same
   * keys after a timeout or carrier.unavailable). All-or-nothing: on error, nothing is booked.
   */
  createShipment(request: ShipmentRequest): Promise<CreatedShipment>;
  /** Cancels a booked shipment before it is manifested. Voiding a voided shipment succeeds. */
  voidShipment(request: VoidRequest): Promise<void>;
  /** Closes the day: the manifest the driver signs when collecting the parcels. */
  closeDay(request: CloseDayRequest): Promise<CarrierManifest>;
}
