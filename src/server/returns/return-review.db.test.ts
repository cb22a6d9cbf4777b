import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { ReturnApproval, ReturnSubmitResult } from '../../contract/returns';
import { orders } from '../db/schema';
import type { TestApp } from '../testing/test-app';
import { bearer, createTestApp } from '../testing/test-app';
import type { PlacedReturnOrder, ReturnProduct } from './testing/return-scenario';
import {
  device,
  notificationsOf,
  onHand,
  placeReturnOrder,
  refundsOfOrder,
  returnableProducts,
  returnArgs,
  returnTrail,
  signInAs,
  staffOf,
  unit,
} from './testing/return-scenario';

/**
 * Issue 6: a return the server's policy refuses on sync waits for a manager, never dropped; a
 * manager approves (refund and stock) or declines it, or sets the policy aside at the counter,
 * signed in or by an approval typed with their PIN on the associate's device.
 */
let t: TestApp;
let counter: Session;
let manager: Session;
const used = new Set<string>();
const db = () => t.database.db;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestApp();
  counter = await signInAs(t, 'MI01', 'associate', 'review-counter');
  manager = await signInAs(t, 'MI01', 'manager', 'review-manager');
});
afterAll(() => t?.close());

function post(url: string, who: Session, payload: unknown) {
  return t.app.inject({ method: 'POST', url, headers: bearer(who), payload: payload as object });
}

/** A collected order of one line, received `daysAgo` days ago. */
async function collectedDaysAgo(
  daysAgo: number,
  qty = 1,
  unitPriceCents = 2000,
): Promise<PlacedReturnOrder & { product: ReturnProduct }> {
  const [product] = (await returnableProducts(db(), 'MI01', 1, used)) as [ReturnProduct];
  const order = await placeReturnOrder(t, 'MI01', [{ product, qty, unitPriceCents }]);
  await db()
    .update(orders)
    .set({ collectedAt: new Date(Date.now() - daysAgo * DAY).toISOString() })
    .where(eq(orders.id, order.id));
  return { ...order, product };
}

describe('a return that fails the policy on sync', () => {
  it('goes to review, never rejected, with nothing refunded or moved', async () => {
    const order = await collectedDaysAgo(40);
    const stockBefore = await onHand(db(), 'MI01', order.product.id);
    const args = returnArgs(order.id, [unit(order.lines[0]!.id)]);

    const outcome = await device(t, counter).submit(args);

    expect(outcome.status).toBe('applied');
    const result = outcome.result as ReturnSubmitResult;
    expect(result).toMatchObject({ status: 'review', refundCents: 0, shippingRefundCents: 0 });
    expect(result.violations).toMatchObject([
      {
        lineId: order.lines[0]!.id,
        code: 'return.windowExpired',
        overridable: true,
        details: { windowDays: 30, countedFrom: 'received' },
      },
    ]);
    expect(await refundsOfOrder(db(), order.id)).toEqual([]);
    expect(await onHand(db(), 'MI01', order.product.id)).toBe(stockBefore);
    expect((await returnTrail(db(), args.returnId)).audits).toMatchObject([
      { action: 'return.review', details: { violations: result.violations } },
    ]);
  });

  it('is judged on the day it was taken, not the day it synced', async () => {
    // Collected 32 days ago; taken at the counter offline 5 days ago, inside the 30-day window.
    const order = await collectedDaysAgo(32);
    const args = returnArgs(order.id, [unit(order.lines[0]!.id)], {
      takenAt: new Date(Date.now() - 5 * DAY).toISOString(),
    });
    const outcome = await device(t, counter).submit(args);
    expect(outcome.result).toMatchObject({ status: 'refunded', refundCents: 2000 });

    // A device clock far in the future is not believed: the server's time judges.
    const late = await collectedDaysAgo(25);
    const future = await device(t, counter).submit(
      returnArgs(late.id, [unit(late.lines[0]!.id)], {
        takenAt: new Date(Date.now() + 20 * DAY).toISOString(),
      }),
    );
    expect(future.result).toMatchObject({ status: 'refunded' });
  });

  it('a manager approves it: refunded, stock moved, audited; a second decision is 409', async () => {
    const order = await collectedDaysAgo(45, 2, 1800);
    const stockBefore = await onHand(db(), 'MI01', order.product.id);
    const args = returnArgs(order.id, [
      unit(order.lines[0]!.id),
      unit(order.lines[0]!.id, { disposition: 'damaged' }),
    ]);
    await device(t, counter).submit(args);

    const approved = await post(`/api/returns/${args.returnId}/approve`, manager, {
      reason: 'Loyal customer, was abroad',
    });

    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toEqual({
      id: args.returnId,
      status: 'refunded',
      refundCents: 3600,
      shippingRefundCents: 0,
    });
    expect(await onHand(db(), 'MI01', order.product.id)).toBe(stockBefore! + 1);
    const trail = await returnTrail(db(), args.returnId);
    expect(trail.row).toMatchObject({
      status: 'refunded',
      refundCents: 3600,
      decidedBy: manager.associate.id,
      decisionReason: 'Loyal customer, was abroad',
      override: {
        managerId: manager.associate.id,
        reason: 'Loyal customer, was abroad',
        overridden: [{ code: 'return.windowExpired' }],
      },
    });
    expect(trail.refunds).toMatchObject([{ totalCents: 3600, adapter: 'ledger' }]);
    expect(trail.ledger).toMatchObject([{ amountCents: 3600 }]);
    expect(trail.audits.map((a) => a.action)).toEqual(['return.review', 'return.approve']);
    expect(trail.audits[1]).toMatchObject({
      actorId: manager.associate.id,
      details: { restocked: { [order.product.id]: 1 } },
    });
    expect(await notificationsOf(db(), order.id)).toMatchObject([{ payload: { refundCents: 3600 } }]);

    const again = await post(`/api/returns/${args.returnId}/approve`, manager, { reason: 'Loyal customer' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'return.notInReview', details: { status: 'refunded' } });
    const decline = await post(`/api/returns/${args.returnId}/decline`, manager, { reason: 'Too late' });
    expect(decline.statusCode).toBe(409);
    expect(await refundsOfOrder(db(), order.id)).toHaveLength(1);
  });

  it('a manager declines it: no refund, no stock; then it cannot be approved', async () => {
    const order = await collectedDaysAgo(60);
    const stockBefore = await onHand(db(), 'MI01', order.product.id);
    const args = returnArgs(order.id, [unit(order.lines[0]!.id)]);
    await device(t, counter).submit(args);

    const declined = await post(`/api/returns/${args.returnId}/decline`, manager, {
      reason: 'Two months, worn',
    });

    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json()).toEqual({
      id: args.returnId,
      status: 'declined',
      refundCents: 0,
      shippingRefundCents: 0,
    });
    const trail = await returnTrail(db(), args.returnId);
    expect(trail.row).toMatchObject({
      status: 'declined',
      decidedBy: manager.associate.id,
      decisionReason: 'Two months, worn',
    });
    expect(trail.refunds).toEqual([]);
    expect(trail.audits.map((a) => a.action)).toEqual(['return.review', 'return.decline']);
    expect(await onHand(db(), 'MI01', order.product.id)).toBe(stockBefore);

    const approve = await post(`/api/returns/${args.returnId}/approve`, manager, {
      reason: 'Changed my mind',
    });
    expect(approve.statusCode).toBe(409);
    expect(approve.json().code).toBe('return.notInReview');

    // A resend of the declined return's command answers it as it stands: declined.
    const resend = await device(t, counter).submit(args);
    expect(resend.result).toMatchObject({ returnId: args.returnId, status: 'declined', refundCents: 0 });
  });

  it('an order never delivered waits in review; approving it is refused, declining works', async () => {
    const [product] = (await returnableProducts(db(), 'MI01', 1, used)) as [ReturnProduct];
    const order = await placeReturnOrder(t, 'MI01', [{ product, qty: 1 }], { collect: false });
    const args = returnArgs(order.id, [unit(order.lines[0]!.id)]);

    const outcome = await device(t, counter).submit(args);

    expect(outcome.status).toBe('applied');
    expect((outcome.result as ReturnSubmitResult).violations).toContainEqual({
      lineId: '',
      code: 'return.notDelivered',
      overridable: false,
      details: { orderId: order.id, status: 'new' },
    });
    const approve = await post(`/api/returns/${args.returnId}/approve`, manager, {
      reason: 'Customer insists',
    });
    expect(approve.statusCode).toBe(409);
    expect(approve.json()).toMatchObject({
      code: 'returnOverride.notOverridable',
      details: {
        violations: expect.arrayContaining([expect.objectContaining({ code: 'return.notDelivered' })]),
      },
    });
    expect(await refundsOfOrder(db(), order.id)).toEqual([]);
    const decline = await post(`/api/returns/${args.returnId}/decline`, manager, {
      reason: 'Never delivered',
    });
    expect(decline.statusCode).toBe(200);
  });

  it('two reviews of the same units: the first approved is refunded, the second is refused', async () => {
    const order = await collectedDaysAgo(50);
    const first = returnArgs(order.id, [unit(order.lines[0]!.id)]);
    const second = returnArgs(order.id, [unit(order.lines[0]!.id)]);
    await device(t, counter).submit(first);
    const secondOutcome = await device(t, counter).submit(second);
    expect((secondOutcome.result as ReturnSubmitResult).violations.map((v) => v.code)).toContain(
      'return.alreadyReturned',
    );

    expect(
      (await post(`/api/returns/${second.returnId}/approve`, manager, { reason: 'Goodwill' })).statusCode,
    ).toBe(200);
    const refused = await post(`/api/returns/${first.returnId}/approve`, manager, { reason: 'Goodwill' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().details.violations).toMatchObject([{ code: 'return.alreadyReturned' }]);
    expect(await refundsOfOrder(db(), order.id)).toHaveLength(1);
  });
});

describe('a manager sets the policy aside at the counter', () => {
  it('signed in as manager: refunded, with the override recorded and audited', async () => {
    const order = await collectedDaysAgo(40);
    const args = returnArgs(order.id, [unit(order.lines[0]!.id)], {
      override: { reason: 'Gift, received late' },
    });

    const outcome = await device(t, manager).submit(args);

    expect(outcome.result).toMatchObject({ status: 'refunded', refundCents: 2000, violations: [] });
    const trail = await returnTrail(db(), args.returnId);
    const override = {
      managerId: manager.associate.id,
      reason: 'Gift, received late',
      via: 'signedIn',
      overridden: [{ lineId: order.lines[0]!.id, code: 'return.windowExpired' }],
    };
    expect(trail.row?.override).toMatchObject(override);
    expect(trail.audits).toMatchObject([{ action: 'return.refund', details: { override } }]);
  });

  it('with an approval typed with the manager PIN on the associate device: refunded', async () => {
    const order = await collectedDaysAgo(40);
    const args = returnArgs(order.id, [unit(order.lines[0]!.id)]);
    const boss = await staffOf(db(), 'MI01', 'manager');
    const issued = await post('/api/returns/approvals', counter, {
      returnId: args.returnId,
      employeeId: boss.employeeId,
      pin: '9999',
      reason: 'Receipt shows a delayed delivery',
    });
    expect(issued.statusCode, issued.body).toBe(200);
    const approval = issued.json<ReturnApproval>();
    expect(approval.manager).toEqual({ id: boss.id, name: expect.any(String) });

    const outcome = await device(t, counter).submit({
      ...args,
      override: { reason: 'Receipt shows a delayed delivery', approval: approval.approval },
    });

    expect(outcome.result).toMatchObject({ status: 'refunded', refundCents: 2000 });
    const trail = await returnTrail(db(), args.returnId);
    expect(trail.row?.override).toMatchObject({ managerId: boss.id, via: 'approval' });
    expect(trail.audits).toMatchObject([
      { action: 'return.approvalIssued', actorId: counter.associate.id, details: { managerId: boss.id } },
      { action: 'return.refund', details: { override: { managerId: boss.id, via: 'approval' } } },
    ]);
  });

  it('an approval for another return, or none, leaves the return in review saying why', async () => {
    const order = await collectedDaysAgo(40, 2);
    const boss = await staffOf(db(), 'MI01', 'manager');
    const elsewhere = returnArgs(order.id, [unit(order.lines[0]!.id)]);
    const issued = await post('/api/returns/approvals', counter, {
      returnId: elsewhere.returnId,
      employeeId: boss.employeeId,
      pin: '9999',
      reason: 'Goodwill',
    });
    const args = returnArgs(order.id, [unit(order.lines[0]!.id)], {
      override: { reason: 'Goodwill', approval: issued.json<ReturnApproval>().approval },
    });

    const outcome = await device(t, counter).submit(args);

    const result = outcome.result as ReturnSubmitResult;
    expect(result.status).toBe('review');
    expect(result.violations).toEqual([
      expect.objectContaining({ code: 'return.windowExpired' }),
      { lineId: '', code: 'return.approvalInvalid', overridable: true, details: { why: 'otherReturn' } },
    ]);

    const forged = await device(t, counter).submit(
      returnArgs(order.id, [unit(order.lines[0]!.id)], {
        override: { reason: 'Goodwill', approval: 'not.a.token' },
      }),
    );
    expect((forged.result as ReturnSubmitResult).violations.map((v) => v.code)).toContain(
      'return.approvalInvalid',
    );

    const none = await device(t, counter).submit(
      returnArgs(order.id, [unit(order.lines[0]!.id)], { override: { reason: 'Goodwill' } }),
    );
    expect((none.result as ReturnSubmitResult).violations.map((v) => v.code)).toContain(
      'return.overrideNotAllowed',
    );
    expect(await refundsOfOrder(db(), order.id)).toEqual([]);
  });
});

describe('manager routes refuse what they must, never with a 500', () => {
  it('approvals: a wrong PIN is 401, an associate PIN is 403, a bad body is 400', async () => {
    const boss = await staffOf(db(), 'MI01', 'manager');
    const colleague = await staffOf(db(), 'MI01', 'associate');
    const body = { returnId: crypto.randomUUID(), reason: 'Goodwill' };
    const wrong = await post('/api/returns/approvals', counter, {
      ...body,
      employeeId: boss.employeeId,
      pin: '0000',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('auth.badCredentials');
    const unknown = await post('/api/returns/approvals', counter, {
      ...body,
      employeeId: '99999',
      pin: '9999',
    });
    expect(unknown.statusCode).toBe(401);
    const notManager = await post('/api/returns/approvals', counter, {
      ...body,
      employeeId: colleague.employeeId,
      pin: '1234',
    });
    expect(notManager.statusCode).toBe(403);
    expect(notManager.json().code).toBe('auth.forbidden');
    const bad = await post('/api/returns/approvals', counter, {
      ...body,
      returnId: 'x',
      employeeId: boss.employeeId,
      pin: 'abc',
    });
    expect(bad.statusCode).toBe(400);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/returns/approvals',
      payload: { ...body, employeeId: boss.employeeId, pin: '9999' },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('decisions: an associate is 403, another store is 404, an unknown id 404, a bad body 400', async () => {
    const order = await collectedDaysAgo(40);
    const args = returnArgs(order.id, [unit(order.lines[0]!.id)]);
    await device(t, counter).submit(args);
    const reason = { reason: 'Goodwill' };

    const byAssociate = await post(`/api/returns/${args.returnId}/approve`, counter, reason);
    expect(byAssociate.statusCode).toBe(403);
    expect(byAssociate.json().code).toBe('auth.forbidden');
    const otherStore = await signInAs(t, 'MI02', 'manager');
    const foreign = await post(`/api/returns/${args.returnId}/approve`, otherStore, reason);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('return.notFound');
    const foreignDecline = await post(`/api/returns/${args.returnId}/decline`, otherStore, reason);
    expect(foreignDecline.statusCode).toBe(404);
    const unknown = await post(`/api/returns/${crypto.randomUUID()}/decline`, manager, reason);
    expect(unknown.statusCode).toBe(404);
    expect((await post(`/api/returns/not-a-uuid/approve`, manager, reason)).statusCode).toBe(400);
    expect((await post(`/api/returns/${args.returnId}/approve`, manager, { reason: '' })).statusCode).toBe(
      400,
    );
    expect((await post(`/api/returns/${args.returnId}/approve`, manager, { reason: 7 })).statusCode).toBe(
      400,
    );

    const [row] = await db()
      .execute(sql`select status from order_returns where id = ${args.returnId}`)
      .then((r) => (r as unknown as { rows: { status: string }[] }).rows);
    expect(row?.status).toBe('review');
  });
});
