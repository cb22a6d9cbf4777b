import { DomainError } from './domain-error';
import type { OrderStatus } from './order-machine';
import { orderErrorCodes } from './order-machine';
import { heldSubstitutes } from './order-stock';
import type { PickLine } from './picking';

type PutBackLine = PickLine & {
  qtyHandedOver?: number;
  qtyRefused?: number;
  substitute?: Parameters<typeof heldSubstitutes>[0][number]['substitute'];
};

/**
 * Units still in the store's hands: picked units not handed over or refused at the counter, and
 * the kept substitutes not handed over (src/domain/order-stock.ts, `heldSubstitutes`).
 */
export function unitsToPutBack(lines: readonly PutBackLine[]): number {
  const picked = lines.reduce(
    (sum, l) => sum + l.qtyPicked - (l.qtyHandedOver ?? 0) - (l.qtyRefused ?? 0),
    0,
  );
  return picked + heldSubstitutes(lines).reduce((sum, s) => sum + s.qty, 0);
}

/**
 * An order that ends without reaching its customer (cancelled, expired) may have picked units
 * in a tote or on a shelf. They must go back to their shelf places: a task for an associate.
 */
export function needsPutBack(
  order: { status: OrderStatus; putBackAt: string | null },
  lines: readonly PutBackLine[],
): boolean {
  return (
    (order.status === 'cancelled' || order.status === 'expired') &&
    !order.putBackAt &&
    unitsToPutBack(lines) > 0
  );
}

export function assertPutBackDue(
  order: { status: OrderStatus; putBackAt: string | null },
  lines: readonly PutBackLine[],
): void {
  if (!needsPutBack(order, lines)) {
    throw new DomainError(orderErrorCodes.illegalTransition, 'This order has nothing to put back', {
      event: 'putBack',
      from: order.status,
    });
  }
}
