import type { OrderState } from '../../commands/order-state';
import type { CommandActor, OrderTx } from '../../commands/order-tx';
import { orderErrorCodes } from '../../contract/error-codes';
import { DomainError } from '../../domain/domain-error';
import type { IdDocumentType } from '../../domain/id-check';
import { isExpectedParcel } from '../../domain/inbound-parcel';
import { occupantsOf } from '../../domain/shelf';
import type { Actor } from '../audit/audit';
import { bookedParcelsOf, labelStateOf, pickupKey, type CommandFacts } from './command-facts';
import type { LineRow, OrderRow } from './order-rows';
import type { OrderWork } from './order-work';
import { elsewhereReads, placeOrderEffect, undeclared } from './server-elsewhere';
import { returnEffects, returnReads } from './server-returns';

export function auditActorOf(actor: CommandActor): Actor {
  return { type: actor.type, id: actor.id, storeId: actor.storeId, deviceId: actor.deviceId };
}

function stateOf(order: OrderRow, lines: readonly LineRow[]): OrderState {
  return {
    id: order.id,
    storeId: order.storeId,
    number: order.number,
    status: order.status,
    fulfillmentType: order.fulfillmentType,
    customerLanguage: order.customerLanguage === 'en' ? 'en' : 'it',
    claimedBy: order.claimedBy,
    claimedAt: order.claimedAt,
    pickedAt: order.pickedAt,
    stagingLocation: order.stagingLocation,
    readyAt: order.readyAt,
    collectedAt: order.collectedAt,
    cancelledAt: order.cancelledAt,
    cancelReason: order.cancelReason,
    cancelledBy: order.cancelledBy,
    putBackAt: order.putBackAt,
    packedAt: order.packedAt,
    shippedAt: order.shippedAt,
    packages: order.packages ?? [],
    packRevision: order.packRevision,
    inboundTracking: order.inboundTracking,
    substitution: order.substitution ?? null,
    paidGoodsCents: order.totalCents - order.shippingCents,
    lines: [...lines],
    highValue: order.highValue,
    collectorName: order.collectorName,
    idCheckedAt: order.idCheckedAt,
    idCheckedBy: order.idCheckedBy,
    idDocumentType: order.idDocumentType as IdDocumentType | null,
    idDocumentLast4: order.idDocumentLast4,
  };
}

/**
 * The server's side of the command interface: the unit of work of the actor's store, with
 * authority. Time is the server's; stock moves, audit rows, customer messages, webhook events,
 * orders placed at other stores, returns and refunds are recorded with the change and written
 * together at flush.
 */
export function serverTx(work: OrderWork, actor: CommandActor, facts: CommandFacts): OrderTx {
  const who = auditActorOf(actor);
  const held = (orderId: string) => {
    const found = work.peek(orderId);
    // A command read an order it did not declare: a bug in its definition, not the client's.
    if (found === undefined) throw new Error(`order ${orderId} was read but not declared in reads()`);
    if (found === null)
      throw new DomainError(orderErrorCodes.notFound, 'No such order in this store', { orderId });
    return found;
  };
  const lineOf = (orderId: string, lineId: string) => {
    const line = held(orderId).lines.find((l) => l.id === lineId);
    if (!line) throw new Error(`line ${lineId} is not on order ${orderId}`);
    return line;
  };
  // A return's order may be another store's: it is known from the return's facts.
  const orderRow = (orderId: string): OrderRow =>
    work.peek(orderId)?.order ?? facts.returns.orders.get(orderId)?.row ?? held(orderId).order;
  const productOfLine = (orderId: string, lineId: string): string =>
    work.peek(orderId)?.lines.find((l) => l.id === lineId)?.productId ??
    facts.returns.orders.get(orderId)?.lines.find((l) => l.lineId === lineId)?.productId ??
    undeclared(`line ${lineId} of order ${orderId}`);

  return {
    actor,
    now: () => new Date().toISOString(),
    order: (orderId) => {
      const { order, lines } = held(orderId);
      return stateOf(order, lines);
    },
    isKnownGtin: (gtin14) => facts.gtins.has(gtin14),
    product: (gtin14) => facts.catalogue.get(gtin14) ?? null,
    isStagingLocation: (code) => facts.locations.has(code),
    shelf(code) {
      const read = facts.shelves.get(code);
      return (
        read && { capacity: read.capacity, orderIds: occupantsOf(code, read.orderIds, work.heldOrders()) }
      );
    },
    labelState: (orderId) => labelStateOf(facts, orderId, held(orderId).order.packRevision),
    bookedParcels: (orderId) => bookedParcelsOf(facts, orderId, held(orderId).order.packRevision),
    isExpectedParcel: (orderId, code) => isExpectedParcel(code, held(orderId).order.inboundTracking),
    checkPickup(orderId, code) {
      const refusal = facts.pickups.get(pickupKey(orderId, code));
      if (refusal === undefined) throw new Error(`pickup of ${orderId} was read but not declared in reads()`);
      if (refusal) throw refusal;
    },
    arrival(arrivalId, orderId) {
      const arrival = facts.arrivals.get(arrivalId);
      if (!arrival || arrival.orderId !== orderId) return null;
      // An earlier command of this batch may have taken the customer already.
      return { acknowledgedBy: arrival.acknowledgedBy ?? work.arrivalTakenBy(arrivalId) };
    },
    ...elsewhereReads(work, facts.elsewhere),
    ...returnReads(work, facts.returns),
    update(orderId, changes) {
      const { order } = held(orderId);
      const next = work.updateOrder(order, changes);
      return stateOf(next, held(orderId).lines);
    },
    saveLine(orderId, line) {
      const current = lineOf(orderId, line.id);
      work.saveLine(orderId, { ...current, ...line, productId: current.productId });
    },
    effects: {
      moveStock: ({ orderId, lineId, reason, delta, productId }) =>
        work.moveStock({ productId: productId ?? productOfLine(orderId, lineId), orderId, reason, delta }),
      audit: (entry) => work.audit(who, entry),
      notifyCustomer: (orderId, kind, payload) => work.notifyCustomer(orderRow(orderId), kind, payload),
      webhook: (orderId, type, data) => work.webhook(orderRow(orderId), type, data),
      acknowledgeArrival(arrivalId) {
        const arrival = facts.arrivals.get(arrivalId);
        if (arrival && !arrival.acknowledgedBy) work.acknowledgeArrival(arrivalId, arrival.orderId, who);
      },
      serveArrivals: (orderId) => work.serveArrivals(orderId, who),
      placeOrder: placeOrderEffect(work, facts.elsewhere, who, (orderId) => held(orderId).order),
      ...returnEffects(work, facts.returns, { ...who, id: actor.id }, orderRow),
    },
  };
}
