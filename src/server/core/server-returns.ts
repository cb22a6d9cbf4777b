import type { CommandEffects, OrderTx } from '../../commands/order-tx';
import type { NewReturn, ReturnHistory, StoredReturn } from '../../commands/return-order';
import { itemIdOf, orderedProducts } from '../../commands/return-items';
import { applyRefund } from '../../domain/refund';
import { returnNumberCandidates } from '../../domain/return-number';
import type { Actor } from '../audit/audit';
import type { OrderRow } from './order-rows';
import type { OrderWork } from './order-work';
import { returnOrderOf, type ReturnFacts } from './return-facts';
import { undeclared } from './server-elsewhere';

type ReturnReads = Pick<
  OrderTx,
  'returnOrder' | 'storedReturn' | 'returnRules' | 'returnNumber' | 'isActiveManager' | 'approval'
>;

const resultOf = (taken: NewReturn): StoredReturn['result'] => ({
  returnId: taken.returnId,
  number: taken.number,
  status: taken.status,
  refundCents: taken.refundCents,
  shippingRefundCents: taken.shippingRefundCents,
  violations: taken.violations,
});

/** The history as loaded, with the returns and refunds of this unit of work on top. */
function withRecorded(
  work: OrderWork,
  orderId: string,
  loaded: ReturnHistory,
  ordered: ReadonlyMap<string, string>,
): ReturnHistory {
  const returned = new Map(loaded.returned);
  const inReview = new Map(loaded.inReview);
  for (const { taken } of work.recordedReturns().filter((r) => r.taken.orderId === orderId)) {
    const counts = taken.status === 'refunded' ? returned : inReview;
    for (const unit of taken.units) {
      const item = itemIdOf(ordered, unit);
      counts.set(item, (counts.get(item) ?? 0) + 1);
    }
  }
  const refunds = work
    .recordedRefunds()
    .filter((r) => r.toPay.orderId === orderId)
    .reduce(
      (history, r) =>
        r.toPay.returnId === null
          ? {
              ...applyRefund(history, r.toPay.refund),
              settledCents: (history.settledCents ?? 0) + r.toPay.refund.totalCents,
            }
          : applyRefund(history, r.toPay.refund),
      loaded.refunds,
    );
  return { returned, inReview, refunds };
}

/**
 * The server's answers for returns, with authority: the order locked whatever its store (this
 * store's as its unit of work holds it: an earlier command of the batch may have handed it
 * over), its history with the batch's own returns on top, receipt numbers not taken.
 */
export function returnReads(work: OrderWork, facts: ReturnFacts): ReturnReads {
  const loadedOrder = (orderId: string) => {
    const loaded = facts.orders.get(orderId);
    return loaded === undefined ? undeclared(`the return order ${orderId}`) : loaded;
  };
  return {
    returnOrder(orderId) {
      const loaded = loadedOrder(orderId);
      if (!loaded) return null;
      const held = work.peek(orderId);
      const shortNow = new Map(held?.lines.map((l) => [l.id, l.qtyShort]) ?? []);
      const lines = loaded.lines.map((l) => ({ ...l, qtyShort: shortNow.get(l.lineId) ?? l.qtyShort }));
      return {
        order: returnOrderOf(held?.order ?? loaded.row, lines),
        history: withRecorded(work, orderId, loaded.history, orderedProducts(loaded)),
      };
    },
    storedReturn(returnId) {
      const recorded = work.recordedReturns().find((r) => r.taken.returnId === returnId);
      if (recorded) {
        const { taken } = recorded;
        return {
          orderId: taken.orderId,
          units: taken.units.map((u) => ({ ...u, code: u.code ?? null })),
          result: resultOf(taken),
        };
      }
      const stored = facts.stored.get(returnId);
      return stored === undefined ? undeclared(`the return ${returnId}`) : stored;
    },
    returnRules: () => facts.rules ?? undeclared('the return rules'),
    returnNumber(returnId) {
      const taken = new Set([...facts.takenNumbers, ...work.recordedReturns().map((r) => r.taken.number)]);
      const free = returnNumberCandidates(work.storeId, returnId).find((n) => !taken.has(n));
      if (!free) throw new Error(`no free return number for ${returnId}`);
      return free;
    },
    isActiveManager: (associateId) => (facts.managers ?? undeclared('the managers')).has(associateId),
    approval: (token) => facts.approvals.get(token) ?? undeclared('an approval'),
  };
}

/** Returns and refunds: recorded in the unit of work, written and paid at flush. */
export function returnEffects(
  work: OrderWork,
  facts: ReturnFacts,
  who: Actor & { id: string },
  orderRow: (orderId: string) => OrderRow,
): Pick<CommandEffects, 'recordReturn' | 'refund'> {
  return {
    recordReturn(taken) {
      const loaded = facts.orders.get(taken.orderId) ?? undeclared(`the return order ${taken.orderId}`);
      work.recordReturn({
        taken,
        actor: who,
        orderStoreId: loaded.row.storeId,
        productOf: orderedProducts(loaded),
      });
    },
    refund(toPay, audit) {
      const order = orderRow(toPay.orderId);
      work.refund({
        toPay,
        audit,
        actor: who,
        currency: order.currency,
        payment: order.payment ?? null,
        payments: facts.payments ?? undeclared('the payment adapter'),
      });
    },
  };
}
