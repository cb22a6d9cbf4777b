import type { OrderStatus } from '../../domain/order-machine';
import { blockedByEarlierCode } from '../../local-db/outbox-sync';
import type { OutboxRecord } from '../../local-db/outbox-record';
import type { MessageKey } from '../i18n/en';
import { errorMessageKey } from '../i18n/translate';

const overPickCodes = new Set(['pick.overPick', 'pick.lineComplete']);

/** Why an action needs attention, in words that say what to do next. */
export function attentionReason(record: OutboxRecord, orderStatus: OrderStatus | undefined): MessageKey[] {
  const code = record.lastError?.code;
  if (record.status === 'blocked' || code === blockedByEarlierCode) return ['attention.blocked'];
  if (code && overPickCodes.has(code)) return ['attention.overPick'];
  if (orderStatus === 'cancelled' && code === 'order.illegalTransition') return ['attention.orderCancelled'];
  // A refused handover is an exception for a manager, never a silent undo.
  if (record.name === 'order.handover') return [errorMessageKey(record.lastError), 'attention.handover'];
  // The customer left with a pickup code that is now void: say so, and how to find another store.
  if (record.name === 'stock.reserveElsewhere') {
    return [errorMessageKey(record.lastError), 'attention.reservation'];
  }
  // A refused return: the goods are in the store and the customer was promised a refund.
  if (record.name === 'return.submit') return [errorMessageKey(record.lastError), 'attention.return'];
  return [errorMessageKey(record.lastError)];
}
