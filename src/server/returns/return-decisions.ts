import { asc, eq, sql } from 'drizzle-orm';
import type { CommandActor } from '../../commands/order-tx';
import { evaluateReturn } from '../../commands/return-evaluation';
import { refundReturn } from '../../commands/return-refund';
import { returnErrorCodes } from '../../contract/error-codes';
import type { ReturnCondition } from '../../domain/return-reasons';
import type { Disposition } from '../../domain/disposition';
import { returnOverrideErrorCodes } from '../../domain/return-override';
import { loadCommandFacts } from '../core/command-facts';
import { OrderWork } from '../core/order-work';
import type { Principal } from '../core/tokens';
import type { ActionContext } from '../core/run-order-actions';
import { runOrderActions } from '../core/run-order-actions';
import { serverTx } from '../core/server-tx';
import type { Db, Executor } from '../db/client';
import { orderReturns, returnUnits } from '../db/schema';
import { itemIdOf, orderedProducts } from '../../commands/return-items';
import { iso } from '../db/time';
import { HttpError } from '../http-error';
import { actorOf } from '../plugins/auth';
import { returnServices } from './returns-runtime';

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

function commandActorOf(principal: Principal): CommandActor {
  return {
    type: 'associate',
    id: principal.associateId,
    name: principal.name,
    storeId: principal.storeId,
    role: principal.role,
    deviceId: principal.deviceId,
  };
}

/**
 * A manager accepts a return from the review queue. It is judged again now, against what was
 * returned since (another return of the same units may have been refunded meanwhile), with
 * this manager setting aside every violation that may be set aside; what may not (quantities,
 * an order never delivered) answers 409 and changes nothing. Then the refund is paid as for an
 * accepted submission, by the same rule (src/commands/return-refund.ts) on the server's side of
 * the command interface.
 */
export async function approveReturn(
  db: Db,
  principal: Principal,
  returnId: string,
  reason: string,
): Promise<DecisionOutcome> {
  return db.transaction(async (tx) => {
    const actor = commandActorOf(principal);
    const work = new OrderWork(tx, principal.storeId);
    const [head] = await tx
      .select({ orderId: orderReturns.orderId, storeId: orderReturns.storeId })
      .from(orderReturns)
      .where(eq(orderReturns.id, returnId));
    if (!head || head.storeId !== principal.storeId) throw notFound(returnId);
    // The order first (locked whatever its store), as `return.submit` does, so the two never
    // wait on each other crosswise.
    const facts = await loadCommandFacts(work, [{ returns: [{ returnId, orderId: head.orderId }] }], {
      returns: returnServices(),
    });
    const returnTx = serverTx(work, actor, facts);
    const taken = returnTx.returnOrder(head.orderId);
    if (!taken) throw new Error(`return ${returnId} names a missing order`);
    const row = await lockReturn(tx, principal.storeId, returnId);
    const ordered = orderedProducts(taken.order);
    const units = (
      await tx
        .select()
        .from(returnUnits)
        .where(eq(returnUnits.returnId, returnId))
        .orderBy(asc(returnUnits.unitNo))
    ).map((u) => ({
      // The item it came back as: its line's ordered product, or the line's kept substitute.
      lineId: itemIdOf(ordered, { lineId: u.orderLineId, productId: u.productId }),
      reason: u.reason,
      condition: u.condition as ReturnCondition,
      disposition: u.disposition as Disposition,
    }));
    const rules = returnTx.returnRules()!;
    const decision = evaluateReturn(
      taken.order,
      taken.history,
      {
        returnId,
        units,
        now: iso(row.takenAt),
        timeZone: rules.timeZone,
        override: { managerId: principal.associateId, reason },
        countInReview: false,
      },
      rules,
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
    refundReturn(
      returnTx,
      {
        returnId,
        number: row.number,
        order: taken.order,
        units,
        refund,
        receipt: { email: row.receiptEmail, language: row.language },
      },
      {
        action: 'return.approve',
        details: {
          number: row.number,
          orderId: taken.order.id,
          reason,
          violations: row.violations,
          refundKey: refund.key,
          totalCents: refund.totalCents,
          shippingCents: refund.shippingCents,
          lines: refund.lines,
          ...(override ? { override } : {}),
        },
      },
    );
    await work.flush();
    return {
      id: returnId,
      status: 'refunded' as const,
      refundCents: refund.totalCents,
      shippingRefundCents: refund.shippingCents,
    };
  });
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
