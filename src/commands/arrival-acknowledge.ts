import { arrivalErrorCodes } from '../contract/error-codes';
import type { CommandArgs } from '../contract/sync';
import { DomainError } from '../domain/domain-error';
import { defineCommand, orderEntity } from './define-command';

/**
 * "I'm on it": the associate takes a customer who said they are here (kiosk or curbside). The
 * first associate wins; a second acknowledgement (another device, a resend) changes nothing and
 * is not an error.
 */
export const arrivalAcknowledge = defineCommand({
  name: 'arrival.acknowledge',
  v: 1,
  validator: () => import('../contract/sync').then((m) => m.commandArgs['arrival.acknowledge']),
  entityKeys: (a: CommandArgs<'arrival.acknowledge'>) => [orderEntity(a.orderId)],
  reads: (a) => ({ arrivals: [{ arrivalId: a.arrivalId, orderId: a.orderId }] }),
  apply(tx, a): { acknowledgedBy: string } {
    const arrival = tx.arrival(a.arrivalId, a.orderId);
    if (arrival === null) {
      throw new DomainError(arrivalErrorCodes.notFound, 'No such customer arrival in this store', { ...a });
    }
    if (arrival?.acknowledgedBy) return { acknowledgedBy: arrival.acknowledgedBy };
    tx.effects.acknowledgeArrival(a.arrivalId);
    tx.effects.audit({
      action: 'arrival.acknowledge',
      entityType: 'order',
      entityId: a.orderId,
      details: { arrivalId: a.arrivalId },
    });
    return { acknowledgedBy: tx.actor.id };
  },
});
