import { asc, eq } from 'drizzle-orm';
import { orderErrorCodes, returnErrorCodes } from '../../contract/error-codes';
import type { ReturnSubmitArgs, ReturnSubmitResult, ReturnViolationView } from '../../contract/returns';
import { DomainError, isDomainError } from '../../domain/domain-error';
import { returnViolationCodes } from '../../domain/return-policy';
import type { Executor } from '../db/client';
import { orderReturns, returnUnits } from '../db/schema';
import type { ActionContext } from '../orders/order-actions';
import { overrideManager } from './override-manager';
import { policyInstant } from './return-clock';
import { evaluateReturn, receivedAtOf } from './return-evaluation';
import { returnNumber } from './return-number';
import { loadReturnHistory, lockOrderForReturn, storeTimeZone } from './return-order';
import { refundAndRestock } from './return-refund';
import { returnPolicyConfig } from './return-settings';

type ReturnRow = typeof orderReturns.$inferSelect;

/** What a submission answers, from the return as it stands (a resend after a decision sees it). */
function resultOf(row: ReturnRow): ReturnSubmitResult {
  return {
    returnId: row.id,
    number: row.number,
    status: row.status,
    refundCents: row.refundCents,
    shippingRefundCents: row.shippingRefundCents,
    violations: row.violations as ReturnViolationView[],
  };
}

const unitKey = (u: {
  lineId: string;
  reason: string;
  condition: string;
  disposition: string;
  code: string | null;
}) => JSON.stringify([u.lineId, u.reason, u.condition, u.disposition, u.code]);

/** A return id seen before: the same return again answers it; anything else is refused. */
async function replay(tx: Executor, row: ReturnRow, args: ReturnSubmitArgs): Promise<ReturnSubmitResult> {
  const stored = await tx
    .select()
    .from(returnUnits)
    .where(eq(returnUnits.returnId, row.id))
    .orderBy(asc(returnUnits.unitNo));
  const same =
    row.orderId === args.orderId &&
    stored.length === args.units.length &&
    stored.every(
      (u, i) =>
        unitKey({ ...u, lineId: u.orderLineId, code: u.scannedCode }) ===
        unitKey({ ...args.units[i]!, code: args.units[i]!.code ?? null }),
    );
  if (!same) {
    throw new DomainError(returnErrorCodes.idMismatch, 'This return id was used for another return', {
      returnId: row.id,
      number: row.number,
    });
  }
  return resultOf(row);
}

/**
 * `return.submit` v1: the units of an order (of any store or channel) the customer brought back
 * to this store. In the push batch's transaction: the order is locked, the policy is checked
 * against everything returned so far, and the return is either refunded (money back through the
 * payment adapter, restocked units onto this store's on-hand, the customer told) or put in the
 * manager's review queue; it is never dropped. Everything is checked before the first write, so
 * a refusal (unknown order or line, a reused id) leaves nothing behind; the unit of work only
 * undoes what it holds in memory (docs/decisions/0010, 0015).
 */
export async function submitReturn(ctx: ActionContext, args: ReturnSubmitArgs): Promise<ReturnSubmitResult> {
  const { work, actor } = ctx;
  const { tx } = work;
  const locked = await lockOrderForReturn(work, args.orderId);
  if (!locked) {
    throw new DomainError(orderErrorCodes.notFound, 'No such order', { orderId: args.orderId });
  }
  const [existing] = await tx.select().from(orderReturns).where(eq(orderReturns.id, args.returnId));
  if (existing) return replay(tx, existing, args);

  const onOrder = new Set(locked.lines.map((l) => l.lineId));
  const unknown = [...new Set(args.units.map((u) => u.lineId).filter((id) => !onOrder.has(id)))];
  if (unknown.length > 0) {
    throw new DomainError(returnViolationCodes.unknownLine, 'Some units are not on this order', {
      orderId: args.orderId,
      lineIds: unknown,
    });
  }

  const now = policyInstant(args.takenAt, new Date(), receivedAtOf(locked.order));
  const timeZone = await storeTimeZone(tx, actor.storeId);
  const history = await loadReturnHistory(tx, locked.order.id);
  const manager = args.override ? await overrideManager(tx, actor, args) : null;
  const units = args.units.map(({ lineId, reason, condition, disposition }) => ({
    lineId,
    reason,
    condition,
    disposition,
  }));
  const decision = evaluateReturn(
    locked,
    history,
    {
      returnId: args.returnId,
      units,
      now,
      timeZone,
      override:
        manager?.ok && args.override ? { managerId: manager.managerId, reason: args.override.reason } : null,
      countInReview: true,
    },
    returnPolicyConfig(),
  );
  const violations =
    !decision.allowed && manager && !manager.ok
      ? [...decision.violations, manager.problem]
      : decision.violations;
  const override =
    manager?.ok && decision.overridden.length > 0
      ? {
          managerId: manager.managerId,
          reason: args.override?.reason ?? '',
          via: manager.via,
          overridden: decision.overridden,
        }
      : null;
  const number = await returnNumber(tx, actor.storeId, args.returnId);
  const refund = decision.refund;

  // Every check is done: from here on, a refusal would leave rows behind, so none may happen.
  try {
    const [row] = await tx
      .insert(orderReturns)
      .values({
        id: args.returnId,
        number,
        storeId: actor.storeId,
        orderId: locked.order.id,
        orderStoreId: locked.order.storeId,
        status: refund ? 'refunded' : 'review',
        takenAt: now,
        takenBy: actor.id,
        deviceId: actor.deviceId ?? '',
        receiptEmail: args.receipt.email,
        language: args.receipt.language,
        violations,
        override,
        refundCents: refund?.totalCents ?? 0,
        shippingRefundCents: refund?.shippingCents ?? 0,
      })
      .returning();
    await tx.insert(returnUnits).values(
      args.units.map((u, i) => ({
        returnId: args.returnId,
        unitNo: i + 1,
        orderLineId: u.lineId,
        productId: locked.lines.find((l) => l.lineId === u.lineId)!.productId,
        reason: u.reason,
        condition: u.condition,
        disposition: u.disposition,
        scannedCode: u.code ?? null,
      })),
    );
    const common = {
      number,
      orderId: locked.order.id,
      orderNumber: locked.order.number,
      orderStoreId: locked.order.storeId,
      units: args.units.length,
      judgedAt: now,
      ...(now !== new Date(args.takenAt).toISOString() ? { deviceTakenAt: args.takenAt } : {}),
    };
    if (refund) {
      const paid = await refundAndRestock(work, {
        returnId: args.returnId,
        number,
        order: locked.order,
        lines: locked.lines,
        units,
        refund,
        receipt: args.receipt,
      });
      work.audit(actor, {
        action: 'return.refund',
        entityType: 'return',
        entityId: args.returnId,
        details: {
          ...common,
          refundKey: refund.key,
          totalCents: refund.totalCents,
          shippingCents: refund.shippingCents,
          lines: refund.lines,
          adapter: paid.receipt.adapter,
          providerRef: paid.receipt.providerRef,
          restocked: paid.restocked,
          ...(override ? { override } : {}),
        },
      });
    } else {
      work.audit(actor, {
        action: 'return.review',
        entityType: 'return',
        entityId: args.returnId,
        details: { ...common, violations },
      });
    }
    return resultOf(row!);
  } catch (error) {
    if (isDomainError(error)) {
      throw new Error(`return ${args.returnId} failed after its checks: ${error.code}`, { cause: error });
    }
    throw error;
  }
}
