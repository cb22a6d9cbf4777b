import { describe, expect, it } from 'vitest';
import { computeKpis, median, type KpiOrderRow } from './kpi';
import { kpiCsvRows } from './kpi-csv';
import { kpiPeriod } from './kpi-period';

const ROME = 'Europe/Rome';
// Sunday 22 November 2026, 17:00 in Milan.
const NOW = new Date('2026-11-22T16:00:00Z');
const at = (hhmm: string, day = '2026-11-22') => new Date(`${day}T${hhmm}:00+01:00`);

function order(overrides: Partial<KpiOrderRow>): KpiOrderRow {
  return {
    fulfillmentType: 'pickup',
    status: 'new',
    totalCents: 0,
    promisedAt: at('12:00'),
    claimedAt: null,
    pickedAt: null,
    readyAt: null,
    shippedAt: null,
    collectedAt: null,
    cancelledAt: null,
    expiredAt: null,
    unitsOrdered: 0,
    unitsPicked: 0,
    unitsShort: 0,
    ...overrides,
  };
}

// A Sunday at a Milan store: five orders in various states, one from yesterday.
const orders: KpiOrderRow[] = [
  // Picked in 12 min, ready 30 min ahead, collected: 59.70 €.
  order({
    status: 'collected',
    totalCents: 5970,
    promisedAt: at('11:00'),
    claimedAt: at('10:08'),
    pickedAt: at('10:20'),
    readyAt: at('10:30'),
    collectedAt: at('15:10'),
    unitsOrdered: 3,
    unitsPicked: 3,
  }),
  // Picked in 25 min with one unit short, ready 10 min late, still on the shelf.
  order({
    status: 'ready',
    totalCents: 8990,
    promisedAt: at('12:00'),
    claimedAt: at('11:40'),
    pickedAt: at('12:05'),
    readyAt: at('12:10'),
    unitsOrdered: 4,
    unitsPicked: 3,
    unitsShort: 1,
  }),
  // Shipped from the store 2 h ahead of the promise: 120 €.
  order({
    fulfillmentType: 'ship_from_store',
    status: 'shipped',
    totalCents: 12000,
    promisedAt: at('16:00'),
    claimedAt: at('13:00'),
    pickedAt: at('13:06'),
    shippedAt: at('14:00'),
    unitsOrdered: 2,
    unitsPicked: 2,
  }),
  // Promised at 15:00 and not picked yet: late.
  order({ status: 'new', promisedAt: at('15:00'), unitsOrdered: 1 }),
  // Promised tonight: not due yet.
  order({ status: 'new', promisedAt: at('20:00'), unitsOrdered: 1 }),
  // Cancelled: not counted as due.
  order({ status: 'cancelled', promisedAt: at('09:00'), cancelledAt: at('08:00') }),
  // Expired this morning after a week on the shelf.
  order({
    status: 'expired',
    totalCents: 2500,
    promisedAt: at('12:00', '2026-11-15'),
    readyAt: at('11:00', '2026-11-15'),
    pickedAt: at('10:50', '2026-11-15'),
    claimedAt: at('10:40', '2026-11-15'),
    expiredAt: at('06:00'),
    unitsOrdered: 1,
    unitsPicked: 1,
  }),
  // Reserved in another store, collected here yesterday: credited to this store (week only).
  order({
    fulfillmentType: 'reserve_and_collect',
    status: 'collected',
    totalCents: 4500,
    promisedAt: at('18:00', '2026-11-21'),
    readyAt: at('17:00', '2026-11-21'),
    collectedAt: at('18:30', '2026-11-21'),
  }),
];

const returns = [
  { createdAt: at('16:30'), status: 'refunded' as const, refundCents: 2990 },
  { createdAt: at('16:40'), status: 'review' as const, refundCents: 0 },
  { createdAt: at('16:45'), status: 'declined' as const, refundCents: 0 },
];
const ratings = [
  { ratedAt: at('15:11'), rating: 5 },
  { ratedAt: at('15:20', '2026-11-20'), rating: 3 },
];

describe('computeKpis over a day', () => {
  const report = computeKpis(kpiPeriod('day', NOW, ROME), NOW, { orders, returns, ratings });

  it('times picking from claim to picked', () => {
    expect(report.timeToPick).toEqual({ orders: 3, medianMinutes: 12, averageMinutes: 14.3 });
  });

  it('measures ready against the promise, ship-from-store by its shipping', () => {
    // +30, -10, +120 minutes ahead.
    expect(report.readyVsPromise).toEqual({ orders: 3, medianMinutesAhead: 30, averageMinutesAhead: 46.7 });
  });

  it('counts due orders on time, a late unpicked order as late, and skips cancelled and future ones', () => {
    expect(report.onTime).toEqual({ due: 4, onTime: 2, late: 2, percent: 50 });
  });

  it('computes pick accuracy net of declared shorts, and the short-pick rate', () => {
    expect(report.pickAccuracy).toEqual({ unitsExpected: 8, unitsPicked: 8, percent: 100 });
    expect(report.shortPick).toEqual({ unitsOrdered: 9, unitsShort: 1, ordersWithShort: 1, percent: 11.1 });
  });

  it('counts uncollected and expired orders', () => {
    expect(report.uncollected).toEqual({ readyPastPromise: 1, expired: 1 });
  });

  it('credits collected and shipped orders to the store, returns and ratings of the day', () => {
    expect(report.sales).toEqual({ orders: 2, cents: 17970 });
    expect(report.returns).toEqual({ count: 2, refundCents: 2990 });
    expect(report.ratings).toEqual({ count: 1, average: 5 });
  });

  it('buckets by local hour', () => {
    const byKey = new Map(report.buckets.map((b) => [b.key, b]));
    expect(byKey.get('2026-11-22T15')).toMatchObject({ salesOrders: 1, salesCents: 5970 });
    // Due orders sit in the hour of their promise: 11:00 on time, 12:00 late, 15:00 late, 16:00 on time.
    expect(byKey.get('2026-11-22T11')).toMatchObject({ onTime: 1, late: 0 });
    expect(byKey.get('2026-11-22T12')).toMatchObject({ onTime: 0, late: 1, picked: 1 });
    expect(byKey.get('2026-11-22T14')).toMatchObject({ salesOrders: 1, salesCents: 12000 });
    expect(byKey.get('2026-11-22T16')).toMatchObject({ onTime: 1, late: 0 });
    expect(report.buckets.reduce((sum, b) => sum + b.picked, 0)).toBe(3);
  });
});

describe('card, chart and CSV', () => {
  for (const range of ['day', 'week'] as const) {
    it(`count the same orders over a ${range}`, () => {
      const report = computeKpis(kpiPeriod(range, NOW, ROME), NOW, { orders, returns, ratings });
      const total = (pick: (b: (typeof report.buckets)[number]) => number) =>
        report.buckets.reduce((sum, b) => sum + pick(b), 0);
      // The chart's bars add up to the cards.
      expect(total((b) => b.onTime)).toBe(report.onTime.onTime);
      expect(total((b) => b.late)).toBe(report.onTime.late);
      expect(total((b) => b.salesOrders)).toBe(report.sales.orders);
      expect(total((b) => b.salesCents)).toBe(report.sales.cents);
      // The CSV carries the cards' figures and the chart's rows.
      const csv = kpiCsvRows(report);
      const figure = (name: string) => csv.find((row) => row[0] === name)?.[1];
      expect(figure('on_time_due')).toBe(report.onTime.due);
      expect(figure('on_time_on_time')).toBe(report.onTime.onTime);
      expect(figure('on_time_late')).toBe(report.onTime.late);
      expect(figure('time_to_pick_median')).toBe(report.timeToPick.medianMinutes);
      expect(figure('time_to_pick_average')).toBe(report.timeToPick.averageMinutes);
      expect(figure('ready_vs_promise_median_ahead')).toBe(report.readyVsPromise.medianMinutesAhead);
      expect(figure('ready_vs_promise_average_ahead')).toBe(report.readyVsPromise.averageMinutesAhead);
      const header = csv.findIndex((row) => row[1] === 'online_sales_orders' && row[3] === 'due_on_time');
      const rows = csv.slice(header + 1);
      expect(rows).toHaveLength(report.buckets.length);
      expect(rows.reduce((sum, row) => sum + Number(row[3]), 0)).toBe(report.onTime.onTime);
      expect(rows.reduce((sum, row) => sum + Number(row[4]), 0)).toBe(report.onTime.late);
    });
  }
});

describe('computeKpis over a week', () => {
  const report = computeKpis(kpiPeriod('week', NOW, ROME), NOW, { orders, returns, ratings });

  it('includes yesterday and the days before', () => {
    expect(report.sales).toEqual({ orders: 3, cents: 22470 });
    expect(report.ratings).toEqual({ count: 2, average: 4 });
    expect(report.buckets.find((b) => b.key === '2026-11-21')).toMatchObject({ salesCents: 4500 });
  });

  it('has no figure where there is nothing to measure', () => {
    const empty = computeKpis(kpiPeriod('week', NOW, ROME), NOW, { orders: [], returns: [], ratings: [] });
    expect(empty.onTime.percent).toBeNull();
    expect(empty.timeToPick.medianMinutes).toBeNull();
    expect(empty.buckets).toHaveLength(7);
  });

  it('exports as CSV rows', () => {
    const rows = kpiCsvRows(report);
    expect(rows).toContainEqual(['online_sales', '224.70', 'EUR']);
    expect(rows.at(-1)?.[0]).toBe('2026-11-22');
  });
});

describe('median', () => {
  it('averages the middle two of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('substitution KPIs', () => {
  const picked = at('14:00');
  const report = computeKpis(kpiPeriod('day', NOW, ROME), NOW, {
    orders: [
      order({
        pickedAt: picked,
        unitsOrdered: 4,
        unitsShort: 3,
        unitsSubstituted: 2,
        substitutesAccepted: 1,
      }),
      order({
        pickedAt: picked,
        unitsOrdered: 2,
        unitsShort: 1,
        unitsSubstituted: 1,
        substitutesDeclined: 1,
      }),
      order({ pickedAt: picked, unitsOrdered: 1, unitsShort: 0 }),
    ],
    returns: [],
    ratings: [],
  });

  it('counts short units given a substitute: the substitution rate', () => {
    expect(report.substitution).toEqual({ unitsShort: 4, unitsSubstituted: 3, percent: 75 });
  });

  it('counts substitutes the customer took of those answered: the acceptance rate', () => {
    expect(report.acceptance).toEqual({ answered: 2, accepted: 1, percent: 50 });
  });

  it('says nothing rather than 0% when nothing was short or answered', () => {
    const quiet = computeKpis(kpiPeriod('day', NOW, ROME), NOW, { orders: [], returns: [], ratings: [] });
    expect(quiet.substitution.percent).toBeNull();
    expect(quiet.acceptance.percent).toBeNull();
  });
});
