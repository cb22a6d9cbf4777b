import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { CommandActor } from '../../commands/order-tx';
import type { IntakeOrderBody, OrderDetail } from '../../contract/orders';
import type { PushResponse } from '../../contract/sync';
import { runCommands } from '../core/run-commands';
import { customerNotifications, webhookDeliveries } from '../db/schema';
import { associateTestApp } from '../testing/associate-test-app';
import { stockOf } from '../testing/fixtures';
import { bearer } from '../testing/test-app';
import { expirePendingSubstitutes } from './expire-substitutions';

// Issue 15, point 2: substituting while picking. The customer's preference decides; what needs
// approval waits for the customer's answer, and the order is not staged while it waits.

const { db, associate, products, inject, placeOrder, act, detail } = associateTestApp({
  deviceId: 'subst-picker',
  products: 6,
  available: 4,
});

const ordered = () => products()[0]!;
const substitute = () => products()[1]!;

async function place(overrides: Partial<IntakeOrderBody>, unitPriceCents: number): Promise<OrderDetail> {
  const { id } = await placeOrder([], {
    lines: [{ sku: ordered().sku, qty: 2, unitPriceCents }],
    ...overrides,
  });
  expect((await act(id, 'claim')).statusCode).toBe(200);
  return detail(id);
}

const customer = (storeId = 'MI01'): CommandActor => ({
  type: 'customer',
  id: 'customer',
  name: 'Chiara Test',
  storeId,
  role: 'customer',
  deviceId: null,
});

const decide = (orderId: string, lineId: string, accept: boolean) =>
  db().transaction((tx) =>
    runCommands(tx, customer(), [{ name: 'substitution.decide', args: { orderId, lineId, accept } }]),
  );

const events = async (orderId: string) =>
  (await db().select().from(webhookDeliveries).where(eq(webhookDeliveries.orderId, orderId))).map((w) => ({
    type: w.eventType,
    data: (w.payload as { data: Record<string, unknown> }).data,
  }));

describe('a substitute on a short unit', () => {
  it('is picked at once when the customer takes similar items under the price rule', async () => {
    const order = await place({ substitution: { mode: 'similar' } }, substitute().priceCents + 100);
    const line = order.lines[0]!;
    const before = await stockOf(db(), 'MI01', substitute().id);
    const reservedBefore = (await stockOf(db(), 'MI01', ordered().id)).reserved;
    const answer = await act(order.id, 'substitute', { lineId: line.id, code: substitute().barcode, qty: 2 });
    expect(answer.statusCode, answer.body).toBe(200);
    const after = answer.json<OrderDetail>();
    expect(after.status).toBe('picked');
    expect(after.lines[0]).toMatchObject({
      qtyShort: 2,
      qtyPicked: 0,
      substitute: {
        sku: substitute().sku,
        qty: 2,
        status: 'picked',
        reason: 'withinPriceRule',
        deadline: null,
      },
    });
    // The ordered units are released; the substitute's leave the shelf.
    expect((await stockOf(db(), 'MI01', ordered().id)).reserved).toBe(reservedBefore - 2);
    expect((await stockOf(db(), 'MI01', substitute().id)).onHand).toBe(before.onHand - 2);
    expect(await events(order.id)).toContainEqual({
      type: 'order.substitution_decided',
      data: expect.objectContaining({ status: 'picked', by: 'rule', sku: substitute().sku }),
    });
  });

  it('is refused, with its reason, when the customer wants none or named others; nothing changes', async () => {
    const none = await place({ substitution: { mode: 'none' } }, 1000);
    const refused = await act(none.id, 'substitute', {
      lineId: none.lines[0]!.id,
      code: substitute().barcode,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('substitution.notWanted');

    const named = await place(
      {
        lines: [
          {
            sku: ordered().sku,
            qty: 1,
            unitPriceCents: 1000,
            substitution: { mode: 'alternatives', skus: [products()[2]!.sku] },
          },
        ],
      },
      1000,
    );
    const other = await act(named.id, 'substitute', {
      lineId: named.lines[0]!.id,
      code: substitute().barcode,
    });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('substitution.notAnAlternative');
    expect((await detail(named.id)).lines[0]).toMatchObject({ qtyShort: 0, substitute: null });

    const same = await act(named.id, 'substitute', { lineId: named.lines[0]!.id, code: ordered().barcode });
    expect(same.json().code).toBe('substitution.sameProduct');
    const unknown = await act(named.id, 'substitute', { lineId: named.lines[0]!.id, code: '40170725' });
    expect(unknown.json().code).toBe('substitution.unknownProduct');
  });

  it('waits for the customer when they asked to be asked; staging waits too, until they answer', async () => {
    const order = await place({ substitution: { mode: 'ask' } }, 5000);
    const line = order.lines[0]!;
    const answer = await act(order.id, 'substitute', { lineId: line.id, code: substitute().barcode, qty: 1 });
    expect(answer.statusCode).toBe(200);
    const waiting = answer.json<OrderDetail>().lines[0]!;
    expect(waiting.substitute).toMatchObject({ status: 'pending', reason: 'customerAsks' });
    expect(Date.parse(waiting.substitute!.deadline!) - Date.parse(waiting.substitute!.requestedAt)).toBe(
      20 * 60_000,
    );
    const asked = await db()
      .select()
      .from(customerNotifications)
      .where(
        and(
          eq(customerNotifications.orderId, order.id),
          eq(customerNotifications.kind, 'substitution_request'),
        ),
      );
    expect(asked).toHaveLength(1);
    expect((await events(order.id)).map((e) => e.type)).toContain('order.substitution_requested');

    // One unit still open: the associate picks it.
    expect((await act(order.id, 'pick', { code: ordered().barcode, qty: 1 })).statusCode).toBe(200);
    const early = await act(order.id, 'stage', { locationCode: 'MI01-A01', shareShelf: true });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('substitution.answerPending');

    const onHand = (await stockOf(db(), 'MI01', substitute().id)).onHand;
    await decide(order.id, line.id, true);
    expect((await detail(order.id)).lines[0]!.substitute).toMatchObject({ status: 'accepted' });
    expect((await stockOf(db(), 'MI01', substitute().id)).onHand).toBe(onHand - 1);
    expect(await events(order.id)).toContainEqual({
      type: 'order.substitution_decided',
      data: expect.objectContaining({ status: 'accepted', by: 'customer' }),
    });
    // Answered once: a second answer is refused.
    await expect(decide(order.id, line.id, false)).rejects.toMatchObject({ code: 'substitution.notPending' });
    expect((await act(order.id, 'stage', { locationCode: 'MI01-A01', shareShelf: true })).statusCode).toBe(
      200,
    );
  });

  it('is staged without the answer when the associate says so: the substitute counts as declined', async () => {
    const order = await place({ substitution: { mode: 'ask' } }, 5000);
    const line = order.lines[0]!;
    await act(order.id, 'substitute', { lineId: line.id, code: substitute().barcode, qty: 2 });
    const staged = await act(order.id, 'stage', {
      locationCode: 'MI01-A01',
      shareShelf: true,
      withoutPending: true,
    });
    expect(staged.statusCode, staged.body).toBe(200);
    expect(staged.json<OrderDetail>()).toMatchObject({ status: 'ready' });
    expect(staged.json<OrderDetail>().lines[0]!.substitute).toMatchObject({ status: 'declined' });
    await expect(decide(order.id, line.id, true)).rejects.toMatchObject({ code: 'substitution.notPending' });
  });

  it('is declined at the deadline by the job, and a late answer changes nothing', async () => {
    const order = await place({ substitution: { mode: 'ask' } }, 5000);
    const line = order.lines[0]!;
    await act(order.id, 'substitute', { lineId: line.id, code: substitute().barcode, qty: 2 });
    const deadline = Date.parse((await detail(order.id)).lines[0]!.substitute!.deadline!);
    expect((await expirePendingSubstitutes(db(), new Date(deadline - 1000))).declined).not.toContain(
      `${order.id}/${line.id}`,
    );
    // The deadline passes: the customer's answer is too late, and the job declines it.
    await db().execute(sql`update order_lines set substitute = jsonb_set(substitute, '{deadline}',
      to_jsonb(${new Date(Date.now() - 1000).toISOString()}::text)) where id = ${line.id}`);
    await expect(decide(order.id, line.id, true)).rejects.toMatchObject({ code: 'substitution.notPending' });
    const run = await expirePendingSubstitutes(db(), new Date());
    expect(run.declined).toContain(`${order.id}/${line.id}`);
    const after = await detail(order.id);
    expect(after.lines[0]!.substitute).toMatchObject({ status: 'declined' });
    expect(await events(order.id)).toContainEqual({
      type: 'order.substitution_decided',
      data: expect.objectContaining({ status: 'declined', by: 'deadline' }),
    });
  });

  it("refuses an associate's device answering for the customer", async () => {
    const order = await place({ substitution: { mode: 'ask' } }, 5000);
    const line = order.lines[0]!;
    await act(order.id, 'substitute', { lineId: line.id, code: substitute().barcode, qty: 1 });
    const pushed = await inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: bearer(associate()),
      payload: {
        clientId: randomUUID(),
        mutations: [
          {
            id: randomUUID(),
            seq: 1,
            name: 'substitution.decide',
            v: 1,
            args: { orderId: order.id, lineId: line.id, accept: true },
          },
        ],
      },
    });
    expect(pushed.statusCode).toBe(200);
    expect(pushed.json<PushResponse>().results[0]).toMatchObject({
      status: 'rejected',
      error: { code: 'substitution.customerOnly' },
    });
    expect((await detail(order.id)).lines[0]!.substitute).toMatchObject({ status: 'pending' });
  });
});
