import type { IdDocumentType } from '../domain/id-check';
import type { FulfillmentType, OrderStatus } from '../domain/order-machine';
import type { PackedPackage } from '../domain/packing';
import type { ShortReason } from '../domain/picking';
import type { LineSubstitute, OrderSubstitution, SubstitutionPreference } from '../domain/substitution';

/**
 * An order as a command sees it, the same on both sides: the server maps its rows onto it, the
 * device its replica. Only what some command reads or writes is here; each side keeps the rest.
 */
export interface OrderState {
  id: string;
  storeId: string;
  number: string;
  status: OrderStatus;
  fulfillmentType: FulfillmentType;
  customerLanguage: 'it' | 'en';
  /** The associate who claimed it. */
  claimedBy: string | null;
  claimedAt: string | null;
  pickedAt: string | null;
  stagingLocation: string | null;
  readyAt: string | null;
  collectedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  cancelledBy: string | null;
  putBackAt: string | null;
  packedAt: string | null;
  shippedAt: string | null;
  packages: PackedPackage[];
  /** Counts packings; a label belongs to one of them (ADR 0014). */
  packRevision: number;
  /** Ship-to-store: the parcel the order waits for. */
  inboundTracking: string | null;
  /** The customer's substitution preference and the store's rule it was taken under (issue 15). */
  substitution: OrderSubstitution | null;
  /** What the customer paid for the goods (lines less discounts, no shipping): refunds stay within it. */
  paidGoodsCents: number;
  lines: LineState[];
  // The handover at the counter (ADR 0047): the ID step's flags and its outcome.
  highValue: boolean;
  /** The third party the customer named to collect. */
  collectorName: string | null;
  idCheckedAt: string | null;
  idCheckedBy: string | null;
  idDocumentType: IdDocumentType | null;
  idDocumentLast4: string | null;
}

/**
 * Where a line's short units went: an order at another store. A device that queued the move
 * knows only the store until it pulls: the id and number are '' until the server placed it.
 */
export interface RerouteTarget {
  orderId: string;
  orderNumber: string;
  storeId: string;
  /**
   * How many short units moved, so a unit shorted later on the line is still refunded
   * (`removedUnits`); absent where unknown (the device's replica), which counts every short unit.
   */
  qty?: number;
}

export interface LineState {
  id: string;
  lineNo: number;
  sku: string;
  /** The ordered product's GTIN-14. */
  gtin14: string;
  qtyOrdered: number;
  qtyPicked: number;
  qtyShort: number;
  shortReason: ShortReason | null;
  unitPriceCents: number;
  /** The order at another store the short units moved to. */
  reroutedTo: RerouteTarget | null;
  /** The customer was told the short units are cancelled. */
  customerNotified: boolean;
  /** The line's own substitution preference; null: the order's. */
  substitutionPreference: SubstitutionPreference | null;
  /** The substitute picked for its short units, and the customer's answer. */
  substitute: LineSubstitute | null;
  // The handover at the counter (ADR 0047).
  qtyHandedOver: number;
  qtyRefused: number;
  /** The age the customer must have for it; null when none. */
  minimumAge: number | null;
}

/** The order fields a command may change; lines change through `saveLine`. */
export type OrderChanges = Partial<
  Pick<
    OrderState,
    | 'status'
    | 'claimedBy'
    | 'claimedAt'
    | 'pickedAt'
    | 'stagingLocation'
    | 'readyAt'
    | 'collectedAt'
    | 'cancelledAt'
    | 'cancelReason'
    | 'cancelledBy'
    | 'putBackAt'
    | 'packedAt'
    | 'shippedAt'
    | 'packages'
    | 'packRevision'
    | 'idCheckedAt'
    | 'idCheckedBy'
    | 'idDocumentType'
    | 'idDocumentLast4'
  >
>;
