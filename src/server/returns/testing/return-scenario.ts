import { randomUUID } from 'node:crypto';
import { and, asc, eq, notInArray, sql } from 'drizzle-orm';
import type { Session } from '../../../contract/auth';
import type { IntakeOrderBody, OrderDiscount, OrderPayment } from '../../../contract/orders';
import type { ReturnSubmitArgs, ReturnUnitArgs } from '../../../contract/returns';
import type { MutationResult, PushResponse } from '../../../contract/sync';
import type { Db } from '../../db/client';
import {
  associates,
  auditLog,
  customerNotifications,
  orderLines,
  orderReturns,
  orders,
  paymentLedger,
  products,
  refunds,
  stagingLocations,
  stock,
} from '../../db/schema';
import type { TestApp } from '../../testing/test-app';
import { bearer } from '../../testing/test-app';

/**
 * Returns scenarios through the real API: orders walked to "collected" (claim, pick, stage,
 * hand over) at any store, devices that push `return.submit`, and reads of what a client or the
 * back office then sees (refunds, ledger, stock, audit, notifications).
 */

export interface ReturnProduct {
  id: string;
  sku: string;
  barcode: string;
  /** The catalogue price: what a substitute of it costs (ADR 0046). */
  priceCents: number;
}

/**
 * Products the store stocks at least `minAvailable` of, under the default 30-day rule (not the
 * 14-day categories) and returnable, skipping those already used, so each test has its own.
 */
export async function returnableProducts(
  db: Db,
  storeId: string,
  count: number,
  used: Set<string>,
  minAvailable = 6,
): Promise<ReturnProduct[]> {
  const rows = await db
    .select({
      id: products.id,
      sku: products.sku,
      barcode: products.barcode,
      priceCents: products.priceCents,
    })
    .from(stock)
    .innerJoin(products, eq(products.id, stock.productId))
    .where(
      and(
        eq(stock.storeId, storeId),
        eq(products.returnable, true),
        notInArray(products.category, ['electronics', 'beauty']),
        sql`${stock.onHand} - ${stock.reserved} - ${stock.safetyStock} >= ${minAvailable}`,
        ...(used.size ? [notInArray(products.id, [...used])] : []),
      ),
    )
    .orderBy(asc(products.sku))
    .limit(count);
  if (rows.length < count) throw new Error(`only ${rows.length} returnable products at ${storeId}`);
  for (const row of rows) used.add(row.id);
  return rows;
}

export async function staffOf(db: Db, storeId: string, role: 'associate' | 'manager') {
  const [row] = await db
    .select({ id: associates.id, employeeId: associates.employeeId })
    .from(associates)
    .where(and(eq(associates.storeId, storeId), eq(associates.role, role), eq(associates.active, true)))
    .orderBy(asc(associates.employeeId))
    .limit(1);
  if (!row) throw new Error(`no ${role} at ${storeId}`);
  return row;
}

export const PINS = { associate: '1234', manager: '9999' } as const;

export async function signInAs(
  t: TestApp,
  storeId: string,
  role: 'associate' | 'manager',
  deviceId = `returns-${storeId}-${role}-${randomUUID().slice(0, 8)}`,
): Promise<Session> {
  const who = await staffOf(t.database.db, storeId, role);
  return t.signIn({ storeId, employeeId: who.employeeId, pin: PINS[role], deviceId });
}

export interface OrderLineSpec {
  product: ReturnProduct;
  qty: number;
  unitPriceCents?: number;
  /** Units the picker does not find (the customer never gets them). */
  short?: number;
  /** The short units get this substitute instead, kept at once ("similar" under the price rule). */
  substitute?: ReturnProduct;
  finalSale?: boolean;
}

export interface PlacedReturnOrder {
  id: string;
  number: string;
  storeId: string;
  totalCents: number;
  lines: { id: string; lineNo: number; productId: string; qty: number }[];
}

async function call(t: TestApp, who: Session, url: string, payload: unknown) {
  const response = await t.app.inject({
    method: 'POST',
    url,
    headers: bearer(who),
    payload: payload as object,
  });
  if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  return response.json<unknown>();
}

/** An order placed through intake at `storeId`; with `collect`, picked, staged and handed over. */
export async function placeReturnOrder(
  t: TestApp,
  storeId: string,
  specs: readonly OrderLineSpec[],
  extra: {
    discounts?: OrderDiscount[];
    shippingCents?: number;
    payment?: OrderPayment;
    collect?: boolean;
  } = {},
): Promise<PlacedReturnOrder> {
  const { collect = true, ...money } = extra;
  const overrides: Partial<IntakeOrderBody> = {
    storeId,
    ...money,
    ...(specs.some((s) => s.substitute) ? { substitution: { mode: 'similar' as const } } : {}),
  };
  const placed = await t.placeOrder(
    specs.map((s) => ({ sku: s.product.sku, qty: s.qty })),
    {
      ...overrides,
      lines: specs.map((s) => ({
        sku: s.product.sku,
        qty: s.qty,
        unitPriceCents: s.unitPriceCents ?? 1990,
        ...(s.finalSale ? { finalSale: true } : {}),
      })),
    },
  );
  const db = t.database.db;
  const lines = await db
    .select({
      id: orderLines.id,
      lineNo: orderLines.lineNo,
      productId: orderLines.productId,
      qty: orderLines.qtyOrdered,
    })
    .from(orderLines)
    .where(eq(orderLines.orderId, placed.id))
    .orderBy(asc(orderLines.lineNo));
  const [row] = await db
    .select({ totalCents: orders.totalCents })
    .from(orders)
    .where(eq(orders.id, placed.id));
  const order = { id: placed.id, number: placed.number, storeId, totalCents: row!.totalCents, lines };
  if (!collect) return order;

  const picker = await signInAs(t, storeId, 'associate');
  await call(t, picker, `/api/orders/${order.id}/claim`, {});
  for (const [i, spec] of specs.entries()) {
    const line = lines[i]!;
    const found = spec.qty - (spec.short ?? 0);
    if (spec.short && spec.substitute) {
      await call(t, picker, `/api/orders/${order.id}/substitute`, {
        lineId: line.id,
        code: spec.substitute.barcode,
        qty: spec.short,
      });
    } else if (spec.short) {
      await call(t, picker, `/api/orders/${order.id}/short`, {
        lineId: line.id,
        qty: spec.short,
        reason: 'not_found',
      });
    }
    if (found > 0)
      await call(t, picker, `/api/orders/${order.id}/pick`, { code: spec.product.barcode, qty: found });
  }
  const [shelf] = await db
    .select({ code: stagingLocations.code })
    .from(stagingLocations)
    .where(eq(stagingLocations.storeId, storeId))
    .orderBy(asc(stagingLocations.code))
    .limit(1);
  if (!shelf) throw new Error(`no staging location at ${storeId}`);
  await call(t, picker, `/api/orders/${order.id}/stage`, { locationCode: shelf.code, shareShelf: true });
  await call(t, picker, `/api/orders/${order.id}/handover`, { code: '482913' });
  return order;
}

/** A device's outbox stream: its own client id and sequence. */
export function device(t: TestApp, session: Session) {
  const clientId = randomUUID();
  let seq = 0;
  let last: { id: string; seq: number; name: string; v: number; args: unknown } | undefined;
  const send = async (mutations: { id: string; seq: number; name: string; v: number; args: unknown }[]) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: bearer(session),
      payload: { clientId, mutations },
    });
    if (response.statusCode !== 200) throw new Error(`push: ${response.statusCode} ${response.body}`);
    return response.json<PushResponse>();
  };
  return {
    clientId,
    session,
    /** Queues and pushes one command, of the current version unless told; answers its result. */
    async submit(args: unknown, name = 'return.submit', v = 2): Promise<MutationResult> {
      const mutation = { id: randomUUID(), seq: ++seq, name, v, args };
      const body = await send([mutation]);
      last = mutation;
      return body.results[0]!;
    },
    /** Pushes the last command again, as after a lost answer. */
    async resend(): Promise<MutationResult> {
      if (!last) throw new Error('nothing sent yet');
      return (await send([last])).results[0]!;
    },
  };
}

export function unit(lineId: string, overrides: Partial<ReturnUnitArgs> = {}): ReturnUnitArgs {
  return { lineId, reason: 'changedMind', condition: 'new', disposition: 'restock', ...overrides };
}

export function returnArgs(
  orderId: string,
  units: ReturnUnitArgs[],
  overrides: Partial<ReturnSubmitArgs> = {},
): ReturnSubmitArgs {
  return {
    returnId: randomUUID(),
    orderId,
    takenAt: new Date().toISOString(),
    units,
    receipt: { email: 'chiara@example.it', language: 'it' },
    ...overrides,
  };
}

/** What the back office and the customer see of one return. */
export async function returnTrail(db: Db, returnId: string) {
  const [row] = await db.select().from(orderReturns).where(eq(orderReturns.id, returnId));
  const refundRows = await db.select().from(refunds).where(eq(refunds.returnId, returnId));
  const ledger = refundRows[0]
    ? await db.select().from(paymentLedger).where(eq(paymentLedger.idempotencyKey, refundRows[0].refundKey))
    : [];
  const audits = await db
    .select({
      action: auditLog.action,
      storeId: auditLog.storeId,
      actorId: auditLog.actorId,
      details: auditLog.details,
    })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'return'), eq(auditLog.entityId, returnId)))
    .orderBy(asc(auditLog.id));
  return { row, refunds: refundRows, ledger, audits };
}

export async function notificationsOf(db: Db, orderId: string) {
  return db
    .select({ kind: customerNotifications.kind, payload: customerNotifications.payload })
    .from(customerNotifications)
    .where(and(eq(customerNotifications.orderId, orderId), eq(customerNotifications.kind, 'refundIssued')))
    .orderBy(asc(customerNotifications.id));
}

export async function onHand(db: Db, storeId: string, productId: string): Promise<number | null> {
  const [row] = await db
    .select({ onHand: stock.onHand })
    .from(stock)
    .where(and(eq(stock.storeId, storeId), eq(stock.productId, productId)));
  return row?.onHand ?? null;
}

export async function refundsOfOrder(db: Db, orderId: string) {
  return db.select().from(refunds).where(eq(refunds.orderId, orderId)).orderBy(asc(refunds.createdAt));
}
