import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../db/seed';
import { orderLines, orders } from '../db/schema';
import type { TestApp } from '../testing/test-app';
import { createTestApp } from '../testing/test-app';
import { placeDemoOrder } from './demo-orders';

// Issue 15, point 6: the demo's orders come with each of the customers' substitution preferences.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('the demo shop’s orders', () => {
  it('carry every substitution preference: similar, ask, none, and ranked alternatives', async () => {
    const rng = createRng(15);
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) {
      const placed = await placeDemoOrder(t.database.db, rng, {
        storeId: 'MI01',
        fulfillmentType: 'pickup',
        promisedAt: new Date(Date.now() + 3_600_000),
      });
      if (placed) ids.push(placed.id);
    }
    const rows = await t.database.db.select().from(orders).where(inArray(orders.id, ids));
    const modes = new Set(rows.map((o) => o.substitution?.preference.mode));
    expect([...modes].sort()).toEqual(['ask', 'none', 'similar']);
    const lines = await t.database.db.select().from(orderLines).where(inArray(orderLines.orderId, ids));
    expect(lines.some((l) => l.substitutionPreference?.mode === 'alternatives')).toBe(true);
  });
});
