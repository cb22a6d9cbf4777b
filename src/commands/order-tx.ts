import type { ShelfOccupancy } from '../domain/shelf';
import type { StockDelta } from '../domain/order-stock';
import type { LineState, OrderChanges, OrderState } from './order-state';
import type { NewOrderElsewhere, PlacedOrder, PlacementRequest, ProductRef } from './place-order';
import type {
  ApprovalVerdict,
  NewReturn,
  RefundToPay,
  ReturnOrderFacts,
  ReturnRules,
  StoredReturn,
} from './return-order';

/**
 * Who runs a command: the signed-in associate (or manager) on the device that queued it, or the
 * e-commerce platform (a cancel through its API).
 */
export interface CommandActor {
  /** A customer answers a substitution request from a signed link (issue 15). */
  type: 'associate' | 'platform' | 'customer';
  /** The associate's id, or the platform's name. */
  id: string;
  name: string;
  storeId: string;
  role: 'associate' | 'manager' | 'platform' | 'customer';
  deviceId: string | null;
}

/** A product as a substitute is chosen from: what the customer is shown and charged. */
export interface CatalogueProduct {
  productId: string;
  sku: string;
  gtin14: string;
  nameEn: string;
  nameIt: string;
  priceCents: number;
}

/** Whether a shipping label is booked for the order's current packing. */
export type LabelState = 'none' | 'booking' | 'booked';

export interface BookedParcels {
  carrierId: string | null;
  carrierName: string | null;
  serviceName: string | null;
  trackingNumbers: string[];
}

/** The status events the e-commerce platform receives (docs/webhooks.md). */
export type WebhookEventType =
  | 'order.ready'
  | 'order.collected'
  | 'order.shipped'
  | 'order.cancelled'
  | 'order.expired'
  | 'order.lineCancelled'
  | 'return.refunded'
  | 'order.refunded'
  | 'order.substitution_requested'
  | 'order.substitution_decided'
  | 'order.partially_handed_over'
  | 'order.items_refused';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  details?: Record<string, unknown>;
}

/**
 * What a command causes beyond the orders of its store. The server carries each out with
 * authority, in the command's transaction (stock ledger, audit, the customer-message and webhook
 * outboxes, orders placed at other stores, returns and refunds); the device's replica does
 * nothing with them, or predicts what it can show: the server's answer brings them back.
 */
export interface CommandEffects {
  /** `productId` moves another product than the line's: a substitute picked for it. */
  moveStock(move: {
    orderId: string;
    lineId: string;
    reason: string;
    delta: StockDelta;
    productId?: string;
  }): void;
  audit(entry: AuditEntry): void;
  notifyCustomer(orderId: string, kind: string, payload: Record<string, unknown>): void;
  webhook(orderId: string, type: WebhookEventType, data?: Record<string, unknown>): void;
  /** "I'm on it": the associate took the customer who said they are here. */
  acknowledgeArrival(arrivalId: string): void;
  /** The customers waiting for this order were served (a handover). */
  serveArrivals(orderId: string): void;
  /**
   * Places an order at another store, its stock reserved there. The server answers the new
   * order's id and number; a device answers '' for both (it learns them from the pull).
   */
  placeOrder(order: NewOrderElsewhere): PlacedOrder;
  /** Records a return taken at this store's counter, with its units. */
  recordReturn(taken: NewReturn): void;
  /**
   * Pays a refund back to the order's payment, once per refund key; `audit` is written with the
   * payment's receipt (adapter and reference) added, as it is known only once paid.
   */
  refund(refund: RefundToPay, audit: AuditEntry): void;
}

/**
 * The one interface every command runs against. Reads are synchronous: each side loads what a
 * command declares (`reads`) before running it, so a command is a pure function of what it
 * reads and the same code runs on the device and on the server. A read that answers `undefined`
 * means "this side cannot tell" (a device's replica may lack it): the check is then the
 * server's alone, and the command goes on.
 */
export interface OrderTx {
  readonly actor: CommandActor;
  /** The command's time: the server's clock there, the moment it was queued on the device. */
  now(): string;
  /** The order, as earlier commands of this transaction left it; throws order.notFound. */
  order(orderId: string): OrderState;
  /** Whether the catalogue knows a product (to tell a wrong item from an unknown code). */
  isKnownGtin(gtin14: string): boolean;
  /** A catalogue product by GTIN-14 (declared in `gtins`), or null when there is none. */
  product(gtin14: string): CatalogueProduct | null;
  isStagingLocation(code: string): boolean | undefined;
  /** The shelf's capacity and the orders on it now; undefined when this side cannot tell. */
  shelf(code: string): ShelfOccupancy | undefined;
  labelState(orderId: string): LabelState | undefined;
  /** The carrier and tracking numbers of the booked label of the current packing, if known here. */
  bookedParcels(orderId: string): BookedParcels | undefined;
  /** The ship-to-store parcel check: whether `code` is the parcel the order waits for. */
  isExpectedParcel(orderId: string, code: string): boolean | undefined;
  /**
   * The customer's proof at the handover (a typed code or a scanned pass), checked by whoever
   * can: the server against the code, the device against what its replica holds. Throws the
   * refusal; returns quietly when accepted or when this side cannot tell.
   */
  checkPickup(orderId: string, code: string): void;
  /** An arrival of this order at this store: who took it, or undefined when unknown here. */
  arrival(arrivalId: string, orderId: string): { acknowledgedBy: string | null } | null | undefined;

  /** Another store of the chain: its name, or null when there is none. */
  store(storeId: string): { name: string } | null | undefined;
  isKnownProduct(productId: string): boolean | undefined;
  /**
   * Units of a product another store can still promise (on hand − reserved − safety stock),
   * less what this transaction placed there already.
   */
  availableAt(storeId: string, product: ProductRef): number | undefined;
  /**
   * The order placed already under an external id (a resend), and whether from the same
   * request; null when there is none.
   */
  placedOrder(
    externalId: string,
    request: PlacementRequest,
  ): (PlacedOrder & { sameRequest: boolean }) | null | undefined;

  /** The order a return takes goods back for, of any store, with its history; null when none. */
  returnOrder(orderId: string): ReturnOrderFacts | null | undefined;
  /** The return recorded already under this id (a resend), or null. */
  storedReturn(returnId: string): StoredReturn | null | undefined;
  returnRules(): ReturnRules | undefined;
  /** The receipt number of a new return: the server's is free; a device's is the first it may be. */
  returnNumber(returnId: string): string;
  /** Whether an associate is an active manager of this store, as the database says. */
  isActiveManager(associateId: string): boolean | undefined;
  /** A manager's approval the command carries, its signature checked by the server only. */
  approval(token: string): ApprovalVerdict | undefined;

  update(orderId: string, changes: OrderChanges): OrderState;
  saveLine(orderId: string, line: LineState): void;
  readonly effects: CommandEffects;
}
