import { orderErrorCodes } from '../contract/error-codes';
import { DomainError } from '../domain/domain-error';
import type { FulfillmentType } from '../domain/order-machine';
import type { WalkInCustomer } from '../domain/reservation';
import type { RerouteTarget } from './order-state';
import type { OrderTx } from './order-tx';

/**
 * Orders a command places at another store (a reservation for a walk-in customer, the short
 * units of a re-routed line). Only the server can write another store's order and reserve its
 * stock; a device predicts the placement without an id or number (ADR 0039).
 */

/** A product, by its id, or as the product of an order line (a replica knows lines, not product ids). */
export type ProductRef = { productId: string } | { orderId: string; lineId: string };

export const productKey = (product: ProductRef): string =>
  'productId' in product ? product.productId : `${product.orderId}/${product.lineId}`;

/** An order placed at another store, as the command's answer names it. */
export type PlacedOrder = RerouteTarget;

/** What a command was asked: a resend of the same placement must repeat it exactly. */
export type PlacementRequest = Readonly<Record<string, unknown>>;

export type OrderCustomer =
  /** A walk-in customer at the counter: the store's own sale (channel store, in euros). */
  | { walkIn: WalkInCustomer }
  /** The customer of an order of this store that the new one continues, in the same journey. */
  | { continues: string };

export interface NewOrderElsewhere {
  storeId: string;
  /** Made from the command's own id, so a resend finds the order (placedOrder). */
  externalId: string;
  number: string;
  fulfillmentType: FulfillmentType;
  customer: OrderCustomer;
  /** The code the customer collects with; the server makes one when none is given. */
  pickupCode?: string;
  promisedAt: string;
  /** Each line's price (the catalogue's when left out), and the age it needs (ADR 0047). */
  lines: readonly { product: ProductRef; qty: number; unitPriceCents?: number; minimumAge?: number | null }[];
  request: PlacementRequest;
  /** The audit entry of the new order, in its store. */
  audit: { action: string; details: Record<string, unknown> };
}

/**
 * The order a resend of this placement made already, or null when none was made; undefined when
 * this side cannot tell. The same external id with other details is refused: it is not the same
 * placement, and answering the first would hide the difference.
 */
export function replayedPlacement(
  tx: OrderTx,
  externalId: string,
  request: PlacementRequest,
  what: string,
): PlacedOrder | null | undefined {
  const placed = tx.placedOrder(externalId, request);
  if (!placed) return placed;
  const { sameRequest, ...order } = placed;
  if (!sameRequest) {
    throw new DomainError(orderErrorCodes.duplicateMismatch, `This ${what} was made with other details`, {
      externalId,
      orderId: order.orderId,
    });
  }
  return order;
}

/** Another store of the chain, or order.unknownStore; undefined when this side cannot tell. */
export function knownStore(tx: OrderTx, storeId: string): { name: string } | undefined {
  const store = tx.store(storeId);
  if (store === null) {
    throw new DomainError(orderErrorCodes.unknownStore, `No store ${storeId}`, { storeId });
  }
  return store;
}
