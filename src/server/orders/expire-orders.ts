import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { nextStatus } from '../../domain/order-machine';
import { heldSubstitutes, stockEffects } from '../../domain/order-stock';
import type { Db } from '../db/client';
import { rowsOf } from '../db/rows';
import { orders, stores } from '../db/schema';
import { iso } from '../db/time';
import type { ActionContext } from '../core/run-order-actions';
import { runOrderActions } from '../core/run-order-actions';

/** Orders a single run expires at most; the next run (minutes later) takes the rest. */
const RUN_LIMIT = 1000;
/** Orders of one store expired in one transaction, so a big backlog never holds locks long. */
const CHUNK = 100;

/**
 * An order left on the pickup shelf past the store's hold: the reservation is released, the
 * picked units become a put-back task, and the customer and the platform are told, all in the
 * unit of work of the store, so its devices are poked and see the change at once.
 */
export async function expireOrder(ctx: ActionContext, orderId: string, now: Date): Promise<void> {
  const order = await ctx.work.order(orderId);
  const status = nextStatus(order, 'expire');
  // A ship-to-store order never held the store's stock (intake reserved none).
  const all = await ctx.work.lines(order.id);
  const lines = order.fulfillmentType === 'ship_to_store' ? [] : all;
  for (const line of lines) {
    ctx.work.moveStock({
      productId: line.productId,
      orderId: order.id,
      reason: 'order.expire',
      delta: stockEffects.expire(line),
    });
  }
  // Kept substitutes left the stock when kept: back in the store's hands, for the put-back.
  for (const held of heldSubstitutes(all)) {
    ctx.work.moveStock({
      productId: held.productId,
      orderId: order.id,
      reason: 'order.expire',
      delta: stockEffects.substituteBack(held.qty),
    });
  }
  const expiredAt = now.toISOString();
  const readyAt = order.readyAt === null ? null : iso(order.readyAt);
  ctx.work.updateOrder(order, { status, expiredAt });
  ctx.work.notifyCustomer(order, 'order_expired', {
    number: order.number,
    language: order.customerLanguage,
    readyAt,
    expiredAt,
  });
  ctx.work.webhook(order, 'order.expired', { readyAt, expiredAt }, now);
  ctx.work.audit(ctx.actor, {
    action: 'order.expire',
    entityType: 'order',
    entityId: order.id,
    details: { from: order.status, to: status, readyAt },
  });
}

export interface ExpiryRun {
  /** The orders expired by this run. */
  expired: string[];
  /** How many pickup reminders this run queued. */
  reminded: number;
  /** Stores whose chunk failed (rolled back); the next run tries them again. */
  failures: { storeId: string; error: unknown }[];
}

/** `now` minus the store's hold, as SQL, for orders joined with their store. */
const holdStart = (now: Date, days: SQL) =>
  sql`${now.toISOString()}::timestamptz - make_interval(days => ${days})`;

/**
 * The expiry job: expires every order ready for longer than its store's pickup_hold_days, then
 * queues a reminder for those entering their last day (once per order: a unique index). Safe to
 * run in several instances at once: each order is re-checked under its row lock.
 */
export async function expireOverdueOrders(db: Db, now: Date): Promise<ExpiryRun> {
  const due = await db
    .select({ id: orders.id, storeId: orders.storeId })
    .from(orders)
    .innerJoin(stores, eq(stores.id, orders.storeId))
    .where(
      and(
        eq(orders.status, 'ready'),
        // Sargable on orders_ready_at_idx: no store holds an order less than a day.
        sql`${orders.readyAt} <= ${now.toISOString()}::timestamptz - interval '1 day'`,
        sql`${orders.readyAt} <= ${holdStart(now, sql`${stores.pickupHoldDays}`)}`,
      ),
    )
    .orderBy(asc(orders.storeId), asc(orders.id))
    .limit(RUN_LIMIT);

  const run: ExpiryRun = { expired: [], reminded: 0, failures: [] };
  const byStore = new Map<string, string[]>();
  for (const { id, storeId } of due) byStore.set(storeId, [...(byStore.get(storeId) ?? []), id]);
  for (const [storeId, ids] of byStore) {
    for (let start = 0; start < ids.length; start += CHUNK) {
      try {
        run.expired.push(...(await expireChunk(db, storeId, ids.slice(start, start + CHUNK), now)));
      } catch (error) {
        run.failures.push({ storeId, error });
      }
    }
  }
  run.reminded = await queueReminders(db, now);
  return run;
}

async function expireChunk(db: Db, storeId: string, ids: string[], now: Date): Promise<string[]> {
  const actor = { type: 'system' as const, id: 'expiry', storeId, deviceId: null };
  return db.transaction((tx) =>
    runOrderActions(tx, actor, async (ctx) => {
      await ctx.work.prefetch(ids);
      const [store] = await tx
        .select({ days: stores.pickupHoldDays })
        .from(stores)
        .where(eq(stores.id, storeId));
      const holdMs = (store?.days ?? Infinity) * 86_400_000;
      const expired: string[] = [];
      for (const id of ids) {
        // Under the row lock now: another instance may have expired it, or the customer came.
        const order = await ctx.work.order(id);
        if (order.status !== 'ready' || !order.readyAt) continue;
        if (new Date(iso(order.readyAt)).getTime() + holdMs > now.getTime()) continue;
        await expireOrder(ctx, id, now);
        expired.push(id);
      }
      return expired;
    }),
  );
}

/**
 * One reminder per order in the last day of its hold. Stores holding orders a single day get
 * none: the ready-for-pickup message already says when it ends.
 */
async function queueReminders(db: Db, now: Date): Promise<number> {
  const result = await db.execute(sql`
    insert into customer_notifications (order_id, store_id, kind, payload)
    select o.id, o.store_id, 'pickup_reminder', jsonb_build_object(
      'number', o.number,
      'language', o.customer_language,
      'readyAt', o.ready_at,
      'expiresAt', o.ready_at + make_interval(days => s.pickup_hold_days))
    from orders o join stores s on s.id = o.store_id
    where o.status = 'ready' and s.pickup_hold_days > 1
      and o.ready_at <= ${holdStart(now, sql`s.pickup_hold_days - 1`)}
      and o.ready_at > ${holdStart(now, sql`s.pickup_hold_days`)}
    on conflict (order_id) where kind = 'pickup_reminder' do nothing
    returning id`);
  return rowsOf(result).length;
}
