import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { OrderDetail } from '../../contract/orders';
import { auditLog, products as productTable } from '../db/schema';
import type { StockedProduct } from '../testing/fixtures';
import { intakeBody, stockedProducts } from '../testing/fixtures';
import type { TestApp } from '../testing/test-app';
import { bearer, createTestApp, TEST_API_KEY } from '../testing/test-app';

let t: TestApp;
let associate: Session;
let manager: Session;
let products: (StockedProduct & { category: string })[];

beforeAll(async () => {
  t = await createTestApp();
  associate = await t.signIn();
  manager = await t.signIn({ employeeId: '1000', pin: '9999' });
  const stocked = await stockedProducts(t.database.db, 'MI01', 60);
  const rows = await t.database.db
    .select({ id: productTable.id, category: productTable.category })
    .from(productTable);
  const categoryOf = new Map(rows.map((r) => [r.id, r.category]));
  products = stocked.map((p) => ({ ...p, category: categoryOf.get(p.id)! }));
});
afterAll(() => t?.close());

const intake = (payload: unknown) =>
  t.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { 'x-api-key': TEST_API_KEY },
    payload: payload as object,
  });

const detail = async (orderId: string) =>
  (
    await t.app.inject({ method: 'GET', url: `/api/orders/${orderId}`, headers: bearer(associate) })
  ).json<OrderDetail>();

const setAges = (ages: { category: string; minimumAge: number }[], who = manager) =>
  t.app.inject({ method: 'PUT', url: '/api/store/category-ages', headers: bearer(who), payload: { ages } });

/** Two products of different categories, so one can carry an age and the other not. */
function twoCategories(): [StockedProduct & { category: string }, StockedProduct & { category: string }] {
  const first = products[0]!;
  const second = products.find((p) => p.category !== first.category)!;
  return [first, second];
}

describe('intake flags an order for the ID step', () => {
  it('flags nothing by default: the ID step is not needed', async () => {
    const [a] = twoCategories();
    const response = await intake(intakeBody([{ sku: a.sku, qty: 1 }]));
    expect(response.statusCode).toBe(201);
    const order = await detail(response.json().id);
    expect(order.idCheck).toEqual({
      reasons: [],
      minimumAge: null,
      collectorName: null,
      checkedAt: null,
      documentType: null,
      last4: null,
    });
    expect(order.lines[0]).toMatchObject({ qtyHandedOver: 0, qtyRefused: 0, minimumAge: null });
  });

  it('flags high value and a named third party, and a line’s own minimum age', async () => {
    const [a, b] = twoCategories();
    const body = intakeBody([
      { sku: a.sku, qty: 1 },
      { sku: b.sku, qty: 1 },
    ]);
    const response = await intake({
      ...body,
      lines: [{ ...body.lines[0]!, minimumAge: 16 }, body.lines[1]],
      idCheck: { highValue: true, collector: { name: 'Anna Bianchi' } },
    });
    expect(response.statusCode).toBe(201);
    const order = await detail(response.json().id);
    expect(order.idCheck).toMatchObject({
      reasons: ['age', 'highValue', 'thirdParty'],
      minimumAge: 16,
      collectorName: 'Anna Bianchi',
      checkedAt: null,
    });
    const byId = new Map(order.lines.map((l) => [l.sku, l.minimumAge]));
    expect(byId.get(a.sku)).toBe(16);
    expect(byId.get(b.sku)).toBeNull();
  });

  it('flags a line by the store’s age for its product category, the higher age winning', async () => {
    const [a, b] = twoCategories();
    expect((await setAges([{ category: a.category, minimumAge: 18 }])).statusCode).toBe(200);
    try {
      const body = intakeBody([
        { sku: a.sku, qty: 1 },
        { sku: b.sku, qty: 1 },
      ]);
      const response = await intake({
        ...body,
        lines: [
          { ...body.lines[0]!, minimumAge: 14 },
          { ...body.lines[1]!, minimumAge: 16 },
        ],
      });
      const order = await detail(response.json().id);
      const byId = new Map(order.lines.map((l) => [l.sku, l.minimumAge]));
      expect(byId.get(a.sku)).toBe(18);
      expect(byId.get(b.sku)).toBe(16);
      expect(order.idCheck).toMatchObject({ reasons: ['age'], minimumAge: 18 });
    } finally {
      await setAges([]);
    }
  });

  it('refuses bad flags with a clear 400, and writes nothing', async () => {
    const [a] = twoCategories();
    const body = intakeBody([{ sku: a.sku, qty: 1 }]);
    const badAge = await intake({ ...body, lines: [{ ...body.lines[0]!, minimumAge: 0 }] });
    expect(badAge.statusCode).toBe(400);
    expect(badAge.json().code).toBe('request.invalid');
    const badName = await intake({ ...body, idCheck: { collector: { name: ' ' } } });
    expect(badName.statusCode).toBe(400);
    const fine = await intake(body);
    expect(fine.statusCode).toBe(201);
  });
});

describe('the store’s age per product category', () => {
  it('is read by associates and set by managers only, with an audit row', async () => {
    const refused = await setAges([{ category: 'beauty', minimumAge: 16 }], associate);
    expect(refused.statusCode).toBe(403);

    const set = await setAges([
      { category: 'toys', minimumAge: 14 },
      { category: 'beauty', minimumAge: 16 },
    ]);
    expect(set.statusCode).toBe(200);
    expect(set.json().ages).toEqual([
      { category: 'beauty', minimumAge: 16 },
      { category: 'toys', minimumAge: 14 },
    ]);
    const read = await t.app.inject({
      method: 'GET',
      url: '/api/store/category-ages',
      headers: bearer(associate),
    });
    expect(read.json().ages).toHaveLength(2);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'store.categoryAges'));
    expect(audits.length).toBeGreaterThan(0);

    // The list is the whole setting.
    expect((await setAges([])).json().ages).toEqual([]);
  });

  it('refuses an age out of range and a category named twice', async () => {
    expect((await setAges([{ category: 'toys', minimumAge: 120 }])).statusCode).toBe(400);
    const twice = await setAges([
      { category: 'toys', minimumAge: 14 },
      { category: 'toys', minimumAge: 16 },
    ]);
    expect(twice.statusCode).toBe(400);
    expect(twice.json().code).toBe('request.invalid');
  });
});
