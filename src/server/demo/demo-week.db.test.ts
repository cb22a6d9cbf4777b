import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayKey } from '../../domain/kpi-period';
import type { KpiReport } from '../../domain/kpi';
import type { DatabaseHandle } from '../db/client';
import { createRng, seedStores } from '../db/seed';
import { loadKpiReport } from '../manager/kpi-repository';
import { openTestDatabase } from '../testing/test-database';
import { planDemoWeek } from './demo-week';
import { seedDemo } from './seed-demo';

const NOW = new Date('2026-11-22T16:00:00Z');
const store = seedStores[0]!;

describe('the demo week plan', () => {
  const plans = planDemoWeek(createRng(1), NOW, store.openingHours, store.timezone);

  it('promises every order in store hours on one of the seven days before', () => {
    const days = new Set(plans.map((plan) => dayKey(plan.promisedAt, store.timezone)));
    expect(days.size).toBe(7);
    for (const plan of plans) {
      const local = new Intl.DateTimeFormat('en-GB', {
        timeZone: store.timezone,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(plan.promisedAt);
      expect(local >= '10:00' && local <= '20:30', local).toBe(true);
      expect(plan.placedAt < plan.claimedAt && plan.claimedAt < plan.pickedAt).toBe(true);
      expect(plan.pickedAt < plan.readyAt).toBe(true);
      expect((plan.collectedAt ?? plan.readyAt).getTime()).toBeLessThan(NOW.getTime());
    }
  });

  it('has some late, some short and some uncollected, but mostly on time', () => {
    const late = plans.filter((plan) => plan.readyAt > plan.promisedAt).length;
    expect(late).toBeGreaterThan(0);
    expect(late / plans.length).toBeLessThan(0.3);
    expect(plans.some((plan) => plan.short)).toBe(true);
    expect(plans.some((plan) => plan.collectedAt === null)).toBe(true);
  });
});

describe('the seeded demo week', () => {
  let database: DatabaseHandle;
  let week: KpiReport;
  beforeAll(async () => {
    database = await openTestDatabase();
    const now = new Date();
    await seedDemo(database.db, {
      productCount: 300,
      firstStoreOrders: 2,
      ordersPerOtherStore: 0,
      inboundOrders: 0,
      returnOrders: false,
      now,
    });
    week = await loadKpiReport(database.db, store.id, 'week', now);
  });
  afterAll(() => database?.close());

  it("gives the manager's week orders due every day, mostly on time, some late and some short", () => {
    const dueDays = week.buckets.filter((bucket) => bucket.onTime + bucket.late > 0);
    expect(dueDays.length).toBeGreaterThanOrEqual(6);
    expect(week.onTime.due).toBeGreaterThan(25);
    expect(week.onTime.percent).toBeGreaterThan(60);
    expect(week.onTime.late).toBeGreaterThan(0);
    expect(week.shortPick.ordersWithShort).toBeGreaterThan(0);
    expect(week.timeToPick.medianMinutes).toBeGreaterThan(5);
    expect(week.timeToPick.medianMinutes).toBeLessThan(30);
    expect(week.sales.orders).toBeGreaterThan(20);
  });
});
