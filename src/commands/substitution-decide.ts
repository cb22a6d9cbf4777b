import type { CommandArgs } from '../contract/sync';
import { DomainError } from '../domain/domain-error';
import { assertStatus } from '../domain/order-machine';
import { stockEffects } from '../domain/order-stock';
import { findLine } from '../domain/picking';
import { substituteStatusAt, substitutionErrorCodes } from '../domain/substitution';
import { defineCommand, orderEntity } from './define-command';
import { auditOrder } from './order-rules';

/**
 * The customer's answer to a substitution request, from the signed link they were sent (issue 15),
 * run by the server as the customer; the answer deadline's job runs it as the platform to decline
 * what was not answered. No associate's device may answer for the customer. The order takes a
 * version step, so the picker's device pulls the answer at once.
 */
export const substitutionDecide = defineCommand({
  name: 'substitution.decide',
  v: 1,
  validator: () => import('../contract/sync').then((m) => m.commandArgs['substitution.decide']),
  entityKeys: (a: CommandArgs<'substitution.decide'>) => [orderEntity(a.orderId)],
  reads: (a) => ({ orders: [a.orderId] }),
  apply(tx, a): { status: 'accepted' | 'declined' } {
    const byDeadline = tx.actor.type === 'platform';
    if (tx.actor.type !== 'customer' && !(byDeadline && !a.accept)) {
      throw new DomainError(substitutionErrorCodes.customerOnly, 'Only the customer answers a substitution');
    }
    const order = tx.order(a.orderId);
    const line = findLine(order.lines, a.lineId);
    const substitute = line.substitute;
    const now = tx.now();
    // Past the deadline the request counts as declined: a late answer changes nothing.
    const open =
      substitute !== null &&
      (byDeadline ? substitute.status === 'pending' : substituteStatusAt(substitute, now) === 'pending');
    if (!open || !['picking', 'picked'].includes(order.status)) {
      throw new DomainError(substitutionErrorCodes.notPending, 'This substitute waits for no answer', {
        lineId: line.id,
        status: substitute ? substituteStatusAt(substitute, now) : null,
      });
    }
    assertStatus(order, ['picking', 'picked'], 'decide');
    const status = a.accept ? 'accepted' : 'declined';
    tx.saveLine(order.id, { ...line, substitute: { ...substitute, status, decidedAt: now } });
    if (a.accept) {
      tx.effects.moveStock({
        orderId: order.id,
        lineId: line.id,
        productId: substitute.productId,
        reason: 'order.substitute',
        delta: stockEffects.substituteKept(substitute.qty),
      });
    }
    const by = byDeadline ? 'deadline' : 'customer';
    tx.effects.webhook(order.id, 'order.substitution_decided', {
      lineId: line.id,
      orderedSku: line.sku,
      sku: substitute.sku,
      qty: substitute.qty,
      status,
      by,
    });
    auditOrder(tx, order, 'order.substitutionDecided', { lineId: line.id, sku: substitute.sku, status, by });
    tx.update(order.id, {});
    return { status };
  },
});
