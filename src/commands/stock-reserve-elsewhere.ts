import { stockErrorCodes } from '../contract/error-codes';
import type { CommandArgs } from '../contract/sync';
import { DomainError } from '../domain/domain-error';
import {
  checkReservation,
  reservationErrorCodes,
  reservationExternalId,
  reservationOrderNumber,
  reservationPromisedAt,
  walkInCustomerOf,
} from '../domain/reservation';
import { defineCommand, reservationEntity } from './define-command';
import { knownStore, replayedPlacement, type PlacedOrder } from './place-order';

type Args = CommandArgs<'stock.reserveElsewhere'>;

/** What a resend must repeat to be answered with the order placed already (as v1 hashed it). */
const requestOf = (a: Args) => ({
  reservationId: a.reservationId,
  storeId: a.storeId,
  productId: a.productId,
  qty: a.qty,
  pickupCode: a.pickupCode,
  customer: walkInCustomerOf(a.customer),
});

/**
 * A walk-in customer reserves a product at ANOTHER store (issue 5, ADR 0015): a
 * reserve-and-collect order there, its stock reserved under that store's lock, with the pickup
 * code the device gave the customer. The device checks the customer and the availability it
 * showed; the server the availability it holds. A resend answers the order placed already.
 */
export const stockReserveElsewhere = defineCommand({
  name: 'stock.reserveElsewhere',
  v: 1,
  validator: () => import('../contract/sync').then((m) => m.commandArgs['stock.reserveElsewhere']),
  entityKeys: (a: Args) => [reservationEntity(a.reservationId)],
  reads: (a) => ({
    stores: [a.storeId],
    products: [a.productId],
    stock: [{ storeId: a.storeId, product: { productId: a.productId } }],
    placements: [reservationExternalId(a.reservationId)],
  }),
  apply(tx, a): PlacedOrder {
    const { customer, qty } = checkReservation(a);
    if (a.storeId === tx.actor.storeId) {
      throw new DomainError(reservationErrorCodes.sameStore, 'Reserve in another store, not in your own', {
        storeId: a.storeId,
      });
    }
    const externalId = reservationExternalId(a.reservationId);
    const request = requestOf(a);
    const made = replayedPlacement(tx, externalId, request, 'reservation');
    if (made) return made;
    knownStore(tx, a.storeId);
    if (tx.isKnownProduct(a.productId) === false) {
      throw new DomainError(stockErrorCodes.productNotFound, 'No such product in the catalogue', {
        productId: a.productId,
      });
    }
    checkReservation(a, tx.availableAt(a.storeId, { productId: a.productId }));
    return tx.effects.placeOrder({
      storeId: a.storeId,
      externalId,
      number: reservationOrderNumber(a.reservationId),
      fulfillmentType: 'reserve_and_collect',
      customer: { walkIn: customer },
      pickupCode: a.pickupCode,
      promisedAt: reservationPromisedAt(new Date(tx.now())).toISOString(),
      lines: [{ product: { productId: a.productId }, qty }],
      request,
      audit: {
        action: 'stock.reserveElsewhere',
        details: {
          reservationId: a.reservationId,
          fromStoreId: tx.actor.storeId,
          productId: a.productId,
          qty,
        },
      },
    });
  },
});
