import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Session } from '../../contract/auth';
import type { IntakeOrderBody } from '../../contract/orders';
import type { MutationResult, PushResponse } from '../../contract/sync';
import type { ShortReason } from '../../domain/picking';
import type { Db } from '../db/client';
import {
  associates,
  auditLog,
  mutationLog,
  orderLines,
  orders,
  products,
  stock,
  stockMovements,
  syncClients,
} from '../db/schema';
import type { Rng } from '../db/seed';
import { substitutionRefundKey } from '../../domain/substitution';

/**
 * Shared pieces of the sync fault tests: commands written against order *indexes* (so the same
 * stream can be replayed on a second, independent database whose ids differ), a tiny HTTP
 * abstraction over app.inject and fetch, and a snapshot of the server state with every
 * database-specific id replaced by a stable label, so two databases can be compared.
 */

export type CommandTemplate =
  | { kind: 'claim'; order: number }
  | { kind: 'pick'; order: number; code: string; qty: number }
  | { kind: 'short'; order: number; lineNo: number; qty: number; reason: ShortReason }
  | { kind: 'stage'; order: number; location: string }
  | { kind: 'handover'; order: number; code: string }
  | { kind: 'putBack'; order: number }
  | { kind: 'raw'; name: string; v: number; args: unknown };

export interface PlacedOrder {
  id: string;
  number: string;
  pickupCode: string;
  lines: { id: string; lineNo: number }[];
}

export interface WireMutation {
  id: string;
  seq: number;
  name: string;
  v: number;
  args: unknown;
}

/** One device's outbox: a client id, and its commands numbered in order as the device would. */
export function commandStream(clientId: string = randomUUID()) {
  let seq = 0;
  return {
    clientId,
    next: (name: string, args: unknown, v = 1): WireMutation => ({
      id: randomUUID(),
      seq: ++seq,
      name,
      v,
      args,
    }),
  };
}

export function materialize(
  t: CommandTemplate,
  placed: readonly PlacedOrder[],
): Omit<WireMutation, 'id' | 'seq'> {
  if (t.kind === 'raw') return { name: t.name, v: t.v, args: t.args };
  const order = placed[t.order];
  if (!order) throw new Error(`no order #${t.order}`);
  const orderId = order.id;
  switch (t.kind) {
    case 'claim':
      return { name: 'order.claim', v: 1, args: { orderId } };
    case 'pick':
      return { name: 'pick.confirm', v: 1, args: { orderId, code: t.code, qty: t.qty } };
    case 'short': {
      const line = order.lines.find((l) => l.lineNo === t.lineNo);
      if (!line) throw new Error(`order #${t.order} has no line ${t.lineNo}`);
      return { name: 'pick.short', v: 1, args: { orderId, lineId: line.id, qty: t.qty, reason: t.reason } };
    }
    case 'stage':
      return { name: 'order.stage', v: 1, args: { orderId, locationCode: t.location } };
    case 'handover':
      return { name: 'order.handover', v: 1, args: { orderId, code: t.code } };
    case 'putBack':
      return { name: 'order.putBack', v: 1, args: { orderId } };
  }
}

/** A UUID v4 drawn from a seeded generator, so a failing run can be replayed exactly. */
export function seededUuid(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => rng.int(0, 15).toString(16));
  hex[12] = '4';
  hex[16] = (8 + rng.int(0, 3)).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

export interface HttpAnswer {
  status: number;
  body: unknown;
}

/** One request; app.inject in-process or fetch over a socket. */
export type Http = (
  method: 'GET' | 'POST',
  url: string,
  options?: { headers?: Record<string, string>; body?: unknown },
) => Promise<HttpAnswer>;

export function injectHttp(app: {
  inject(o: {
    method: 'GET' | 'POST';
    url: string;
    headers?: Record<string, string>;
    payload?: string;
  }): Promise<{ statusCode: number; body: string }>;
}): Http {
  return async (method, url, options = {}) => {
    const response = await app.inject({
      method,
      url,
      headers: {
        ...options.headers,
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(options.body === undefined ? {} : { payload: JSON.stringify(options.body) }),
    });
    return { status: response.statusCode, body: response.body ? JSON.parse(response.body) : undefined };
  };
}

export function fetchHttp(baseUrl: string): Http {
  return async (method, url, options = {}) => {
    const response = await fetch(`${baseUrl}${url}`, {
      method,
      headers: {
        ...options.headers,
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
}

export const authorization = (session: Session) => ({ authorization: `Bearer ${session.accessToken}` });

export async function signInOver(
  http: Http,
  who: { storeId?: string; employeeId: string; deviceId: string; pin?: string },
): Promise<Session> {
  const answer = await http('POST', '/api/auth/sign-in', {
    body: {
      storeId: who.storeId ?? 'MI01',
      employeeId: who.employeeId,
      pin: who.pin ?? '1234',
      deviceId: who.deviceId,
    },
  });
  if (answer.status !== 200)
    throw new Error(`sign-in failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as Session;
}

/** Places orders through the intake API, in order, and reads back their lines. */
export async function placeOrders(
  http: Http,
  apiKey: string,
  bodies: readonly IntakeOrderBody[],
  session: Session,
): Promise<PlacedOrder[]> {
  const placed: PlacedOrder[] = [];
  for (const body of bodies) {
    const answer = await http('POST', '/api/orders', { headers: { 'x-api-key': apiKey }, body });
    if (answer.status !== 201 && answer.status !== 200) {
      throw new Error(`intake failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    const result = answer.body as { id: string; number: string; pickupCode: string };
    const detail = await http('GET', `/api/orders/${result.id}`, { headers: authorization(session) });
    const lines = (detail.body as { lines: { id: string; lineNo: number }[] }).lines;
    placed.push({
      id: result.id,
      number: result.number,
      pickupCode: result.pickupCode,
      lines: lines.map((l) => ({ id: l.id, lineNo: l.lineNo })).sort((a, b) => a.lineNo - b.lineNo),
    });
  }
  return placed;
}

export function push(http: Http, session: Session, clientId: string, mutations: readonly WireMutation[]) {
  return http('POST', '/api/sync/push', { headers: authorization(session), body: { clientId, mutations } });
}

export type PushOk = PushResponse;
export type Outcome = Pick<MutationResult, 'status' | 'result' | 'error'>;

/** Replaces every id a database made up with a label that means the same on any database. */
export function labeller(placed: readonly PlacedOrder[], extra: Record<string, string> = {}) {
  const labels = new Map<string, string>(Object.entries(extra));
  placed.forEach((o, i) => {
    labels.set(o.id, `order#${i}`);
    // The order's one refund at staging is keyed by its id (ADR 0046).
    labels.set(substitutionRefundKey(o.id), substitutionRefundKey(`order#${i}`));
    for (const l of o.lines) labels.set(l.id, `line#${i}.${l.lineNo}`);
  });
  const relabel = (value: unknown): unknown => {
    if (typeof value === 'string') return labels.get(value) ?? value;
    if (Array.isArray(value)) return value.map(relabel);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, relabel(v)]));
    }
    return value;
  };
  return relabel;
}

/**
 * Everything a command can change, for the given orders and products: order status and
 * fields, every line's quantities, stock, stock movements and audit rows (in commit order),
 * the mutation log and each device's last processed sequence number.
 */
/** Associate ids of a store, labelled by employee number (the same on every seeded database). */
export async function staffLabels(db: Db, storeId: string): Promise<Record<string, string>> {
  const staff = await db
    .select({ id: associates.id, employeeId: associates.employeeId })
    .from(associates)
    .where(eq(associates.storeId, storeId));
  return Object.fromEntries(staff.map((a) => [a.id, `employee:${a.employeeId}`]));
}

export async function captureState(
  db: Db,
  storeId: string,
  placed: readonly PlacedOrder[],
  clientIds: readonly string[],
) {
  const relabel = labeller(placed, await staffLabels(db, storeId));
  const orderIds = placed.map((o) => o.id);

  const orderRows = await db.select().from(orders).where(inArray(orders.id, orderIds));
  const lineRows = await db
    .select({
      orderId: orderLines.orderId,
      lineNo: orderLines.lineNo,
      sku: products.sku,
      qtyOrdered: orderLines.qtyOrdered,
      qtyPicked: orderLines.qtyPicked,
      qtyShort: orderLines.qtyShort,
      shortReason: orderLines.shortReason,
    })
    .from(orderLines)
    .innerJoin(products, eq(products.id, orderLines.productId))
    .where(inArray(orderLines.orderId, orderIds))
    .orderBy(asc(orderLines.lineNo));
  const orderState = placed.map((o) => {
    const row = orderRows.find((r) => r.id === o.id);
    if (!row) throw new Error(`order ${o.id} is missing`);
    return {
      status: row.status,
      claimedBy: relabel(row.claimedBy),
      stagingLocation: row.stagingLocation,
      cancelReason: row.cancelReason,
      putBack: row.putBackAt !== null,
      picked: row.pickedAt !== null,
      collected: row.collectedAt !== null,
      version: row.version,
      lines: lineRows.filter((l) => l.orderId === o.id).map(({ orderId: _o, ...line }) => line),
    };
  });

  const skus = [...new Set(lineRows.map((l) => l.sku))].sort();
  const stockRows = await db
    .select({ sku: products.sku, onHand: stock.onHand, reserved: stock.reserved })
    .from(stock)
    .innerJoin(products, eq(products.id, stock.productId))
    .where(and(eq(stock.storeId, storeId), inArray(products.sku, skus)));
  const stockState = Object.fromEntries(
    stockRows
      .sort((a, b) => (a.sku < b.sku ? -1 : 1))
      .map((r) => [r.sku, { onHand: r.onHand, reserved: r.reserved }]),
  );

  const movements = (
    await db
      .select({
        orderId: stockMovements.orderId,
        sku: products.sku,
        reason: stockMovements.reason,
        deltaOnHand: stockMovements.deltaOnHand,
        deltaReserved: stockMovements.deltaReserved,
      })
      .from(stockMovements)
      .innerJoin(products, eq(products.id, stockMovements.productId))
      .where(inArray(stockMovements.orderId, orderIds))
      .orderBy(asc(stockMovements.id))
  ).map((m) => relabel(m));

  const audit = (
    await db
      .select({
        action: auditLog.action,
        entityId: auditLog.entityId,
        actorId: auditLog.actorId,
        deviceId: auditLog.deviceId,
        details: auditLog.details,
      })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'order'), inArray(auditLog.entityId, orderIds)))
      .orderBy(asc(auditLog.id))
  ).map((a) => relabel(a));

  const log = clientIds.length
    ? await db
        .select({
          mutationId: mutationLog.mutationId,
          clientId: mutationLog.clientId,
          seq: mutationLog.seq,
          name: mutationLog.name,
          status: mutationLog.status,
          result: mutationLog.result,
        })
        .from(mutationLog)
        .where(inArray(mutationLog.clientId, [...clientIds]))
        .orderBy(asc(mutationLog.clientId), asc(mutationLog.seq))
    : [];
  const mutations = Object.fromEntries(
    log.map((m) => [
      m.mutationId,
      { clientId: m.clientId, seq: m.seq, name: m.name, status: m.status, result: relabel(m.result) },
    ]),
  );

  const clients = clientIds.length
    ? await db
        .select({ clientId: syncClients.clientId, lastSeq: syncClients.lastSeq })
        .from(syncClients)
        .where(inArray(syncClients.clientId, [...clientIds]))
    : [];
  const [logCount] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(mutationLog)
    .where(clientIds.length ? inArray(mutationLog.clientId, [...clientIds]) : sql`false`);

  return {
    orders: orderState,
    stock: stockState,
    movements,
    audit,
    mutations,
    mutationLogRows: Number(logCount?.n ?? 0),
    lastSeq: Object.fromEntries(clients.map((c) => [c.clientId, c.lastSeq])),
  };
}
export type SyncState = Awaited<ReturnType<typeof captureState>>;

/** Stock figures of the given products, by SKU (to check both databases start alike). */
export async function stockBySku(db: Db, storeId: string, skus: readonly string[]) {
  const rows = await db
    .select({ sku: products.sku, barcode: products.barcode, onHand: stock.onHand, reserved: stock.reserved })
    .from(stock)
    .innerJoin(products, eq(products.id, stock.productId))
    .where(and(eq(stock.storeId, storeId), inArray(products.sku, [...skus])));
  return Object.fromEntries(rows.sort((a, b) => (a.sku < b.sku ? -1 : 1)).map(({ sku, ...r }) => [sku, r]));
}
