import { asc, eq, sql } from 'drizzle-orm';
import { returnErrorCodes } from '../../contract/error-codes';
import type { ReturnCondition } from '../../domain/return-reasons';
import type { Disposition } from '../../domain/disposition';
import { returnOverrideErrorCodes } from '../../domain/return-override';
import type { Principal } from '../auth/tokens';
import type { Db, Executor } from '../db/client';
import { orderReturns, returnUnits } from '../db/schema';
import { iso } from '../db/time';
import { HttpError } from '../http-error';
import type { ActionContext } from '../orders/order-actions';
import { runOrderActions } from '../orders/order-actions';
import { actorOf } from '../plugins/auth';
import { evaluateReturn } from './return-evaluation';
import { loadReturnHistory, lockOrderForReturn, storeTimeZone } from './return-order';
import { refundAndRestock } from './return-refund';
import { returnPolicyConfig } from './return-settings';

export interface DecisionOutcome {
  id: string;
  status: 'refunded' | 'declined';
  refundCents: number;
  shippingRefundCents: number;
}

const notFound = (id: string) =>
  new HttpError(404, returnErrorCodes.notFound, 'No such return in this store', { returnId: id });

/** The return of the manager's store, locked for the decision, or 404. */
async function lockReturn(tx: Executor, storeId: string, id: string) {
  const [row] = await tx.select().from(orderReturns).where(eq(orderReturns.id, id)).for('update');
  if (!row || row.storeId !== storeId) throw notFound(id);
  if (row.status !== 'review') {
    throw new HttpError(409, returnErrorCodes.notInReview, 'This return was decided already', {
      returnId: id,
      status: row.status,
    });
  }
  return row;
}

function actorFor(principal: Principal): ActionContext['actor'] {
  return { ...actorOf(principal), id: principal.associateId, storeId: principal.storeId };
}

/**
 * A manager accepts a return from the review queue. It is judged again now, against what was
 * returned since (another return of the same units may have been refunded meanwhile), with
 * this manager setting aside every violation that may be set aside; what may not (quantities,
 * an order never delivered) answers 409 and changes nothing. Then, as for an accepted
 * submission, the refund is paid and the restocked units raise this store's on-hand.
 */
export async function approveReturn(
  db: Db,
  principal: Principal,
  returnId: string,
  reason: string,
): Promise<DecisionOutcome> {
  return db.transaction((tx) =>
    runOrderActions(tx, actorFor(principal), async ({ work, actor }) => {
      // The order first, as `return.submit` does, so the two never wait on each other crosswise.
      const [head] = await tx
        .select({ orderId: orderReturns.orderId, storeId: orderReturns.storeId })
        .from(orderReturns)
        .where(eq(orderReturns.id, returnId));
      if (!head || head.storeId !== principal.storeId) throw notFound(returnId);
      const locked = await lockOrderForReturn(work, head.orderId);
      if (!locked) throw new Error(`return ${returnId} names a missing order`);
      const row = await lockReturn(tx, principal.storeId, returnId);
      const units = (
        await tx
          .select()
          .from(returnUnits)
          .where(eq(returnUnits.returnId, returnId))
          .orderBy(asc(returnUnits.unitNo))
      ).map((u) => ({
        lineId: u.orderLineId,
        reason: u.reason,
        condition: u.condition as ReturnCondition,
        disposition: u.disposition as Disposition,
      }));
      const decision = evaluateReturn(
        locked,
        await loadReturnHistory(tx, locked.order.id, returnId),
        {
          returnId,
          units,
          now: iso(row.takenAt),
          timeZone: await storeTimeZone(tx, row.storeId),
          override: { managerId: principal.associateId, reason },
          countInReview: false,
        },
        returnPolicyConfig(),
      );
      if (!decision.refund) {
        throw new HttpError(
          409,
          returnOverrideErrorCodes.notOverridable,
          'Some violations cannot be overridden; decline the return instead',
          { returnId, violations: decision.violations.filter((v) => !v.overridable) },
        );
      }
      const { refund } = decision;
      const override =
        decision.overridden.length > 0
          ? { managerId: principal.associateId, reason, via: 'review', overridden: decision.overridden }
          : null;
      await tx
        .update(orderReturns)
        .set({
          status: 'refunded',
          override,
          refundCents: refund.totalCents,
          shippingRefundCents: refund.shippingCents,
          decidedAt: sql`now()`,
          decidedBy: principal.associateId,
          decisionReason: reason,
          updatedAt: sql`now()`,
        })
        .where(eq(orderReturns.id, returnId));
      const paid = await refundAndRestock(work, {
        returnId,
        number: row.number,
        order: locked.order,
        lines: locked.lines,
        units,
        refund,
        receipt: { email: row.receiptEmail, language: row.language },
      });
      work.audit(actor, {
        action: 'return.approve',
        entityType: 'return',
        entityId: returnId,
        details: {
          number: row.number,
          orderId: locked.order.id,
          reason,
          violations: row.violations,
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
      return {
        id: returnId,
        status: 'refunded' as const,
        refundCents: refund.totalCents,
        shippingRefundCents: refund.shippingCents,
      };
    }),
  );
}

/** A manager refuses a return in review: the goods go back to the customer; no money, no stock. */
export async function declineReturn(
  db: Db,
  principal: Principal,
  returnId: string,
  reason: string,
): Promise<DecisionOutcome> {
  return db.transaction((tx) =>
    runOrderActions(tx, actorFor(principal), async ({ work, actor }) => {
      const row = await lockReturn(tx, principal.storeId, returnId);
      await tx
        .update(orderReturns)
        .set({
          status: 'declined',
          decidedAt: sql`now()`,
          decidedBy: principal.associateId,
          decisionReason: reason,
          updatedAt: sql`now()`,
        })
        .where(eq(orderReturns.id, returnId));
      work.audit(actor, {
        action: 'return.decline',
        entityType: 'return',
        entityId: returnId,
        details: { number: row.number, orderId: row.orderId, reason, violations: row.violations },
      });
      return { id: returnId, status: 'declined' as const, refundCents: 0, shippingRefundCents: 0 };
    }),
  );
}
