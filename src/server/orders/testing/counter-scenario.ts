import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Session } from '../../../contract/auth';
import type { IntakeOrderBody, OrderDetail } from '../../../contract/orders';
import type { MutationResult, PushResponse } from '../../../contract/sync';
import { customerNotifications, stagingLocations, webhookDeliveries } from '../../db/schema';
import type { ReturnProduct } from '../../returns/testing/return-scenario';
import type { TestApp } from '../../testing/test-app';
import { bearer } from '../../testing/test-app';

/** The pickup code every test order is placed with. */
export const CODE = '482913';

/**
 * The counter as a test drives it (ADR 0047): one associate's outbox through the push, the REST
 * actions, and what the customer and the platform were sent.
 */
export function counterScenario(app: () => TestApp, who: () => Session) {
  const db = () => app().database.db;
  const clientId = randomUUID();
  let seq = 0;
  async function push(name: string, args: unknown, v = 1): Promise<MutationResult> {
    const response = await app().app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: bearer(who()),
      payload: { clientId, mutations: [{ id: randomUUID(), seq: ++seq, name, v, args }] },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<PushResponse>().results[0]!;
  }

  async function rest(path: string, payload: unknown) {
    return app().app.inject({
      method: 'POST',
      url: path,
      headers: bearer(who()),
      payload: payload as object,
    });
  }

  async function detail(orderId: string): Promise<OrderDetail> {
    return (
      await app().app.inject({ url: `/api/orders/${orderId}`, headers: bearer(who()) })
    ).json<OrderDetail>();
  }

  /** An order picked in full and staged, waiting for its customer. */
  async function stagedOrder(
    specs: { product: ReturnProduct; qty: number; unitPriceCents?: number; minimumAge?: number }[],
    overrides: Partial<IntakeOrderBody> = {},
  ): Promise<OrderDetail> {
    const placed = await app().placeOrder(
      specs.map((s) => ({ sku: s.product.sku, qty: s.qty })),
      {
        lines: specs.map((s) => ({
          sku: s.product.sku,
          qty: s.qty,
          unitPriceCents: s.unitPriceCents ?? 1990,
          ...(s.minimumAge ? { minimumAge: s.minimumAge } : {}),
        })),
        ...overrides,
      },
    );
    const ok = async (path: string, body: unknown) => {
      const response = await rest(`/api/orders/${placed.id}/${path}`, body);
      expect(response.statusCode, response.body).toBe(200);
    };
    await ok('claim', {});
    for (const s of specs) await ok('pick', { code: s.product.barcode, qty: s.qty });
    const [shelf] = await db()
      .select({ code: stagingLocations.code })
      .from(stagingLocations)
      .where(eq(stagingLocations.storeId, 'MI01'))
      .orderBy(asc(stagingLocations.code))
      .limit(1);
    await ok('stage', { locationCode: shelf!.code, shareShelf: true });
    return detail(placed.id);
  }

  const lineOf = (order: OrderDetail, product: ReturnProduct) =>
    order.lines.find((l) => l.sku === product.sku)!;

  async function webhooksOf(orderId: string) {
    return db()
      .select({ type: webhookDeliveries.eventType, payload: webhookDeliveries.payload })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.orderId, orderId))
      .orderBy(asc(webhookDeliveries.createdAt));
  }

  async function notificationKinds(orderId: string) {
    const rows = await db()
      .select({ kind: customerNotifications.kind, payload: customerNotifications.payload })
      .from(customerNotifications)
      .where(eq(customerNotifications.orderId, orderId));
    return rows;
  }

  return { db, push, rest, detail, stagedOrder, lineOf, webhooksOf, notificationKinds };
}
