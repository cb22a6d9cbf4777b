import { eq, sql } from 'drizzle-orm';
import { localParts, zonedInstant } from '../../domain/kpi-period';
import type { CommandActor } from '../../commands/order-tx';
import { runCommands } from '../core/run-commands';
import { demoServices } from './demo-services';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import type { OpeningHours, Rng, Weekday } from '../db/seed';
import { backdate } from './demo-history';
import { placeDemoOrder } from './demo-orders';

/*
 * The week before the demo's "now", as a store lived it, so the manager's KPIs, charts and CSV
 * have something true to say: pickup orders every open day, promised within store hours, most
 * picked in minutes and ready ahead of the promise, some late, some picked short, a few never
 * collected. Each order goes through the real intake and commands, then gets its past.
 */

const MINUTE = 60_000;
const WEEKDAYS: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export interface PastOrderPlan {
  promisedAt: Date;
  placedAt: Date;
  claimedAt: Date;
  pickedAt: Date;
  readyAt: Date;
  /** Null: still on the shelf (the uncollected figure). */
  collectedAt: Date | null;
  /** One unit declared short while picking. */
  short: boolean;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * The orders of one past week, day by day (pure, so it is tested on its own). Promises fall
 * inside the store's opening hours of that day, and every moment is before `now`.
 */
export function planDemoWeek(
  rng: Rng,
  now: Date,
  hours: OpeningHours,
  timeZone: string,
  days = 7,
): PastOrderPlan[] {
  const plans: PastOrderPlan[] = [];
  for (let back = days; back >= 1; back--) {
    const day = localParts(new Date(now.getTime() - back * 86_400_000), timeZone);
    const weekday = WEEKDAYS[new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay()]!;
    const midnight = zonedInstant(timeZone, day.year, day.month, day.day).getTime();
    const open = hours[weekday];
    if (open.length === 0) continue;
    // Weekends are busier.
    const count = rng.int(4, 6) + (weekday === 'sat' || weekday === 'sun' ? 2 : 0);
    for (let i = 0; i < count; i++) {
      const interval = rng.pick(open);
      // Promised at least an hour after opening, so the pick fits in store hours.
      const from = minutesOf(interval.open) + 60;
      const to = minutesOf(interval.close) - 15;
      if (to <= from) continue;
      const promisedAt = new Date(midnight + rng.int(from, to) * MINUTE);
      const late = rng.chance(0.12);
      const readyAt = late
        ? new Date(promisedAt.getTime() + rng.int(5, 70) * MINUTE)
        : new Date(promisedAt.getTime() - rng.int(10, 55) * MINUTE);
      const pickedAt = new Date(readyAt.getTime() - rng.int(2, 8) * MINUTE);
      const claimedAt = new Date(pickedAt.getTime() - rng.int(6, 28) * MINUTE);
      const placedAt = new Date(claimedAt.getTime() - rng.int(40, 20 * 60) * MINUTE);
      // Most collect within a day or two; some are still on the shelf.
      const collect = new Date(readyAt.getTime() + rng.int(20, 40 * 60) * MINUTE);
      const uncollected = rng.chance(0.06) || collect.getTime() >= now.getTime();
      plans.push({
        promisedAt,
        placedAt,
        claimedAt,
        pickedAt,
        readyAt,
        collectedAt: uncollected ? null : collect,
        short: rng.chance(0.15),
      });
    }
  }
  return plans;
}

/** Places the week's orders at the store and gives each its past; returns how many. */
export async function seedDemoWeek(
  db: Db,
  rng: Rng,
  store: { id: string; timezone: string; openingHours: OpeningHours },
  picker: CommandActor,
  now: Date,
  days = 7,
): Promise<number> {
  let placed = 0;
  const plans = planDemoWeek(rng, now, store.openingHours, store.timezone, days);
  for (const [index, plan] of plans.entries()) {
    const order = await placeDemoOrder(db, rng, {
      storeId: store.id,
      fulfillmentType: 'pickup',
      promisedAt: plan.promisedAt,
      placedAt: plan.placedAt,
    });
    if (!order) continue;
    const orderId = order.id;
    const lines = await db
      .select({ id: t.orderLines.id, qty: t.orderLines.qtyOrdered, barcode: t.products.barcode })
      .from(t.orderLines)
      .innerJoin(t.products, eq(t.products.id, t.orderLines.productId))
      .where(eq(t.orderLines.orderId, orderId))
      .orderBy(t.orderLines.lineNo);
    // A short needs another unit to hand over, or the order would be cancelled instead.
    const units = lines.reduce((sum, line) => sum + line.qty, 0);
    const shortLine = plan.short && units > 1 ? lines[0] : undefined;
    const picks = lines.map((line) => {
      const isShort = line === shortLine;
      return {
        name: 'pick.confirm',
        args: { orderId, code: line.barcode, qty: isShort ? line.qty - 1 : line.qty },
      };
    });
    const shortCommand = shortLine
      ? [{ name: 'pick.short', args: { orderId, lineId: shortLine.id, qty: 1, reason: 'not_found' } }]
      : [];
    await db.transaction((tx) =>
      runCommands(
        tx,
        picker,
        [
          { name: 'order.claim', args: { orderId } },
          ...picks.filter((pick) => pick.args.qty > 0),
          ...shortCommand,
          {
            name: 'order.stage',
            args: {
              orderId,
              locationCode: `${store.id}-A${String((index % 12) + 1).padStart(2, '0')}`,
              shareShelf: true,
            },
          },
          ...(plan.collectedAt
            ? [{ name: 'order.handover', args: { orderId, code: order.pickupCode } }]
            : []),
        ],
        demoServices,
      ),
    );
    // Everything it caused (stock movements, audit, messages) moves back with it...
    const end = plan.collectedAt ?? plan.readyAt;
    await backdate(db, orderId, Math.round((Date.now() - end.getTime()) / 1000));
    // ...then each step gets its own moment.
    await db.execute(sql`
      update orders set placed_at = ${plan.placedAt.toISOString()}, promised_at = ${plan.promisedAt.toISOString()},
        claimed_at = ${plan.claimedAt.toISOString()}, picked_at = ${plan.pickedAt.toISOString()},
        ready_at = ${plan.readyAt.toISOString()},
        collected_at = ${plan.collectedAt?.toISOString() ?? null}, created_at = ${plan.placedAt.toISOString()}
      where id = ${orderId}`);
    placed++;
  }
  return placed;
}
