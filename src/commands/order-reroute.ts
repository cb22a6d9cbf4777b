import { stockErrorCodes } from '../contract/error-codes';
import type { CommandArgs } from '../contract/sync';
import { DomainError } from '../domain/domain-error';
import { findLine } from '../domain/picking';
import { reservationPromisedAt } from '../domain/reservation';
import {
  assertCanResolveShort,
  assertNotRefundedAtStaging,
  rerouteErrorCodes,
  rerouteExternalId,
  rerouteOrderNumber,
} from '../domain/reroute';
import { defineCommand, orderEntity } from './define-command';
import { auditOrder } from './order-rules';
import { knownStore, replayedPlacement, type PlacedOrder } from './place-order';

type Args = CommandArgs<'order.reroute'>;

/** What a resend must repeat to be answered with the order placed already (as v1 hashed it). */
const requestOf = (a: Args) => ({
  rerouteId: a.rerouteId,
  orderId: a.orderId,
  lineId: a.lineId,
  toStoreId: a.toStoreId,
});

/**
 * After a short pick, the short units of a line move to another store as a new order of the
 * same customer journey (issue 5 point 4, ADR 0016), and the customer is told. The device shows
 * the line on its way there at once; the server places the order under the other store's lock,
 * once: a resend answers the order placed already.
 */
export const orderReroute = defineCommand({
  name: 'order.reroute',
  v: 1,
  validator: () => import('../contract/sync').then((m) => m.commandArgs['order.reroute']),
  entityKeys: (a: Args) => [orderEntity(a.orderId)],
  reads: (a) => ({
    orders: [a.orderId],
    stores: [a.toStoreId],
    stock: [{ storeId: a.toStoreId, product: { orderId: a.orderId, lineId: a.lineId } }],
    placements: [rerouteExternalId(a.rerouteId)],
  }),
  apply(tx, a): PlacedOrder {
    const order = tx.order(a.orderId);
    const externalId = rerouteExternalId(a.rerouteId);
    const request = requestOf(a);
    const made = replayedPlacement(tx, externalId, request, 're-route');
    if (made) return made;
    if (a.toStoreId === tx.actor.storeId) {
      throw new DomainError(rerouteErrorCodes.sameStore, 'Move the units to another store, not to your own', {
        storeId: a.toStoreId,
      });
    }
    const line = findLine(order.lines, a.lineId);
    assertCanResolveShort(line);
    assertNotRefundedAtStaging(order, line.id);
    const store = knownStore(tx, a.toStoreId);
    const product = { orderId: order.id, lineId: line.id };
    const left = tx.availableAt(a.toStoreId, product);
    if (left !== undefined && left < line.qtyShort) {
      throw new DomainError(stockErrorCodes.notAvailable, 'The other store no longer has these units', {
        storeId: a.toStoreId,
        sku: line.sku,
        available: left,
        qty: line.qtyShort,
      });
    }
    const placed = tx.effects.placeOrder({
      storeId: a.toStoreId,
      externalId,
      number: rerouteOrderNumber(a.rerouteId),
      fulfillmentType: order.fulfillmentType,
      customer: { continues: order.id },
      promisedAt: reservationPromisedAt(new Date(tx.now())).toISOString(),
      // An item for adults stays one at the other store: its ID step moves with it.
      lines: [
        { product, qty: line.qtyShort, unitPriceCents: line.unitPriceCents, minimumAge: line.minimumAge },
      ],
      request,
      audit: {
        action: 'order.reroute',
        details: { fromOrderId: order.id, lineId: line.id, qty: line.qtyShort },
      },
    });
    // The line is not offered again. It is not "told of a cancellation": the units moved.
    tx.saveLine(order.id, { ...line, reroutedTo: { ...placed, qty: line.qtyShort } });
    tx.update(order.id, {});
    tx.effects.notifyCustomer(order.id, 'line_rerouted', {
      lineId: line.id,
      sku: line.sku,
      qty: line.qtyShort,
      storeId: a.toStoreId,
      storeName: store?.name ?? a.toStoreId,
      orderId: placed.orderId,
      orderNumber: placed.orderNumber,
    });
    auditOrder(tx, order, 'order.reroute', {
      lineId: line.id,
      qty: line.qtyShort,
      toStoreId: a.toStoreId,
      toOrderId: placed.orderId,
    });
    return placed;
  },
});
