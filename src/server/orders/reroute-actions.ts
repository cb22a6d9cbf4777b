import { createHash, randomInt } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { orderErrorCodes, stockErrorCodes } from '../../contract/error-codes';
import type { CancelLineArgs, RerouteArgs, RerouteResult } from '../../contract/reroute';
import { available } from '../../domain/availability';
import { DomainError, isDomainError } from '../../domain/domain-error';
import { findLine } from '../../domain/picking';
import { pickupCodeFrom, reservationPromisedAt } from '../../domain/reservation';
import {
  assertCanResolveShort,
  rerouteErrorCodes,
  rerouteExternalId,
  rerouteOrderNumber,
} from '../../domain/reroute';
import { customerNotifications, orderLines, orders, products, stock, stores } from '../db/schema';
import { lockStoreVersion } from '../stock/reserve-elsewhere';
import { writeOrder } from './intake-service';
import type { ActionContext } from './order-actions';
import type { OrderRow } from './order-repository';
import { replayedOrder } from './order-repository';

/**
 * Short pick, then re-route (issue 5, point 4). The line's extra facts (price, rerouted_to,
 * whether the customer was told) are not in the unit of work's state, so both actions check
 * everything first and write directly only after the last check: a refused command leaves
 * nothing behind. The unit of work still bumps the order's version, so devices pull the change.
 */

async function lineFacts(ctx: ActionContext, order: OrderRow, lineId: string) {
  const lines = await ctx.work.lines(order.id);
  const line = findLine(lines, lineId);
  const { tx } = ctx.work;
  const [row] = await tx
    .select({
      unitPriceCents: orderLines.unitPriceCents,
      reroutedTo: orderLines.reroutedTo,
      sku: products.sku,
    })
    .from(orderLines)
    .innerJoin(products, eq(products.id, orderLines.productId))
    .where(eq(orderLines.id, line.id));
  const [told] = await tx
    .select({ id: customerNotifications.id })
    .from(customerNotifications)
    .where(
      and(
        eq(customerNotifications.orderId, order.id),
        sql`${customerNotifications.payload}->>'lineId' = ${line.id}`,
      ),
    )
    .limit(1);
  const facts = { ...line, ...row!, customerNotified: told !== undefined };
  assertCanResolveShort({ ...facts, reroutedTo: facts.reroutedTo ?? null });
  return facts;
}

function rerouteHash(args: RerouteArgs): string {
  const { rerouteId, orderId, lineId, toStoreId } = args;
  return createHash('sha256').update(JSON.stringify({ rerouteId, orderId, lineId, toStoreId })).digest('hex');
}

/** `order.reroute`: the short units of a line become a new order at another store, same journey. */
export async function rerouteLine(ctx: ActionContext, args: RerouteArgs): Promise<RerouteResult> {
  const { tx } = ctx.work;
  const order = await ctx.work.order(args.orderId);
  const externalId = rerouteExternalId(args.rerouteId);
  const hash = rerouteHash(args);
  const made = await replayedOrder(ctx.work.tx, externalId, hash, 're-route');
  if (made) return made;
  if (args.toStoreId === ctx.actor.storeId) {
    throw new DomainError(rerouteErrorCodes.sameStore, 'Move the units to another store, not to your own', {
      storeId: args.toStoreId,
    });
  }
  const line = await lineFacts(ctx, order, args.lineId);
  const [store] = await tx
    .select({ id: stores.id, name: stores.name })
    .from(stores)
    .where(eq(stores.id, args.toStoreId));
  if (!store) {
    throw new DomainError(orderErrorCodes.unknownStore, `No store ${args.toStoreId}`, {
      storeId: args.toStoreId,
    });
  }
  // As in stock.reserveElsewhere: under the other store's lock its figures cannot move before we write.
  await lockStoreVersion(tx, store.id);
  const [level] = await tx
    .select({ onHand: stock.onHand, reserved: stock.reserved, safetyStock: stock.safetyStock })
    .from(stock)
    .where(and(eq(stock.storeId, store.id), eq(stock.productId, line.productId)));
  const left = level ? available(level) : 0;
  if (left < line.qtyShort) {
    throw new DomainError(stockErrorCodes.notAvailable, 'The other store no longer has these units', {
      storeId: store.id,
      productId: line.productId,
      available: left,
      qty: line.qtyShort,
    });
  }

  // Every check passed: from here on, only writes.
  const journeyId = order.journeyId ?? order.id;
  const now = new Date();
  let created;
  try {
    created = await writeOrder(
      tx,
      ctx.actor,
      {
        storeId: store.id,
        externalId,
        number: rerouteOrderNumber(args.rerouteId),
        channel: order.channel,
        fulfillmentType: order.fulfillmentType,
        customer: {
          name: order.customerName,
          email: order.customerEmail,
          phone: order.customerPhone,
          language: order.customerLanguage,
        },
        shippingAddress: order.shippingAddress,
        pickupCode: pickupCodeFrom(() => randomInt(2 ** 32)),
        currency: order.currency,
        requestHash: hash,
        placedAt: now.toISOString(),
        promisedAt: reservationPromisedAt(now).toISOString(),
      },
      [{ productId: line.productId, qty: line.qtyShort, unitPriceCents: line.unitPriceCents }],
      { action: 'order.reroute', details: { fromOrderId: order.id, lineId: line.id, qty: line.qtyShort } },
    );
  } catch (error) {
    if (isDomainError(error)) throw new Error(`Re-route failed after its stock check: ${error.code}`);
    throw error;
  }
  await tx.update(orders).set({ journeyId }).where(eq(orders.id, created.id));
  // journey_id is not a field the unit of work writes, so this direct write is not overwritten.
  if (order.journeyId === null) await tx.update(orders).set({ journeyId }).where(eq(orders.id, order.id));
  await tx.update(orderLines).set({ reroutedTo: created.id }).where(eq(orderLines.id, line.id));
  await tx.insert(customerNotifications).values({
    orderId: order.id,
    storeId: order.storeId,
    kind: 'line_rerouted',
    payload: {
      lineId: line.id,
      sku: line.sku,
      qty: line.qtyShort,
      storeId: store.id,
      storeName: store.name,
      orderId: created.id,
      orderNumber: created.number,
    },
  });
  ctx.work.updateOrder(order, {});
  ctx.work.audit(ctx.actor, {
    action: 'order.reroute',
    entityType: 'order',
    entityId: order.id,
    details: { lineId: line.id, qty: line.qtyShort, toStoreId: store.id, toOrderId: created.id },
  });
  return { orderId: created.id, orderNumber: created.number, storeId: store.id };
}

/** `order.cancelLine`: the short units stay cancelled, and the customer is told once. */
export async function cancelShortLine(ctx: ActionContext, args: CancelLineArgs): Promise<void> {
  const order = await ctx.work.order(args.orderId);
  const line = await lineFacts(ctx, order, args.lineId);
  await ctx.work.tx.insert(customerNotifications).values({
    orderId: order.id,
    storeId: order.storeId,
    kind: 'line_cancelled',
    payload: { lineId: line.id, sku: line.sku, qty: line.qtyShort, reason: line.shortReason },
  });
  ctx.work.updateOrder(order, {});
  ctx.work.webhook(order, 'order.lineCancelled', {
    lineId: line.id,
    sku: line.sku,
    qty: line.qtyShort,
    reason: line.shortReason,
  });
  ctx.work.audit(ctx.actor, {
    action: 'order.cancelLine',
    entityType: 'order',
    entityId: order.id,
    details: { lineId: line.id, qty: line.qtyShort, reason: line.shortReason },
  });
}
