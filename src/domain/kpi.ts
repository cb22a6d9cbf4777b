import { bucketKey, type KpiPeriod, type KpiRange } from './kpi-period';

/**
 * The store's KPIs for the manager, computed from rows the server loads (no IO here). What each
 * figure means, since the words alone are ambiguous:
 *
 * - **Time to pick**: claim → picked, over orders whose picking finished in the period.
 * - **Ready vs promise**: minutes between the promise and the moment the order was ready
 *   (`readyAt`; for ship-from-store, `shippedAt`, because its promise is about shipping),
 *   over orders that became ready in the period. Positive = ahead of the promise.
 * - **On time %**: of the orders promised in the period up to now (cancelled ones left out),
 *   the share ready by their promise. One still not ready past its promise counts as late.
 * - **Pick accuracy**: units picked ÷ units that should have been picked, over orders whose
 *   picking finished in the period, where "should" = ordered − declared short. A declared
 *   short is an availability problem (the short-pick rate) and not an inaccuracy; picks above
 *   "should" are capped, so over-picks never raise the figure. Scans already stop wrong items,
 *   so this falls below 100 % when a line was closed with units neither picked nor declared.
 * - **Short-pick rate**: units declared short ÷ units ordered, same orders.
 * - **Uncollected**: orders on the pickup shelf now (status ready) whose promise has passed,
 *   and orders that expired in the period.
 * - **Returns**: returns taken at this store in the period (refunded or waiting for review),
 *   and the money refunded (lines and shipping).
 * - **Online sales credited to the store**: every online order the store fulfils or hands
 *   over: collected here (pickup, curbside, reserve-and-collect, ship-to-store) or shipped
 *   from here, in the period, at the order's total.
 */

export interface KpiOrderRow {
  fulfillmentType: string;
  status: string;
  totalCents: number;
  promisedAt: Date;
  claimedAt: Date | null;
  pickedAt: Date | null;
  readyAt: Date | null;
  shippedAt: Date | null;
  collectedAt: Date | null;
  cancelledAt: Date | null;
  expiredAt: Date | null;
  unitsOrdered: number;
  unitsPicked: number;
  unitsShort: number;
  /** Short units given a substitute (issue 15); absent: none. */
  unitsSubstituted?: number;
  /** Substitutes the customer was asked about and took, or declined (or left past the deadline). */
  substitutesAccepted?: number;
  substitutesDeclined?: number;
}

export interface KpiReturnRow {
  createdAt: Date;
  status: 'refunded' | 'review' | 'declined';
  refundCents: number;
}

export interface KpiRatingRow {
  ratedAt: Date;
  rating: number;
}

export interface KpiBucketFigures {
  key: string;
  start: string;
  salesCents: number;
  salesOrders: number;
  /** Orders due in the bucket (by promise, as the on-time card counts them): on time and late. */
  onTime: number;
  late: number;
  picked: number;
}

export interface KpiReport {
  range: KpiRange;
  timeZone: string;
  from: string;
  to: string;
  timeToPick: { orders: number; medianMinutes: number | null; averageMinutes: number | null };
  readyVsPromise: { orders: number; medianMinutesAhead: number | null; averageMinutesAhead: number | null };
  onTime: { due: number; onTime: number; late: number; percent: number | null };
  pickAccuracy: { unitsExpected: number; unitsPicked: number; percent: number | null };
  shortPick: { unitsOrdered: number; unitsShort: number; ordersWithShort: number; percent: number | null };
  /** Short units given a substitute, of the short units. */
  substitution: { unitsShort: number; unitsSubstituted: number; percent: number | null };
  /** Substitutes the customer took, of those they answered (a silence past the deadline is a no). */
  acceptance: { answered: number; accepted: number; percent: number | null };
  uncollected: { readyPastPromise: number; expired: number };
  returns: { count: number; refundCents: number };
  sales: { orders: number; cents: number };
  ratings: { count: number; average: number | null };
  buckets: KpiBucketFigures[];
}

const MINUTE = 60_000;

/** The moment the order met (or missed) its promise, if it has. */
export function readyMoment(order: KpiOrderRow): Date | null {
  if (order.fulfillmentType === 'ship_from_store') return order.shippedAt;
  return order.readyAt ?? order.collectedAt;
}

/** The moment the store fulfilled or handed the order over: what credits the sale. */
export function creditedMoment(order: KpiOrderRow): Date | null {
  return order.fulfillmentType === 'ship_from_store' ? order.shippedAt : order.collectedAt;
}

/**
 * Whether an order counts for "on time", and how: promised in [from, until) and not cancelled.
 * It is on time when ready (shipped, for ship-from-store) by its promise; one still not ready
 * past its promise is late. The card, the chart and the CSV all count by this one rule.
 */
export function isDue(order: KpiOrderRow, from: number, until: number): 'onTime' | 'late' | null {
  const promised = order.promisedAt.getTime();
  if (promised < from || promised >= until || order.cancelledAt !== null) return null;
  const ready = readyMoment(order);
  return ready !== null && ready.getTime() <= promised ? 'onTime' : 'late';
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function average(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** A share as a percentage with one decimal, or null when there is nothing to divide. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

const round1 = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

export function computeKpis(
  period: KpiPeriod,
  now: Date,
  rows: {
    orders: readonly KpiOrderRow[];
    returns: readonly KpiReturnRow[];
    ratings: readonly KpiRatingRow[];
  },
): KpiReport {
  const from = period.from.getTime();
  const to = period.to.getTime();
  const inPeriod = (at: Date | null): at is Date => at !== null && at.getTime() >= from && at.getTime() < to;
  const buckets = new Map<string, KpiBucketFigures>(
    period.buckets.map((bucket) => [
      bucket.key,
      {
        key: bucket.key,
        start: bucket.start.toISOString(),
        salesCents: 0,
        salesOrders: 0,
        onTime: 0,
        late: 0,
        picked: 0,
      },
    ]),
  );
  const bucketOf = (at: Date) => buckets.get(bucketKey(period.range, at, period.timeZone));

  const pickMinutes: number[] = [];
  const aheadMinutes: number[] = [];
  const onTime = { due: 0, onTime: 0, late: 0 };
  const accuracy = { unitsExpected: 0, unitsPicked: 0 };
  const shorts = { unitsOrdered: 0, unitsShort: 0, ordersWithShort: 0 };
  const substitution = { unitsShort: 0, unitsSubstituted: 0 };
  const acceptance = { answered: 0, accepted: 0 };
  const uncollected = { readyPastPromise: 0, expired: 0 };
  const sales = { orders: 0, cents: 0 };

  for (const order of rows.orders) {
    if (inPeriod(order.pickedAt)) {
      if (order.claimedAt) pickMinutes.push((order.pickedAt.getTime() - order.claimedAt.getTime()) / MINUTE);
      const expected = Math.max(0, order.unitsOrdered - order.unitsShort);
      accuracy.unitsExpected += expected;
      accuracy.unitsPicked += Math.min(order.unitsPicked, expected);
      shorts.unitsOrdered += order.unitsOrdered;
      shorts.unitsShort += order.unitsShort;
      if (order.unitsShort > 0) shorts.ordersWithShort += 1;
      substitution.unitsShort += order.unitsShort;
      substitution.unitsSubstituted += order.unitsSubstituted ?? 0;
      const accepted = order.substitutesAccepted ?? 0;
      acceptance.accepted += accepted;
      acceptance.answered += accepted + (order.substitutesDeclined ?? 0);
      const bucket = bucketOf(order.pickedAt);
      if (bucket) bucket.picked += 1;
    }
    const ready = readyMoment(order);
    if (inPeriod(ready)) aheadMinutes.push((order.promisedAt.getTime() - ready.getTime()) / MINUTE);
    const promised = order.promisedAt.getTime();
    const due = isDue(order, from, Math.min(to, now.getTime()));
    if (due !== null) {
      onTime.due += 1;
      onTime[due] += 1;
      const bucket = bucketOf(order.promisedAt);
      if (bucket) bucket[due] += 1;
    }
    if (order.status === 'ready' && promised < now.getTime()) uncollected.readyPastPromise += 1;
    if (inPeriod(order.expiredAt)) uncollected.expired += 1;
    const credited = creditedMoment(order);
    if (inPeriod(credited)) {
      sales.orders += 1;
      sales.cents += order.totalCents;
      const bucket = bucketOf(credited);
      if (bucket) {
        bucket.salesOrders += 1;
        bucket.salesCents += order.totalCents;
      }
    }
  }

  const taken = rows.returns.filter((r) => inPeriod(r.createdAt) && r.status !== 'declined');
  const ratings = rows.ratings.filter((r) => inPeriod(r.ratedAt)).map((r) => r.rating);

  return {
    range: period.range,
    timeZone: period.timeZone,
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    timeToPick: {
      orders: pickMinutes.length,
      medianMinutes: round1(median(pickMinutes)),
      averageMinutes: round1(average(pickMinutes)),
    },
    readyVsPromise: {
      orders: aheadMinutes.length,
      medianMinutesAhead: round1(median(aheadMinutes)),
      averageMinutesAhead: round1(average(aheadMinutes)),
    },
    onTime: { ...onTime, percent: percent(onTime.onTime, onTime.due) },
    pickAccuracy: { ...accuracy, percent: percent(accuracy.unitsPicked, accuracy.unitsExpected) },
    shortPick: { ...shorts, percent: percent(shorts.unitsShort, shorts.unitsOrdered) },
    substitution: {
      ...substitution,
      percent: percent(substitution.unitsSubstituted, substitution.unitsShort),
    },
    acceptance: { ...acceptance, percent: percent(acceptance.accepted, acceptance.answered) },
    uncollected,
    returns: {
      count: taken.length,
      refundCents: taken.filter((r) => r.status === 'refunded').reduce((sum, r) => sum + r.refundCents, 0),
    },
    sales,
    ratings: { count: ratings.length, average: round1(average(ratings)) },
    buckets: [...buckets.values()],
  };
}
