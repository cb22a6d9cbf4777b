import { orderErrorCodes } from '../contract/error-codes';
import type { SyncOrder } from '../contract/sync';
import { DomainError } from '../domain/domain-error';
import { pickedUnits } from '../domain/picking';
import { returnNumberCandidates } from '../domain/return-number';
import { occupantsOf, type ShelfOccupancy } from '../domain/shelf';
import type { LineState, OrderChanges, OrderState } from './order-state';
import type { CatalogueProduct, CommandActor, CommandEffects, OrderTx } from './order-tx';
import { productKey, type ProductRef } from './place-order';
import type { ReturnOrderFacts, ReturnRules } from './return-order';

/**
 * What the device knew when it queued a command, beyond the order itself. Each is optional: a
 * fact left out means "this device cannot tell", and the check is the server's alone. Folding
 * commands that were already checked when queued passes none.
 */
export interface ReplicaFacts {
  /** GTIN-14s the replica's catalogue holds, of those the command named. */
  knownGtins?: ReadonlySet<string>;
  /** Those products as the replica's catalogue holds them, by GTIN-14. */
  catalogue?: ReadonlyMap<string, CatalogueProduct>;
  /** Staging codes of the store, of those the command named. */
  locations?: ReadonlySet<string>;
  /** Those shelves' capacity and the orders ready on them, as the replica shows them. */
  shelves?: ReadonlyMap<string, ShelfOccupancy>;
  /** `orderId|code` → whether the scanned parcel is the one the order waits for. */
  parcels?: ReadonlyMap<string, boolean>;
  /** `orderId|code` → the refusal of the customer's code or pass, or null when it was accepted. */
  pickups?: ReadonlyMap<string, DomainError | null>;
  /** Customers who said they are here, as the replica holds them. */
  arrivals?: ReadonlyMap<string, { orderId: string; acknowledgedBy: string | null }>;
  /** `storeId|product` (stockKey) → the other store's availability the associate was shown. */
  stock?: ReadonlyMap<string, number>;
  /** Orders the return counter cached (of any store), with the returns it knew of. */
  returnOrders?: ReadonlyMap<string, ReturnOrderFacts>;
  /** The return rules the counter cached. */
  returnRules?: ReturnRules;
}

export const factKey = (orderId: string, code: string) => `${orderId}|${code}`;
export const stockKey = (storeId: string, product: ProductRef) => `${storeId}|${productKey(product)}`;

/**
 * A device only acts on an order with effects it can show: everything else is the server's. An
 * order placed at another store has no id or number until the server placed it.
 */
const noEffects: CommandEffects = {
  moveStock: () => {},
  audit: () => {},
  notifyCustomer: () => {},
  webhook: () => {},
  acknowledgeArrival: () => {},
  serveArrivals: () => {},
  placeOrder: (order) => ({ orderId: '', orderNumber: '', storeId: order.storeId }),
  recordReturn: () => {},
  refund: () => {},
};

export function orderStateOf(order: SyncOrder, storeId: string): OrderState {
  return {
    id: order.id,
    storeId,
    number: order.number,
    status: order.status,
    fulfillmentType: order.fulfillmentType,
    customerLanguage: order.customer.language,
    claimedBy: order.claimedBy?.id ?? null,
    claimedAt: null,
    pickedAt: null,
    stagingLocation: order.stagingLocation,
    readyAt: order.readyAt,
    collectedAt: order.collectedAt,
    cancelledAt: null,
    cancelReason: order.cancelReason,
    cancelledBy: order.cancelledBy,
    putBackAt: order.putBackAt,
    packedAt: order.packedAt ?? null,
    shippedAt: order.shippedAt ?? null,
    packages: order.packages ?? [],
    packRevision: 0,
    inboundTracking: order.inboundTracking ?? null,
    substitution: order.substitution ?? null,
    // The device pays no refund: the order's total is as near as its replica knows.
    paidGoodsCents: order.totalCents,
    lines: order.lines.map((line) => ({
      id: line.id,
      lineNo: line.lineNo,
      sku: line.sku,
      gtin14: line.gtin14,
      qtyOrdered: line.qtyOrdered,
      qtyPicked: line.qtyPicked,
      qtyShort: line.qtyShort,
      shortReason: line.shortReason,
      unitPriceCents: line.unitPriceCents,
      // An optimistic re-route has no order id yet: it still counts as moved.
      reroutedTo: line.reroutedTo
        ? {
            orderId: line.reroutedTo.orderId,
            orderNumber: line.reroutedTo.orderNumber,
            storeId: line.reroutedTo.storeId,
          }
        : null,
      customerNotified: !!line.customerNotified,
      substitutionPreference: line.substitutionPreference ?? null,
      substitute: line.substitute ?? null,
      qtyHandedOver: line.qtyHandedOver ?? 0,
      qtyRefused: line.qtyRefused ?? 0,
      minimumAge: line.minimumAge ?? null,
    })),
    highValue: order.idCheck?.reasons.includes('highValue') ?? false,
    collectorName: order.idCheck?.collectorName ?? null,
    idCheckedAt: order.idCheck?.checkedAt ?? null,
    idCheckedBy: null,
    idDocumentType: order.idCheck?.documentType ?? null,
    idDocumentLast4: order.idCheck?.last4 ?? null,
  };
}

/** The order fields a device replica shows, by the name both share. */
const shownFields = [
  'status',
  'stagingLocation',
  'readyAt',
  'collectedAt',
  'cancelReason',
  'cancelledBy',
  'putBackAt',
  'packedAt',
  'shippedAt',
  'packages',
] as const satisfies readonly (keyof OrderChanges & keyof SyncOrder)[];

export interface ReplicaTx extends OrderTx {
  /** The replica's orders as the commands run so far left them. */
  readonly orders: ReadonlyMap<string, SyncOrder>;
}

/**
 * The device's side of the command interface: the replica's orders in memory, the facts read
 * when the command was queued, and effects that do nothing. Running a command on it is the
 * optimistic effect the associate sees at once.
 */
export function replicaTx(
  orders: Iterable<SyncOrder>,
  actor: CommandActor,
  at: string,
  facts: ReplicaFacts = {},
): ReplicaTx {
  const held = new Map<string, SyncOrder>([...orders].map((order) => [order.id, order]));
  const get = (orderId: string): SyncOrder => {
    const order = held.get(orderId);
    if (!order) throw new DomainError(orderErrorCodes.notFound, 'No such order on this device', { orderId });
    return order;
  };
  const personOf = (id: string, current: SyncOrder['claimedBy']) =>
    id === actor.id ? { id, name: actor.name } : current?.id === id ? current : { id, name: '' };

  return {
    actor,
    orders: held,
    effects: noEffects,
    now: () => at,
    order: (orderId) => orderStateOf(get(orderId), actor.storeId),
    isKnownGtin: (gtin14) => facts.knownGtins?.has(gtin14) ?? false,
    product: (gtin14) => facts.catalogue?.get(gtin14) ?? null,
    isStagingLocation: (code) => facts.locations?.has(code),
    shelf(code) {
      const read = facts.shelves?.get(code);
      return read && { capacity: read.capacity, orderIds: occupantsOf(code, read.orderIds, held.values()) };
    },
    // As the last pull brought it. A label is booked online, and the booking pokes every device,
    // so a replica without one refuses to ship rather than show a shipment the server refuses.
    labelState: (orderId) => (get(orderId).shipment ? 'booked' : 'none'),
    bookedParcels: () => undefined,
    isExpectedParcel: (orderId, code) => facts.parcels?.get(factKey(orderId, code)),
    checkPickup(orderId, code) {
      const refusal = facts.pickups?.get(factKey(orderId, code));
      if (refusal) throw refusal;
    },
    arrival(arrivalId, orderId) {
      if (!facts.arrivals) return undefined;
      const arrival = facts.arrivals.get(arrivalId);
      return arrival && arrival.orderId === orderId ? { acknowledgedBy: arrival.acknowledgedBy } : null;
    },
    // Other stores, the catalogue beyond the replica, placements and approvals: the server's.
    store: () => undefined,
    isKnownProduct: () => undefined,
    availableAt: (storeId, product) => facts.stock?.get(stockKey(storeId, product)),
    placedOrder: () => undefined,
    returnOrder: (orderId) => facts.returnOrders?.get(orderId),
    storedReturn: () => undefined,
    returnRules: () => facts.returnRules,
    returnNumber: (returnId) => returnNumberCandidates(actor.storeId, returnId)[0]!,
    isActiveManager: () => undefined,
    approval: () => undefined,
    update(orderId, changes) {
      const current = get(orderId);
      const next: SyncOrder = { ...current };
      for (const field of shownFields) {
        if (changes[field] !== undefined) Object.assign(next, { [field]: changes[field] });
      }
      if (changes.claimedBy !== undefined) {
        next.claimedBy = changes.claimedBy === null ? null : personOf(changes.claimedBy, current.claimedBy);
      }
      // A new packing voids the label of the previous one.
      if (changes.packRevision !== undefined) next.shipment = null;
      if (changes.idCheckedAt !== undefined && next.idCheck) {
        next.idCheck = {
          ...next.idCheck,
          checkedAt: changes.idCheckedAt,
          documentType: changes.idDocumentType ?? null,
          last4: changes.idDocumentLast4 ?? null,
        };
      }
      held.set(orderId, next);
      return orderStateOf(next, actor.storeId);
    },
    saveLine(orderId, line: LineState) {
      const current = get(orderId);
      const lines = current.lines.map((l) =>
        l.id === line.id
          ? {
              ...l,
              qtyPicked: line.qtyPicked,
              qtyShort: line.qtyShort,
              shortReason: line.shortReason,
              customerNotified: line.customerNotified,
              substitute: line.substitute,
              qtyHandedOver: line.qtyHandedOver,
              qtyRefused: line.qtyRefused,
              // The replica names the store by its id until the pull brings the order.
              ...(line.reroutedTo
                ? {
                    reroutedTo: {
                      ...line.reroutedTo,
                      storeName: l.reroutedTo?.storeName ?? line.reroutedTo.storeId,
                    },
                  }
                : {}),
            }
          : l,
      );
      held.set(orderId, { ...current, lines, pickedUnits: pickedUnits(lines) });
    },
  };
}
