import type { CommandArgs } from '../contract/sync';
import { checkId, checkDay } from '../domain/id-check';
import { assertStatus } from '../domain/order-machine';
import { idRequirementOf } from './counter-rules';
import { defineCommand, orderEntity } from './define-command';
import { auditOrder } from './order-rules';

/**
 * The ID step of a flagged order at the counter (issue 15, point 5): the document's type and last
 * 4 characters, its holder's date of birth against the order's minimum age, the name against the
 * collector the customer named. Passed, it is recorded on the order and audited with what is
 * kept (never the birth date, the name or the full number); the handover may follow. Refused, it
 * says why and nothing is recorded: the associate does not hand over.
 */
export const orderCheckId = defineCommand({
  name: 'order.checkId',
  v: 1,
  validator: () => import('../contract/sync').then((m) => m.commandArgs['order.checkId']),
  entityKeys: (a: CommandArgs<'order.checkId'>) => [orderEntity(a.orderId)],
  reads: (a) => ({ orders: [a.orderId] }),
  apply(tx, a): null {
    const order = tx.order(a.orderId);
    assertStatus(order, ['ready'], 'checkId');
    const at = tx.now();
    const record = checkId(idRequirementOf(order), a, checkDay(at));
    tx.update(order.id, {
      idCheckedAt: at,
      idCheckedBy: tx.actor.id,
      idDocumentType: record.documentType,
      idDocumentLast4: record.last4,
    });
    auditOrder(tx, order, 'order.checkId', { ...record });
    return null;
  },
});
