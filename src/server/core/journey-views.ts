import { and, eq, inArray, or } from 'drizzle-orm';
import type { OrderDetail, OrderLineView } from '../../contract/orders';
import type { OrderStatus } from '../../domain/order-machine';
import type { Executor } from '../db/client';
import { customerNotifications, orders, stores } from '../db/schema';

type JourneyOrder = NonNullable<OrderDetail['journey']>[number];

export interface JourneyFacts {
  /** The other orders of each order's journey, by order id. */
  journeyOf: (orderId: string) => JourneyOrder[];
  reroutedTo: (orderId: string | null) => OrderLineView['reroutedTo'];
  customerNotified: (lineId: string) => boolean;
}

/**
 * What the order views add for "short pick, then re-route": each order's journey (orders with
 * the same journey id, the first order's id when its own journey_id is null), where each
 * re-routed line went, and which lines' cancellation the customer was told of. Two queries.
 */
export async function loadJourneyFacts(
  db: Executor,
  own: readonly { id: string; journeyId: string | null }[],
): Promise<JourneyFacts> {
  const keyOf = (o: { id: string; journeyId: string | null }) => o.journeyId ?? o.id;
  const keys = [...new Set(own.map(keyOf))];
  const related =
    keys.length === 0
      ? []
      : await db
          .select({
            id: orders.id,
            number: orders.number,
            storeId: orders.storeId,
            storeName: stores.name,
            status: orders.status,
            journeyId: orders.journeyId,
          })
          .from(orders)
          .innerJoin(stores, eq(stores.id, orders.storeId))
          .where(or(inArray(orders.journeyId, keys), inArray(orders.id, keys)));
  const cancelled =
    own.length === 0
      ? []
      : await db
          .select({ payload: customerNotifications.payload })
          .from(customerNotifications)
          .where(
            and(
              inArray(
                customerNotifications.orderId,
                own.map((o) => o.id),
              ),
              eq(customerNotifications.kind, 'line_cancelled'),
            ),
          );
  return journeyFactsOf(
    own,
    related,
    cancelled.map((row) => String((row.payload as { lineId?: unknown }).lineId)),
  );
}

/** A journey order as read: the order and its store's name. */
export interface RelatedOrder {
  id: string;
  number: string;
  storeId: string;
  storeName: string;
  status: string;
  journeyId: string | null;
}

/**
 * The journey facts from their rows, however they were read: `related`, every order of the own
 * orders' journeys; `notifiedLineIds`, the lines whose cancellation the customer was told of.
 */
export function journeyFactsOf(
  own: readonly { id: string; journeyId: string | null }[],
  related: readonly RelatedOrder[],
  notifiedLineIds: readonly string[],
): JourneyFacts {
  const keyOf = (o: { id: string; journeyId: string | null }) => o.journeyId ?? o.id;
  const byId = new Map(related.map((o) => [o.id, o]));
  const notified = new Set(notifiedLineIds);
  const ownById = new Map(own.map((o) => [o.id, o]));
  return {
    journeyOf: (orderId) => {
      const self = ownById.get(orderId);
      if (!self) return [];
      const key = keyOf(self);
      return related
        .filter((o) => o.id !== orderId && keyOf(o) === key)
        .map(({ id, number, storeId, storeName, status }) => ({
          id,
          number,
          storeId,
          storeName,
          status: status as OrderStatus,
        }));
    },
    reroutedTo: (orderId) => {
      const target = orderId ? byId.get(orderId) : undefined;
      if (!target) return null;
      return {
        orderId: target.id,
        orderNumber: target.number,
        storeId: target.storeId,
        storeName: target.storeName,
      };
    },
    customerNotified: (lineId) => notified.has(lineId),
  };
}
