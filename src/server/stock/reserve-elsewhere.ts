import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { orderErrorCodes, stockErrorCodes } from '../../contract/error-codes';
import type { ReserveElsewhereArgs, ReserveElsewhereResult } from '../../contract/reservations';
import { available } from '../../domain/availability';
import { DomainError, isDomainError } from '../../domain/domain-error';
import {
  checkReservation,
  reservationErrorCodes,
  reservationExternalId,
  reservationOrderNumber,
  reservationPromisedAt,
  type WalkInCustomer,
} from '../../domain/reservation';
import type { Executor } from '../db/client';
import { rowsOf } from '../db/rows';
import { products, stock, stores } from '../db/schema';
import { writeOrder } from '../orders/intake-service';
import type { ActionContext } from '../orders/order-actions';
import { replayedOrder } from '../orders/order-repository';

function reservationHash(args: ReserveElsewhereArgs, customer: WalkInCustomer): string {
  const { reservationId, storeId, productId, qty, pickupCode } = args;
  const canonical = { reservationId, storeId, productId, qty, pickupCode, customer };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/**
 * Holds the other store's change counter until commit, before its stock is read. Every write of
 * a store's stock takes this row first (nextStoreVersion), so the figures read below cannot move
 * before this transaction writes: the check and the reservation agree without writing anything
 * first. A store that never changed has no row yet; one at version 0 means the same.
 */
export async function lockStoreVersion(tx: Executor, storeId: string): Promise<void> {
  const lock = sql`select version from store_sync where store_id = ${storeId} for update`;
  if (rowsOf(await tx.execute(lock)).length > 0) return;
  await tx.execute(
    sql`insert into store_sync (store_id, version) values (${storeId}, 0) on conflict (store_id) do nothing`,
  );
  await tx.execute(lock);
}

/**
 * `stock.reserveElsewhere`: a reserve-and-collect order for a walk-in customer at ANOTHER store,
 * with its stock reserved there, in the push batch's transaction. The batch's unit of work
 * covers only the associate's own store and undoes a rejected command in memory, so this
 * handler checks everything before its first write: a refusal leaves nothing behind (not even
 * a change number). Writing takes the other store's change number, which pokes its devices at
 * commit, so the order shows in that store's queue at once. A resend (same reservation id)
 * answers the order already made.
 */
export async function reserveElsewhere(
  ctx: ActionContext,
  args: ReserveElsewhereArgs,
): Promise<ReserveElsewhereResult> {
  const { tx } = ctx.work;
  const { customer, qty } = checkReservation(args);
  if (args.storeId === ctx.actor.storeId) {
    throw new DomainError(reservationErrorCodes.sameStore, 'Reserve in another store, not in your own', {
      storeId: args.storeId,
    });
  }
  const externalId = reservationExternalId(args.reservationId);
  const hash = reservationHash(args, customer);
  const made = await replayedOrder(tx, externalId, hash, 'reservation');
  if (made) return made;

  const [store] = await tx.select({ id: stores.id }).from(stores).where(eq(stores.id, args.storeId));
  if (!store)
    throw new DomainError(orderErrorCodes.unknownStore, `No store ${args.storeId}`, {
      storeId: args.storeId,
    });
  const [product] = await tx
    .select({ id: products.id, priceCents: products.priceCents })
    .from(products)
    .where(eq(products.id, args.productId));
  if (!product) {
    throw new DomainError(stockErrorCodes.productNotFound, 'No such product in the catalogue', {
      productId: args.productId,
    });
  }

  await lockStoreVersion(tx, args.storeId);
  const [level] = await tx
    .select({ onHand: stock.onHand, reserved: stock.reserved, safetyStock: stock.safetyStock })
    .from(stock)
    .where(and(eq(stock.storeId, args.storeId), eq(stock.productId, args.productId)));
  checkReservation(args, level ? available(level) : 0);

  const now = new Date();
  try {
    const order = await writeOrder(
      tx,
      ctx.actor,
      {
        storeId: args.storeId,
        externalId,
        number: reservationOrderNumber(args.reservationId),
        channel: 'store',
        fulfillmentType: 'reserve_and_collect',
        // The orders table wants an e-mail; a customer who gave only a phone has none.
        customer: { ...customer, email: customer.email ?? '' },
        shippingAddress: null,
        pickupCode: args.pickupCode,
        currency: 'EUR',
        requestHash: hash,
        placedAt: now.toISOString(),
        promisedAt: reservationPromisedAt(now).toISOString(),
      },
      [{ productId: product.id, qty, unitPriceCents: product.priceCents }],
      {
        action: 'stock.reserveElsewhere',
        details: {
          reservationId: args.reservationId,
          fromStoreId: ctx.actor.storeId,
          productId: product.id,
          qty,
        },
      },
    );
    return { orderId: order.id, orderNumber: order.number, storeId: order.storeId };
  } catch (error) {
    // Under the store lock the stock cannot have moved; if it did, something is badly wrong, and
    // a DomainError here would be logged as a refusal over rows already written: fail the batch.
    if (isDomainError(error)) throw new Error(`Reservation failed after its stock check: ${error.code}`);
    throw error;
  }
}
