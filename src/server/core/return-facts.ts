import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { CommandReads } from '../../commands/define-command';
import type {
  ApprovalVerdict,
  ReturnHistory,
  ReturnOrder,
  ReturnOrderLine,
  ReturnRules,
  StoredReturn,
} from '../../commands/return-order';
import type { ReturnViolationView } from '../../contract/returns';
import type { RefundLine, RefundHistory, ShippingRefundRule } from '../../domain/refund';
import type { ReturnPolicy } from '../../domain/return-policy';
import { returnNumberCandidates } from '../../domain/return-number';
import {
  associates,
  orderLines,
  orderReturns,
  orders,
  products,
  refunds,
  returnUnits,
  stores,
} from '../db/schema';
import { iso } from '../db/time';
import type { OrderRow } from './order-rows';
import type { OrderWork } from './order-work';
import type { PaymentAdapter } from './payment-adapter';
import { inTurn } from '../db/in-turn';
import { itemIdOf, orderedProducts, withSubstituteItems } from '../../commands/return-items';

/**
 * What returns need from the server's configuration, handed over by the composition (the
 * returns feature owns it): the payment adapter, the approval keys, the chain's policy.
 */
export interface ReturnServices {
  payments(): PaymentAdapter;
  verifyApproval(token: string): Promise<ApprovalVerdict>;
  policy(): { policy: ReturnPolicy; shippingRule: ShippingRefundRule };
}

/** An order a return was declared for, as loaded: its row (any store), lines and history. */
export interface LoadedReturnOrder {
  row: OrderRow;
  lines: ReturnOrderLine[];
  history: ReturnHistory;
}

/** Everything the returns of a batch read, loaded before the first of them runs. */
export interface ReturnFacts {
  orders: ReadonlyMap<string, LoadedReturnOrder | null>;
  stored: ReadonlyMap<string, StoredReturn | null>;
  /** Receipt numbers already taken, of those the batch's returns may take. */
  takenNumbers: ReadonlySet<string>;
  rules: ReturnRules | undefined;
  /** The store's active managers, when a command asked. */
  managers: ReadonlySet<string> | undefined;
  approvals: ReadonlyMap<string, ApprovalVerdict>;
  /** The adapter refunds are paid through, when the batch takes returns. */
  payments: PaymentAdapter | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const unique = <T>(values: Iterable<T>) => [...new Set(values)];

export const noReturnFacts: ReturnFacts = {
  orders: new Map(),
  stored: new Map(),
  takenNumbers: new Set(),
  rules: undefined,
  managers: undefined,
  approvals: new Map(),
  payments: undefined,
};

/** An order row and its lines as a return judges them; times in ISO 8601. */
export function returnOrderOf(row: OrderRow, lines: readonly ReturnOrderLine[]): ReturnOrder {
  return {
    id: row.id,
    storeId: row.storeId,
    number: row.number,
    status: row.status,
    placedAt: iso(row.placedAt),
    receivedAt: iso(row.collectedAt ?? row.shippedAt ?? null),
    discountsCents: (row.discounts ?? []).map((d) => d.cents),
    shippingCents: row.shippingCents,
    currency: row.currency,
    customerEmail: row.customerEmail,
    lines,
  };
}

/**
 * The orders the batch's returns name, of any store, locked FOR UPDATE first (in id order) so
 * two devices returning the same order are taken one after the other and the second sees the
 * first; then their lines, what earlier returns took, the returns already recorded under the
 * batch's ids, the receipt numbers taken, and the rules. Approvals are checked with the keys
 * the server signs them with.
 */
export async function loadReturnFacts(
  work: OrderWork,
  reads: readonly CommandReads[],
  services: ReturnServices | undefined,
): Promise<ReturnFacts> {
  const asked = reads.flatMap((r) => r.returns ?? []);
  const tokens = unique(reads.flatMap((r) => r.approvals ?? []));
  const wantsManagers = reads.some((r) => r.managers);
  if (asked.length === 0 && tokens.length === 0 && !wantsManagers) {
    // A refund without a return (substitutions): the adapter alone, when the server gave one.
    const wantsPayments = reads.some((r) => r.payments);
    return wantsPayments && services ? { ...noReturnFacts, payments: services.payments() } : noReturnFacts;
  }
  if (!services) throw new Error('a command reads returns, and the server gave no return services');
  const { tx, storeId } = work;
  const orderIds = unique(asked.map((a) => a.orderId))
    .filter((id) => UUID.test(id))
    .sort();
  const returnIds = unique(asked.map((a) => a.returnId)).filter((id) => UUID.test(id));
  const rows = orderIds.length
    ? await tx.select().from(orders).where(inArray(orders.id, orderIds)).orderBy(asc(orders.id)).for('update')
    : [];
  const found = rows.map((r) => r.id);
  const candidates = returnIds.flatMap((id) => returnNumberCandidates(storeId, id));

  const [lineRows, counted, paid, storedRows, storedUnits, taken, [store], managerRows, verdicts] =
    await inTurn([
      found.length
        ? tx
            .select({
              orderId: orderLines.orderId,
              lineId: orderLines.id,
              lineNo: orderLines.lineNo,
              productId: orderLines.productId,
              sku: products.sku,
              category: products.category,
              returnable: products.returnable,
              finalSale: orderLines.finalSale,
              unitPriceCents: orderLines.unitPriceCents,
              qtyOrdered: orderLines.qtyOrdered,
              qtyShort: orderLines.qtyShort,
              substitute: orderLines.substitute,
              // A kept substitute is an item of its own (src/domain/return-items.ts), judged by
              // its own product's rules.
              substituteProduct: sql<{ sku: string; category: string; returnable: boolean } | null>`(
                select json_build_object('sku', sp.sku, 'category', sp.category, 'returnable', sp.returnable)
                from ${products} sp where sp.id::text = ${orderLines.substitute}->>'productId')`,
            })
            .from(orderLines)
            .innerJoin(products, eq(products.id, orderLines.productId))
            .where(inArray(orderLines.orderId, found))
            .orderBy(asc(orderLines.orderId), asc(orderLines.lineNo))
        : [],
      found.length
        ? tx
            .select({
              orderId: orderReturns.orderId,
              lineId: returnUnits.orderLineId,
              productId: returnUnits.productId,
              status: orderReturns.status,
              units: sql<number>`count(*)::int`,
            })
            .from(returnUnits)
            .innerJoin(orderReturns, eq(orderReturns.id, returnUnits.returnId))
            .where(
              and(inArray(orderReturns.orderId, found), inArray(orderReturns.status, ['refunded', 'review'])),
            )
            .groupBy(
              orderReturns.orderId,
              returnUnits.orderLineId,
              returnUnits.productId,
              orderReturns.status,
            )
        : [],
      found.length
        ? tx
            .select({
              orderId: refunds.orderId,
              key: refunds.refundKey,
              returnId: refunds.returnId,
              totalCents: refunds.totalCents,
              shippingCents: refunds.shippingCents,
              lines: refunds.lines,
            })
            .from(refunds)
            .where(inArray(refunds.orderId, found))
            .orderBy(asc(refunds.createdAt))
        : [],
      returnIds.length ? tx.select().from(orderReturns).where(inArray(orderReturns.id, returnIds)) : [],
      returnIds.length
        ? tx
            .select()
            .from(returnUnits)
            .where(inArray(returnUnits.returnId, returnIds))
            .orderBy(asc(returnUnits.unitNo))
        : [],
      candidates.length
        ? tx
            .select({ number: orderReturns.number })
            .from(orderReturns)
            .where(inArray(orderReturns.number, candidates))
        : [],
      asked.length
        ? tx.select({ timezone: stores.timezone }).from(stores).where(eq(stores.id, storeId))
        : [undefined],
      wantsManagers
        ? tx
            .select({ id: associates.id })
            .from(associates)
            .where(
              and(
                eq(associates.storeId, storeId),
                eq(associates.role, 'manager'),
                eq(associates.active, true),
              ),
            )
        : [],
      Promise.all(tokens.map(async (token) => [token, await services.verifyApproval(token)] as const)),
    ]);

  const loaded = new Map<string, LoadedReturnOrder | null>(asked.map((a) => [a.orderId, null]));
  for (const row of rows) {
    const own = lineRows.filter((l) => l.orderId === row.id);
    const substituteProducts = new Map(
      own.flatMap((l) =>
        l.substitute && l.substituteProduct ? [[l.substitute.productId, l.substituteProduct]] : [],
      ),
    );
    const lines = withSubstituteItems(
      own.map(({ orderId: _o, substituteProduct: _p, ...line }) => line),
      (productId) => substituteProducts.get(productId),
    );
    const ordered = orderedProducts({ lines });
    loaded.set(row.id, {
      row: row as OrderRow,
      lines,
      history: historyOf(
        counted.filter((c) => c.orderId === row.id).map((c) => ({ ...c, lineId: itemIdOf(ordered, c) })),
        paid.filter((p) => p.orderId === row.id),
      ),
    });
  }
  const stored = new Map<string, StoredReturn | null>(asked.map((a) => [a.returnId, null]));
  for (const row of storedRows) {
    stored.set(row.id, {
      orderId: row.orderId,
      units: storedUnits
        .filter((u) => u.returnId === row.id)
        .map((u) => ({
          lineId: u.orderLineId,
          productId: u.productId,
          reason: u.reason,
          condition: u.condition,
          disposition: u.disposition,
          code: u.scannedCode,
        })),
      result: {
        returnId: row.id,
        number: row.number,
        status: row.status,
        refundCents: row.refundCents,
        shippingRefundCents: row.shippingRefundCents,
        violations: row.violations as ReturnViolationView[],
      },
    });
  }
  if (asked.length && !store) throw new Error(`store ${storeId} has no row`);
  return {
    orders: loaded,
    stored,
    takenNumbers: new Set(taken.map((t) => t.number)),
    rules: store ? { ...services.policy(), timeZone: store.timezone } : undefined,
    managers: wantsManagers ? new Set(managerRows.map((m) => m.id)) : undefined,
    approvals: new Map(verdicts),
    payments: services.payments(),
  };
}

function historyOf(
  counted: readonly { lineId: string; status: string; units: number }[],
  paid: readonly {
    key: string;
    returnId: string | null;
    totalCents: number;
    shippingCents: number;
    lines: unknown;
  }[],
): ReturnHistory {
  const returned = new Map<string, number>();
  const inReview = new Map<string, number>();
  for (const row of counted) {
    const counts = row.status === 'refunded' ? returned : inReview;
    counts.set(row.lineId, (counts.get(row.lineId) ?? 0) + Number(row.units));
  }
  const lines: Record<string, { qty: number; cents: number }> = {};
  for (const refund of paid) {
    for (const line of refund.lines as RefundLine[]) {
      const before = lines[line.lineId] ?? { qty: 0, cents: 0 };
      lines[line.lineId] = { qty: before.qty + line.qty, cents: before.cents + line.refundCents };
    }
  }
  const refundHistory: RefundHistory = {
    lines,
    shippingCents: paid.reduce((sum, r) => sum + r.shippingCents, 0),
    refundKeys: paid.map((r) => r.key),
  };
  const settled = paid.filter((r) => r.returnId === null);
  // The substitution refund settles no return: it counts against what the order was charged.
  if (settled.length > 0) refundHistory.settledCents = settled.reduce((sum, r) => sum + r.totalCents, 0);
  return { returned, inReview, refunds: refundHistory };
}
