import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeOrderBody } from '../../contract/orders';
import type { Db } from '../db/client';
import { rowsOf } from '../db/rows';
import { orders, stock, stockMovements } from '../db/schema';
import { tryReserve } from '../core/order-repository';
import type { StockedProduct } from '../testing/fixtures';
import { intakeBody, stockedProducts, stockOf } from '../testing/fixtures';
import type { TestApp } from '../testing/test-app';
import { createTestApp, TEST_API_KEY } from '../testing/test-app';
import { openSecondHandle, testDatabaseKind } from '../testing/test-database';

/**
 * Inventory integrity under races, through the real reservation path (intake's conditional
 * UPDATE in tryReserve). On PostgreSQL the racers are real concurrent transactions on separate
 * connections, half of them through a second API instance with its own pool; PGlite has one
 * connection, so there the same tests check the outcome of serialised transactions.
 */

const onPostgres = testDatabaseKind() === 'postgres';
let a: TestApp;
let b: TestApp;
let products: StockedProduct[];
let next = 0;
const STORE = 'MZ01';

beforeAll(async () => {
  a = await createTestApp();
  b = onPostgres ? await createTestApp({}, { database: await openSecondHandle(a.database) }) : a;
  products = await stockedProducts(a.database.db, STORE, 12, 1);
});
afterAll(async () => {
  if (b !== a) await b?.close();
  await a?.close();
});

/** A product of the store with exactly `units` available and nothing reserved. */
async function productWithAvailable(units: number, safetyStock = 0): Promise<StockedProduct> {
  const product = products[next++]!;
  await a.database.db
    .update(stock)
    .set({ onHand: units + safetyStock, reserved: 0, safetyStock })
    .where(and(eq(stock.storeId, STORE), eq(stock.productId, product.id)));
  return product;
}

function intake(app: TestApp, body: IntakeOrderBody) {
  return app.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { 'x-api-key': TEST_API_KEY },
    payload: body,
  });
}

/** Sums the stock ledger of the given orders, per product. */
async function ledger(db: Db, orderIds: string[]): Promise<Map<string, number>> {
  if (orderIds.length === 0) return new Map();
  const rows = await db
    .select({ productId: stockMovements.productId, reserved: sql<number>`sum(delta_reserved)::int` })
    .from(stockMovements)
    .where(inArray(stockMovements.orderId, orderIds))
    .groupBy(stockMovements.productId);
  return new Map(rows.map((r) => [r.productId, r.reserved]));
}

describe('racing reservations', () => {
  it('two reservations of the last unit at the same moment: exactly one wins', async () => {
    const last = await productWithAvailable(1, 2);
    const racers = [a, b].map((app, i) =>
      intakeBody([{ sku: last.sku, qty: 1 }], { storeId: STORE, externalId: `last-unit-${i}-${Date.now()}` }),
    );
    const answers = await Promise.all(racers.map((body, i) => intake(i === 0 ? a : b, body)));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const loser = answers.find((r) => r.statusCode === 409)!;
    expect(loser.json()).toMatchObject({ code: 'stock.insufficient' });
    expect(await stockOf(a.database.db, STORE, last.id)).toEqual({ onHand: 3, reserved: 1, safetyStock: 2 });
    const placed = await a.database.db
      .select({ id: orders.id })
      .from(orders)
      .where(
        inArray(
          orders.externalId,
          racers.map((r) => r.externalId),
        ),
      );
    expect(placed).toHaveLength(1);
  });

  it('a second transaction waiting on the first re-checks the stock after its commit and loses', async () => {
    const last = await productWithAvailable(1);
    const orderId = randomUUID();
    let releaseFirst!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstReserved!: () => void;
    const firstHasReserved = new Promise<void>((resolve) => (firstReserved = resolve));

    const first = a.database.db.transaction(async (tx) => {
      const won = await tryReserve(tx, STORE, last.id, 1, orderId);
      firstReserved();
      await firstMayCommit;
      return won;
    });
    await firstHasReserved;
    const second = b.database.db.transaction((tx) => tryReserve(tx, STORE, last.id, 1, orderId));
    if (onPostgres) {
      // The second is really blocked on the first's row locks, not merely slower.
      await expect.poll(() => waitingOnLocks(a.database.db), { timeout: 5_000 }).toBeGreaterThan(0);
    }
    releaseFirst();
    expect(await first).toBe(true);
    expect(await second).toBe(false);
    expect(await stockOf(a.database.db, STORE, last.id)).toMatchObject({ onHand: 1, reserved: 1 });
  });

  it('50 parallel reservations of 10 units: exactly 10 succeed', async () => {
    const product = await productWithAvailable(10);
    const orderId = randomUUID();
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 ? b : a).database.db.transaction((tx) => tryReserve(tx, STORE, product.id, 1, orderId)),
      ),
    );
    expect(outcomes.filter(Boolean)).toHaveLength(10);
    expect(await stockOf(a.database.db, STORE, product.id)).toMatchObject({ onHand: 10, reserved: 10 });
  });

  it('many parallel orders through two API instances never oversell, and never reserve half an order', async () => {
    const shoes = await productWithAvailable(9, 1);
    const laces = await productWithAvailable(6);
    // Orders of 1 or 2 pairs of shoes, every third with laces too: a mix that runs both dry.
    const bodies = Array.from({ length: 40 }, (_, i) =>
      intakeBody(
        [{ sku: shoes.sku, qty: 1 + (i % 2) }, ...(i % 3 === 0 ? [{ sku: laces.sku, qty: 2 }] : [])],
        { storeId: STORE, externalId: `storm-${i}-${Date.now()}` },
      ),
    );
    const answers = await Promise.all(bodies.map((body, i) => intake(i % 2 ? b : a, body)));
    const statuses = answers.map((r) => r.statusCode);
    expect(
      statuses.every((s) => s === 201 || s === 409),
      JSON.stringify(statuses),
    ).toBe(true);
    expect(
      answers.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'stock.insufficient'),
    ).toBe(true);

    const won = bodies.filter((_, i) => answers[i]!.statusCode === 201);
    const wanted = (sku: string) =>
      won.reduce(
        (sum, body) => sum + body.lines.filter((l) => l.sku === sku).reduce((n, l) => n + l.qty, 0),
        0,
      );
    const shoesAfter = await stockOf(a.database.db, STORE, shoes.id);
    const lacesAfter = await stockOf(a.database.db, STORE, laces.id);
    expect(shoesAfter.reserved).toBe(wanted(shoes.sku));
    expect(lacesAfter.reserved).toBe(wanted(laces.sku));
    for (const after of [shoesAfter, lacesAfter]) {
      expect(after.onHand - after.reserved - after.safetyStock).toBeGreaterThanOrEqual(0);
    }
    expect(wanted(shoes.sku)).toBeLessThanOrEqual(9);
    expect(wanted(laces.sku)).toBeLessThanOrEqual(6);
    // Someone wanting a single pair lost only if the shoes were gone.
    const singleLost = bodies.some(
      (body, i) => answers[i]!.statusCode === 409 && body.lines.length === 1 && body.lines[0]!.qty === 1,
    );
    if (singleLost) expect(wanted(shoes.sku)).toBe(9);

    const placed = await a.database.db
      .select({ id: orders.id })
      .from(orders)
      .where(
        inArray(
          orders.externalId,
          won.map((body) => body.externalId),
        ),
      );
    expect(placed).toHaveLength(won.length);
    const moves = await ledger(
      a.database.db,
      placed.map((o) => o.id),
    );
    expect(moves.get(shoes.id) ?? 0).toBe(shoesAfter.reserved);
    expect(moves.get(laces.id) ?? 0).toBe(lacesAfter.reserved);
    console.log(
      `storm (${testDatabaseKind()}): ${won.length}/40 orders placed, statuses ${statuses.join(',')}`,
    );
  });
});

async function waitingOnLocks(db: Db): Promise<number> {
  const result = await db.execute(sql`
    select count(*)::int as n from pg_stat_activity
    where datname = current_database() and wait_event_type = 'Lock'`);
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
}
