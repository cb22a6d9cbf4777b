import type { CommandArgs } from '../contract/sync';
import { nextStatus } from '../domain/order-machine';
import { defineCommand, orderEntity } from './define-command';
import {
  assertShelfHasRoom,
  auditOrder,
  readyOnShelf,
  refundSubstitutions,
  settlePendingSubstitutes,
  stagingCode,
} from './order-rules';

/**
 * A picked order goes on a staging shelf of the store: picked → ready, and the customer is told.
 * A full shelf refuses it unless the associate said yes to sharing it (v2). A v1 command was
 * queued by a release that never asked: its order is on that shelf already, so it is kept.
 */
export const orderStage = defineCommand({
  name: 'order.stage',
  v: 2,
  upcasts: { 1: (args) => ({ ...(args as object), shareShelf: true }) },
  validator: () => import('../contract/sync').then((m) => m.commandArgs['order.stage']),
  entityKeys: (a: CommandArgs<'order.stage'>) => [orderEntity(a.orderId)],
  reads: (a) => ({
    orders: [a.orderId],
    locations: [a.locationCode.trim().toUpperCase()],
    // Substitutes settled here are refunded through the payment adapter.
    payments: true,
  }),
  apply(tx, a): null {
    const order = tx.order(a.orderId);
    const status = nextStatus(order, 'stage');
    const code = stagingCode(tx, a.locationCode);
    assertShelfHasRoom(tx, order, code, a.shareShelf === true);
    settlePendingSubstitutes(tx, order, a.withoutPending === true);
    refundSubstitutions(tx, tx.order(order.id));
    // As the substitutes were settled: the ready e-mail lists them.
    readyOnShelf(tx, tx.order(order.id), { status, stagingLocation: code });
    auditOrder(tx, order, 'order.stage', {
      from: order.status,
      to: status,
      location: code,
      ...(a.shareShelf ? { sharedShelf: true } : {}),
      ...(a.withoutPending ? { withoutPending: true } : {}),
    });
    return null;
  },
});
