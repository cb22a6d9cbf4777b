import { orderErrorCodes, returnErrorCodes } from '../contract/error-codes';
import type { ReturnSubmitArgs, ReturnSubmitResult } from '../contract/returns';
import type { CommandArgs } from '../contract/sync';
import { DomainError } from '../domain/domain-error';
import { policyInstant } from '../domain/return-clock';
import { returnViolationCodes } from '../domain/return-policy';
import { defineCommand, returnEntity } from './define-command';
import { evaluateReturn } from './return-evaluation';
import type { ReturnOrder, StoredReturn } from './return-order';
import { overrideManager } from './return-override';
import { itemIdOf, orderedProducts, unitsOfOrderedProducts } from './return-items';
import { refundReturn } from './return-refund';

type Args = CommandArgs<'return.submit'>;

type UnitOf = { lineId: string; productId?: string | null | undefined };

/**
 * What identifies a unit for a resend: its item (the line's ordered product, or its substitute),
 * reason, condition, disposition and code. Without the order (a device that never cached it) the
 * product is left out: the server compares with the order.
 */
const unitKey = (
  ordered: ReadonlyMap<string, string> | null,
  u: UnitOf & { reason: string; condition: string; disposition: string; code: string | null },
) =>
  JSON.stringify([ordered ? itemIdOf(ordered, u) : u.lineId, u.reason, u.condition, u.disposition, u.code]);

/** A return id seen before: the same return again answers it; anything else is refused. */
function replayed(
  stored: StoredReturn,
  a: ReturnSubmitArgs,
  ordered: ReadonlyMap<string, string> | null,
): ReturnSubmitResult {
  const same =
    stored.orderId === a.orderId &&
    stored.units.length === a.units.length &&
    stored.units.every(
      (u, i) => unitKey(ordered, u) === unitKey(ordered, { ...a.units[i]!, code: a.units[i]!.code ?? null }),
    );
  if (!same) {
    throw new DomainError(returnErrorCodes.idMismatch, 'This return id was used for another return', {
      returnId: a.returnId,
      number: stored.result.number,
    });
  }
  return stored.result;
}

/** Every unit is an item of the order: one of its lines, or a line's kept substitute. */
function assertUnitsOnOrder(order: ReturnOrder, a: ReturnSubmitArgs): void {
  const ordered = orderedProducts(order);
  const onOrder = new Set(order.lines.map((l) => l.lineId));
  const unknown = [...new Set(a.units.map((u) => itemIdOf(ordered, u)).filter((id) => !onOrder.has(id)))];
  if (unknown.length > 0) {
    throw new DomainError(returnViolationCodes.unknownLine, 'Some units are not on this order', {
      orderId: a.orderId,
      lineIds: unknown,
    });
  }
}

/**
 * The units of an order (of any store or channel) the customer brought back to this store
 * (issue 6, ADR 0018). The policy is judged at `takenAt` against everything returned so far,
 * and the return is either refunded (money back, restocked units onto this store's on-hand, the
 * customer told) or put in the manager's review queue: a failed policy is never a refusal. Only
 * an unknown order or line, or a reused id, is refused. A device judges what its cached copy of
 * the order lets it; the server judges with authority, under the order's lock. Answers null
 * where this side cannot judge the return: the server's answer comes with the push.
 */
export const returnSubmit = defineCommand({
  name: 'return.submit',
  v: 2,
  upcasts: { 1: unitsOfOrderedProducts },
  validator: () => import('../contract/sync').then((m) => m.commandArgs['return.submit']),
  entityKeys: (a: Args) => [returnEntity(a.returnId)],
  reads: (a) => ({
    returns: [{ returnId: a.returnId, orderId: a.orderId }],
    ...(a.override ? { managers: true, approvals: a.override.approval ? [a.override.approval] : [] } : {}),
  }),
  apply(tx, a): ReturnSubmitResult | null {
    const taken = tx.returnOrder(a.orderId);
    if (taken === null) {
      throw new DomainError(orderErrorCodes.notFound, 'No such order', { orderId: a.orderId });
    }
    const stored = tx.storedReturn(a.returnId);
    if (stored) return replayed(stored, a, taken ? orderedProducts(taken.order) : null);
    if (!taken) return null;
    const { order, history } = taken;
    assertUnitsOnOrder(order, a);
    const rules = tx.returnRules();
    const manager = a.override ? overrideManager(tx, { ...a, override: a.override }) : null;
    if (!rules || manager === undefined) return null;

    const now = policyInstant(a.takenAt, new Date(tx.now()), order.receivedAt);
    // The policy and the refund judge items: a line's ordered units, or its kept substitute.
    const ordered = orderedProducts(order);
    const units = a.units.map((u) => ({
      lineId: itemIdOf(ordered, u),
      reason: u.reason,
      condition: u.condition,
      disposition: u.disposition,
    }));
    const decision = evaluateReturn(
      order,
      history,
      {
        returnId: a.returnId,
        units,
        now,
        timeZone: rules.timeZone,
        override:
          manager?.ok && a.override ? { managerId: manager.managerId, reason: a.override.reason } : null,
        countInReview: true,
      },
      rules,
    );
    const violations =
      !decision.allowed && manager && !manager.ok
        ? [...decision.violations, manager.problem]
        : decision.violations;
    const override =
      manager?.ok && decision.overridden.length > 0
        ? {
            managerId: manager.managerId,
            reason: a.override?.reason ?? '',
            via: manager.via,
            overridden: decision.overridden,
          }
        : null;
    const number = tx.returnNumber(a.returnId);
    const { refund } = decision;
    tx.effects.recordReturn({
      returnId: a.returnId,
      number,
      orderId: order.id,
      status: refund ? 'refunded' : 'review',
      takenAt: now,
      receipt: a.receipt,
      violations,
      override,
      refundCents: refund?.totalCents ?? 0,
      shippingRefundCents: refund?.shippingCents ?? 0,
      units: a.units,
    });
    const common = {
      number,
      orderId: order.id,
      orderNumber: order.number,
      orderStoreId: order.storeId,
      units: a.units.length,
      judgedAt: now,
      ...(now !== new Date(a.takenAt).toISOString() ? { deviceTakenAt: a.takenAt } : {}),
    };
    if (refund) {
      refundReturn(
        tx,
        { returnId: a.returnId, number, order, units, refund, receipt: a.receipt },
        {
          action: 'return.refund',
          details: {
            ...common,
            refundKey: refund.key,
            totalCents: refund.totalCents,
            shippingCents: refund.shippingCents,
            lines: refund.lines,
            ...(override ? { override } : {}),
          },
        },
      );
    } else {
      tx.effects.audit({
        action: 'return.review',
        entityType: 'return',
        entityId: a.returnId,
        details: { ...common, violations },
      });
    }
    return {
      returnId: a.returnId,
      number,
      status: refund ? 'refunded' : 'review',
      refundCents: refund?.totalCents ?? 0,
      shippingRefundCents: refund?.shippingCents ?? 0,
      violations,
    };
  },
});
