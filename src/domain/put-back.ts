import { DomainError } from './domain-error';
import type { OrderStatus } from './order-machine';
import { orderErrorCodes } from './order-machine';
import type { PickLine } from './picking';

/** Picked units still in the store's hands: those handed over or refused at the counter are not. */
export function unitsToPutBack(
  lines: readonly (PickLine & { qtyHandedOver?: number; qtyRefused?: number })[],
): number {
  return lines.reduce((sum, l) => sum + l.qtyPicked - (l.qtyHandedOver ?? 0) - (l.qtyRefused ?? 0), 0);
}

/**
 * An order that ends without reaching its customer (cancelled, expired) may have picked units
 * in a tote or on a shelf. They must go back to their shelf places: a task for an associate.
 */
export function needsPutBack(
  order: { status: OrderStatus; putBackAt: string | null },
  lines: readonly PickLine[],
): boolean {
  return (
    (order.status === 'cancelled' || order.status === 'expired') &&
    !order.putBackAt &&
    unitsToPutBack(lines) > 0
  );
}

export function assertPutBackDue(
  order: { status: OrderStatus; putBackAt: string | null },
  lines: readonly PickLine[],
): void {
  if (!needsPutBack(order, lines)) {
    throw new DomainError(orderErrorCodes.illegalTransition, 'This order has nothing to put back', {
      event: 'putBack',
      from: order.status,
    });
  }
}
