import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { PushResponse } from '../../contract/sync';
import { rowsOf } from '../db/rows';
import { StatementCounter } from '../db/statement-counter';
import type { StockedProduct } from '../testing/fixtures';
import { stockedProducts } from '../testing/fixtures';
import { commandStream, type WireMutation } from '../testing/sync-scenario';
import type { TestApp } from '../testing/test-app';
import { bearer, createTestApp, seedTestData } from '../testing/test-app';
import { openSecondHandle, openTestDatabase, testDatabaseKind } from '../testing/test-database';

/**
 * Issue 16: a pushed batch costs a fixed number of statements whatever its size (ADR 0053):
 * the stream and its log in one, the orders with their lines in one, the other reads in one,
 * the typed pickup codes' counts in one, and every write in one, besides begin and commit.
 */
const counter = new StatementCounter();
let t: TestApp;
let session: Session;
let products: StockedProduct[];
let shelf = 0;

beforeAll(async () => {
  const database = await openTestDatabase({ onStatement: counter.onStatement });
  await seedTestData(database);
  t = await createTestApp({}, { database });
  session = await t.signIn({ deviceId: 'push-roundtrip-device' });
  products = await stockedProducts(t.database.db, 'MI01', 2, 12);
});
afterAll(() => t?.close());

const stream = commandStream();

async function push(mutations: WireMutation[]) {
  const { result, statements } = await counter.count(() =>
    t.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: bearer(session),
      payload: { clientId: stream.clientId, mutations },
    }),
  );
  expect(result.statusCode).toBe(200);
  return { body: result.json<PushResponse>(), statements: statements.length };
}

/** Whole orders' work of mixed commands: claim, a pick, a short, a wrong code, stage, hand over. */
async function ordersWork(count: number, on: TestApp = t, into = stream, as = session) {
  const [p1, p2] = products as [StockedProduct, StockedProduct];
  const batch: WireMutation[] = [];
  for (let i = 0; i < count; i++) {
    // The short line is free: a removed unit with a price is refunded at staging through the
    // payment adapter, which keeps its own statements (ADR 0053); this batch measures the rest.
    const order = await on.placeOrder(
      [
        { sku: p1.sku, qty: 1 },
        { sku: p2.sku, qty: 1 },
      ],
      {
        lines: [
          { sku: p1.sku, qty: 1, unitPriceCents: 1990 },
          { sku: p2.sku, qty: 1, unitPriceCents: 0 },
        ],
      },
    );
    const detail = (await on.app.inject({ url: `/api/orders/${order.id}`, headers: bearer(as) })).json<{
      lines: { id: string; lineNo: number }[];
    }>();
    const second = detail.lines.find((l) => l.lineNo === 2)!;
    batch.push(
      into.next('order.claim', { orderId: order.id }),
      into.next('pick.confirm', { orderId: order.id, code: p1.barcode, qty: 1 }),
      into.next('pick.confirm', { orderId: order.id, code: '4006381333931', qty: 1 }),
      into.next('pick.short', { orderId: order.id, lineId: second.id, qty: 1, reason: 'not_found' }),
      into.next('order.stage', { orderId: order.id, locationCode: `MI01-A0${1 + (shelf++ % 9)}` }),
      into.next('order.handover', { orderId: order.id, code: order.pickupCode }),
    );
  }
  return batch;
}

const statuses = (body: PushResponse) => body.results.map((r) => r.error?.code ?? r.status);
const perOrder = ['applied', 'applied', 'scan.unknownCode', 'applied', 'applied', 'applied'];

describe('a pushed batch', () => {
  it('costs no more statements than commands, and the same whatever its size', async () => {
    // The stream's first push also stores it; the pushes measured below are later ones.
    const opening = await push(await ordersWork(1));
    expect(statuses(opening.body)).toEqual(perOrder);

    const two = await push(await ordersWork(2));
    expect(statuses(two.body)).toEqual([...perOrder, ...perOrder]);
    const eight = await push(await ordersWork(8));
    expect(statuses(eight.body)).toEqual(Array.from({ length: 8 }, () => perOrder).flat());
    console.log(`push of 12 commands: ${two.statements} statements; of 48: ${eight.statements}`);
    expect(two.statements).toBeLessThanOrEqual(12);
    expect(two.statements).toBeLessThanOrEqual(7);
    expect(eight.statements).toBe(two.statements);
  });

  it('costs a handful of statements for one command alone, and less for a resend', async () => {
    const order = await t.placeOrder([{ sku: products[0]!.sku, qty: 1 }]);
    const claim = stream.next('order.claim', { orderId: order.id });
    const alone = await push([claim]);
    expect(statuses(alone.body)).toEqual(['applied']);
    console.log(`push of one command: ${alone.statements} statements`);
    // begin, the stream with its log, the order with its lines, the writes, commit.
    expect(alone.statements).toBeLessThanOrEqual(5);

    const resend = await push([claim]);
    expect(statuses(resend.body)).toEqual(['duplicate']);
    expect(resend.statements).toBeLessThanOrEqual(alone.statements);
  });
});

describe.skipIf(testDatabaseKind() !== 'postgres')('a push on PostgreSQL', () => {
  // Issue 16: the push's statements are parsed and planned once per connection (ADR 0048), and
  // go unnamed where the handle is told a pooler cannot keep them.
  it.each([true, false])(
    'sends every statement but begin and commit by name (preparation %s)',
    async (preparedStatements) => {
      // A pool of one connection, so pg_prepared_statements shows everything the push named.
      const handle = await openSecondHandle(t.database, {
        poolSize: 1,
        preparedStatements,
        onStatement: counter.onStatement,
      });
      const other = await createTestApp({}, { database: handle });
      try {
        // Units for this test's orders on top of what the tests above use.
        await handle.db.execute(
          sql`update stock set on_hand = on_hand + 20 where store_id = 'MI01'
            and product_id in (${products[0]!.id}::uuid, ${products[1]!.id}::uuid)`,
        );
        const device = await other.signIn({ deviceId: `push-named-${preparedStatements}` });
        const own = commandStream();
        const pushHere = (mutations: WireMutation[]) =>
          counter.count(() =>
            other.app.inject({
              method: 'POST',
              url: '/api/sync/push',
              headers: bearer(device),
              payload: { clientId: own.clientId, mutations },
            }),
          );
        // The stream's first push (it stores the stream), whole orders' work with a typed
        // pickup code, then one command alone.
        const opening = await pushHere(await ordersWork(1, other, own, device));
        const later = await pushHere(await ordersWork(2, other, own, device));
        const order = await other.placeOrder([{ sku: products[0]!.sku, qty: 1 }]);
        const alone = await pushHere([own.next('order.claim', { orderId: order.id })]);
        for (const { result } of [opening, later, alone]) expect(result.statusCode).toBe(200);
        expect(statuses(later.result.json<PushResponse>())).toEqual([...perOrder, ...perOrder]);

        const sent = [opening, later, alone]
          .flatMap((p) => p.statements)
          .filter((text) => !/^(begin|commit)\b/i.test(text.trim()));
        const named = rowsOf<{ statement: string }>(
          await handle.db.execute(sql`select statement from pg_prepared_statements`),
        ).map((row) => row.statement);
        // The stream, its first storing, the orders, the batch's reads, the codes' counts, the writes.
        expect(new Set(sent).size).toBeGreaterThanOrEqual(6);
        if (preparedStatements) for (const text of sent) expect(named).toContain(text);
        else expect(named).toEqual([]);
      } finally {
        await other.close();
      }
    },
  );
});
