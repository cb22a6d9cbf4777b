import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetail } from '../../contract/orders';
import { auditLog, orders } from '../db/schema';
import type { StockedProduct } from '../testing/fixtures';
import { intakeBody, stockedProducts } from '../testing/fixtures';
import type { TestApp } from '../testing/test-app';
import { bearer, createTestApp, TEST_API_KEY } from '../testing/test-app';

// Issue 15, point 1: the customer's substitution preference per order and per line, taken at
// intake, and the store's price rule as a manager's setting.

let t: TestApp;
let products: StockedProduct[];

beforeAll(async () => {
  t = await createTestApp();
  products = await stockedProducts(t.database.db, 'MI01', 4);
});
afterAll(() => t?.close());

const send = (payload: unknown) =>
  t.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { 'x-api-key': TEST_API_KEY },
    payload: payload as object,
  });

async function detail(orderId: string): Promise<OrderDetail> {
  const associate = await t.signIn({ employeeId: '1001', deviceId: 'subst-intake' });
  const answer = await t.app.inject({
    method: 'GET',
    url: `/api/orders/${orderId}`,
    headers: bearer(associate),
  });
  expect(answer.statusCode).toBe(200);
  return answer.json<OrderDetail>();
}

describe('the substitution preference at intake', () => {
  it('keeps the order’s preference and each line’s own, with the store’s price rule of the day', async () => {
    const [a, b, c, d] = products as [StockedProduct, StockedProduct, StockedProduct, StockedProduct];
    const body = intakeBody([{ sku: a.sku, qty: 1 }], {
      substitution: { mode: 'similar' },
      lines: [
        { sku: a.sku, qty: 1, unitPriceCents: 1000 },
        {
          sku: b.sku,
          qty: 2,
          unitPriceCents: 500,
          substitution: { mode: 'alternatives', skus: [c.sku, d.sku] },
        },
        { sku: c.sku, qty: 1, unitPriceCents: 700, substitution: { mode: 'none' } },
      ],
    });
    const answer = await send(body);
    expect(answer.statusCode).toBe(201);
    const order = await detail(answer.json<{ id: string }>().id);
    expect(order.substitution).toEqual({
      preference: { mode: 'similar' },
      priceRule: { kind: 'within', percent: 30, amountCents: 300 },
      answerMinutes: 20,
    });
    const bySku = new Map(order.lines.map((l) => [l.sku, l]));
    expect(bySku.get(a.sku)?.substitutionPreference).toBeNull();
    expect(bySku.get(b.sku)?.substitutionPreference).toEqual({ mode: 'alternatives', skus: [c.sku, d.sku] });
    expect(bySku.get(c.sku)?.substitutionPreference).toEqual({ mode: 'none' });
    expect(bySku.get(a.sku)?.substitute).toBeNull();
  });

  it('takes an order without a preference as "no substitutes"', async () => {
    const [a] = products as [StockedProduct];
    const answer = await send(intakeBody([{ sku: a.sku, qty: 1 }]));
    expect(answer.statusCode).toBe(201);
    const order = await detail(answer.json<{ id: string }>().id);
    expect(order.substitution?.preference).toEqual({ mode: 'none' });
  });

  it('refuses alternatives the catalogue does not have, naming the field, and writes nothing', async () => {
    const [a] = products as [StockedProduct];
    const body = intakeBody([], {
      lines: [
        {
          sku: a.sku,
          qty: 1,
          unitPriceCents: 100,
          substitution: { mode: 'alternatives', skus: ['NO-SUCH-SKU'] },
        },
      ],
    });
    const answer = await send(body);
    expect(answer.statusCode).toBe(422);
    expect(answer.json()).toMatchObject({
      code: 'order.unknownProduct',
      details: { fields: [{ path: 'body.lines.0.substitution.skus.0' }] },
    });
    expect(await t.database.db.select().from(orders).where(eq(orders.externalId, body.externalId))).toEqual(
      [],
    );
  });

  it('refuses an unknown mode, the ordered product as its own alternative, and alternatives for a whole order', async () => {
    const [a, b] = products as [StockedProduct, StockedProduct];
    const bad = [
      intakeBody([], {
        lines: [{ sku: a.sku, qty: 1, unitPriceCents: 100, substitution: { mode: 'whatever' } as never }],
      }),
      intakeBody([], {
        lines: [
          { sku: a.sku, qty: 1, unitPriceCents: 100, substitution: { mode: 'alternatives', skus: [a.sku] } },
        ],
      }),
      intakeBody([{ sku: a.sku, qty: 1 }], {
        substitution: { mode: 'alternatives', skus: [b.sku] } as never,
      }),
      intakeBody([], {
        lines: [
          { sku: a.sku, qty: 1, unitPriceCents: 100, substitution: { mode: 'alternatives', skus: [] } },
        ],
      }),
    ];
    for (const body of bad) {
      const answer = await send(body);
      expect(answer.statusCode, JSON.stringify(body.lines)).toBe(400);
      expect(answer.json().code).toBe('request.invalid');
    }
  });
});

describe("the store's substitution settings", () => {
  it('a manager reads and sets them; orders taken afterwards carry the new rule, earlier ones keep theirs', async () => {
    const manager = await t.signIn({ employeeId: '1000', pin: '9999', deviceId: 'subst-manager' });
    const [a] = products as [StockedProduct];
    const earlier = (
      await send(intakeBody([{ sku: a.sku, qty: 1 }], { substitution: { mode: 'similar' } }))
    ).json<{
      id: string;
    }>().id;

    const read = await t.app.inject({
      method: 'GET',
      url: '/api/manager/substitution-settings',
      headers: bearer(manager),
    });
    expect(read.json()).toEqual({
      priceRule: { kind: 'within', percent: 30, amountCents: 300 },
      answerMinutes: 20,
    });
    const set = await t.app.inject({
      method: 'PUT',
      url: '/api/manager/substitution-settings',
      headers: bearer(manager),
      payload: { priceRule: { kind: 'notDearer' }, answerMinutes: 15 },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ priceRule: { kind: 'notDearer' }, answerMinutes: 15 });
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'store.substitutionSettings'));
    expect(audits).toHaveLength(1);

    const later = (await send(intakeBody([{ sku: a.sku, qty: 1 }], { substitution: { mode: 'ask' } }))).json<{
      id: string;
    }>().id;
    expect((await detail(later)).substitution).toMatchObject({
      priceRule: { kind: 'notDearer' },
      answerMinutes: 15,
    });
    expect((await detail(earlier)).substitution).toMatchObject({
      priceRule: { kind: 'within' },
      answerMinutes: 20,
    });

    await t.app.inject({
      method: 'PUT',
      url: '/api/manager/substitution-settings',
      headers: bearer(manager),
      payload: { priceRule: { kind: 'within', percent: 30, amountCents: 300 }, answerMinutes: 20 },
    });
  });

  it('refuses bad figures with 400 and an associate with 403', async () => {
    const manager = await t.signIn({ employeeId: '1000', pin: '9999', deviceId: 'subst-manager' });
    const associate = await t.signIn({ employeeId: '1001', deviceId: 'subst-intake' });
    for (const payload of [
      { priceRule: { kind: 'within', percent: -5, amountCents: 0 }, answerMinutes: 20 },
      { priceRule: { kind: 'within', percent: 30, amountCents: 1.5 }, answerMinutes: 20 },
      { priceRule: { kind: 'notDearer' }, answerMinutes: 0 },
    ]) {
      const answer = await t.app.inject({
        method: 'PUT',
        url: '/api/manager/substitution-settings',
        headers: bearer(manager),
        payload,
      });
      expect(answer.statusCode).toBe(400);
    }
    const refused = await t.app.inject({
      method: 'PUT',
      url: '/api/manager/substitution-settings',
      headers: bearer(associate),
      payload: { priceRule: { kind: 'notDearer' }, answerMinutes: 20 },
    });
    expect(refused.statusCode).toBe(403);
  });
});
