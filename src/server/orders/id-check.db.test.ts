import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contract/auth';
import type { OrderDetail } from '../../contract/orders';
import { auditLog, orderLines, orders } from '../db/schema';
import type { ReturnProduct } from '../returns/testing/return-scenario';
import { returnableProducts, signInAs } from '../returns/testing/return-scenario';
import { stockedProducts } from '../testing/fixtures';
import type { TestApp } from '../testing/test-app';
import { createTestApp } from '../testing/test-app';
import { CODE, counterScenario } from './testing/counter-scenario';

/**
 * Issue 15, point 5 (ADR 0047): the ID step of a flagged order before its handover, through the
 * push and over REST, and what is kept of it: the document type and its last 4 characters only.
 */
let t: TestApp;
let associate: Session;
const used = new Set<string>();

beforeAll(async () => {
  t = await createTestApp();
  associate = await signInAs(t, 'MI01', 'associate', 'counter-id-check-1');
});
afterAll(() => t?.close());

const { db, push, rest, detail, stagedOrder } = counterScenario(
  () => t,
  () => associate,
);

describe('the ID step of a flagged order', () => {
  it('the demo has a ready order with an item for adults and one a named third party collects', async () => {
    const rows = await db()
      .select({ id: orders.id, collector: orders.collectorName, status: orders.status })
      .from(orders)
      .where(and(eq(orders.storeId, 'MI01'), eq(orders.status, 'ready')));
    const flagged = await Promise.all(rows.map((r) => detail(r.id)));
    expect(flagged.some((o) => o.idCheck?.reasons.includes('age') && o.idCheck.minimumAge === 18)).toBe(true);
    expect(flagged.some((o) => o.idCheck?.collectorName === 'Giulia Ferrari')).toBe(true);
  });

  it('refuses the handover without it, refuses an under-age holder, and keeps only type and last 4', async () => {
    const [a, b] = (await returnableProducts(db(), 'MI01', 2, used)) as [ReturnProduct, ReturnProduct];
    const order = await stagedOrder([
      { product: a, qty: 1, minimumAge: 18 },
      { product: b, qty: 1 },
    ]);
    expect(order.idCheck).toMatchObject({ reasons: ['age'], minimumAge: 18, checkedAt: null });

    const blocked = await push('order.handover', { orderId: order.id, code: CODE }, 2);
    expect(blocked).toMatchObject({ status: 'rejected', error: { code: 'idCheck.required' } });
    const blockedRest = await rest(`/api/orders/${order.id}/handover`, { code: CODE });
    expect(blockedRest.statusCode).toBe(409);
    expect(blockedRest.json().code).toBe('idCheck.required');

    const today = new Date();
    const seventeen = `${today.getUTCFullYear() - 17}-01-01`;
    const young = await push('order.checkId', {
      orderId: order.id,
      documentType: 'identityCard',
      last4: 'ab12',
      dateOfBirth: seventeen,
    });
    expect(young).toMatchObject({ status: 'rejected', error: { code: 'idCheck.underAge' } });
    const noBirth = await rest(`/api/orders/${order.id}/check-id`, {
      documentType: 'passport',
      last4: 'X123',
    });
    expect(noBirth.statusCode).toBe(422);
    expect(noBirth.json().code).toBe('idCheck.dateOfBirthRequired');

    const adult = `${today.getUTCFullYear() - 30}-06-15`;
    const checked = await push('order.checkId', {
      orderId: order.id,
      documentType: 'identityCard',
      last4: 'ab12',
      dateOfBirth: adult,
    });
    expect(checked.status, JSON.stringify(checked.error)).toBe('applied');
    const seen = await detail(order.id);
    expect(seen.idCheck).toMatchObject({ documentType: 'identityCard', last4: 'AB12' });
    expect(seen.idCheck?.checkedAt).not.toBeNull();

    // Nothing of the birth date is kept: not on the order, not in the audit.
    const [row] = await db().select().from(orders).where(eq(orders.id, order.id));
    expect(JSON.stringify(row)).not.toContain(adult);
    const audits = await db()
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, order.id), eq(auditLog.action, 'order.checkId')));
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0])).not.toContain(adult);
    expect(audits[0]!.details).toMatchObject({
      documentType: 'identityCard',
      last4: 'AB12',
      reasons: ['age'],
    });

    const handed = await push('order.handover', { orderId: order.id, code: CODE }, 2);
    expect(handed.status, JSON.stringify(handed.error)).toBe('applied');
    expect((await detail(order.id)).status).toBe('collected');
  });

  it('matches a third-party collector by the name on the document', async () => {
    const [a] = (await returnableProducts(db(), 'MI01', 1, used)) as [ReturnProduct];
    const order = await stagedOrder([{ product: a, qty: 1 }], {
      idCheck: { collector: { name: 'Niccolò De Luca' } },
    });
    const other = await rest(`/api/orders/${order.id}/check-id`, {
      documentType: 'drivingLicence',
      last4: '9Z9Z',
      nameOnDocument: 'Marco Rossi',
    });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idCheck.nameMismatch');
    const right = await rest(`/api/orders/${order.id}/check-id`, {
      documentType: 'drivingLicence',
      last4: '9Z9Z',
      nameOnDocument: 'DE LUCA NICCOLO',
    });
    expect(right.statusCode, right.body).toBe(200);
    const handed = await rest(`/api/orders/${order.id}/handover`, { code: CODE });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(handed.json<OrderDetail>().status).toBe('collected');
  });
});

describe('an ID step that follows the order to another store', () => {
  it('keeps the minimum age and the named collector on the units re-routed after a short pick', async () => {
    const atMi02 = new Set((await stockedProducts(db(), 'MI02', 200, 3)).map((p) => p.id));
    const product = (await stockedProducts(db(), 'MI01', 200, 3)).find(
      (p) => atMi02.has(p.id) && !used.has(p.id),
    )!;
    used.add(product.id);
    const placed = await t.placeOrder([{ sku: product.sku, qty: 2 }], {
      lines: [{ sku: product.sku, qty: 2, unitPriceCents: 1990, minimumAge: 18 }],
      idCheck: { collector: { name: 'Anna Bianchi' } },
    });
    const lineId = (await detail(placed.id)).lines[0]!.id;
    expect((await push('order.claim', { orderId: placed.id })).status).toBe('applied');
    await push('pick.confirm', { orderId: placed.id, code: product.barcode, qty: 1 });
    await push('pick.short', { orderId: placed.id, lineId, qty: 1, reason: 'not_found' });
    const moved = await push('order.reroute', {
      rerouteId: randomUUID(),
      orderId: placed.id,
      lineId,
      toStoreId: 'MI02',
    });
    expect(moved.status, JSON.stringify(moved.error)).toBe('applied');
    const made = moved.result as { orderId: string };
    const [row] = await db().select().from(orders).where(eq(orders.id, made.orderId));
    expect(row).toMatchObject({ storeId: 'MI02', collectorName: 'Anna Bianchi' });
    const lines = await db().select().from(orderLines).where(eq(orderLines.orderId, made.orderId));
    expect(lines.map((l) => l.minimumAge)).toEqual([18]);
  });
});
