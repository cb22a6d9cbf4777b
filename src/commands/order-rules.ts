import { orderErrorCodes } from '../contract/error-codes';
import { DomainError } from '../domain/domain-error';
import { nextStatus } from '../domain/order-machine';
import { isPickComplete, pickedUnits } from '../domain/picking';
import { shelfRoom } from '../domain/shelf';
import {
  substituteStatusAt,
  substituteUnits,
  substitutionErrorCodes,
  substitutionRefund,
  substitutionRefundKey,
} from '../domain/substitution';
import type { LineState, OrderState } from './order-state';
import type { OrderTx } from './order-tx';

/** Rules several commands share. Each is written here once, for both sides. */

export function assertClaimedByActor(tx: OrderTx, order: OrderState): void {
  if (order.claimedBy !== tx.actor.id) {
    throw new DomainError(orderErrorCodes.notClaimedByYou, 'Claim this order before working on it', {
      claimedBy: order.claimedBy,
    });
  }
}

export function auditOrder(
  tx: OrderTx,
  order: OrderState,
  action: string,
  details: Record<string, unknown> = {},
): void {
  tx.effects.audit({ action, entityType: 'order', entityId: order.id, details });
}

export const replaceLine = (lines: readonly LineState[], line: LineState): LineState[] =>
  lines.map((l) => (l.id === line.id ? line : l));

/**
 * After a pick or a short: a fully resolved order is picked, or cancelled if nothing was found.
 * An unresolved one still takes a version step, so devices watching it pull the change.
 */
export function finishIfComplete(tx: OrderTx, order: OrderState, lines: readonly LineState[]): void {
  if (!isPickComplete(lines)) {
    tx.update(order.id, {});
    return;
  }
  // Substitutes count: an order of substitutes only still goes to the customer.
  if (pickedUnits(lines) + substituteUnits(lines) === 0) {
    const status = nextStatus(order, 'cancel');
    tx.update(order.id, { status, cancelledAt: tx.now(), cancelReason: 'nothing_available' });
    tx.effects.webhook(order.id, 'order.cancelled', {
      reason: 'nothing_available',
      cancelledBy: 'associate',
    });
    auditOrder(tx, order, 'order.cancel', { from: order.status, to: status, reason: 'nothing_available' });
    return;
  }
  const status = nextStatus(order, 'finishPick');
  tx.update(order.id, { status, pickedAt: tx.now() });
  auditOrder(tx, order, 'order.finishPick', {
    from: order.status,
    to: status,
    pickedUnits: pickedUnits(lines),
  });
}

/** A staging shelf of this store, by its label text in the one form it is stored in. */
export function stagingCode(tx: OrderTx, raw: string): string {
  const code = raw.trim().toUpperCase();
  if (tx.isStagingLocation(code) === false) {
    throw new DomainError(orderErrorCodes.unknownLocation, `No staging location ${code} in this store`, {
      code,
    });
  }
  return code;
}

/**
 * A shelf takes the order while it has room. A full one is refused with the shelf's figures, so
 * the device can ask "put it there anyway?", and the yes (`shareShelf`) is recorded.
 */
export function assertShelfHasRoom(tx: OrderTx, order: OrderState, code: string, shareShelf: boolean): void {
  if (shareShelf) return;
  const shelf = tx.shelf(code);
  if (!shelf) return;
  const room = shelfRoom(shelf, order.id);
  if (room.state === 'full') {
    throw new DomainError(orderErrorCodes.shelfFull, `${code} already holds ${room.occupied} order(s)`, {
      code,
      capacity: room.capacity,
      occupied: room.occupied,
    });
  }
}

/**
 * Before an order is staged, no substitute may wait for the customer's answer: one past its
 * deadline counts as declined, and the associate may stage without the others ("stage without
 * it"), which declines them too. The customer's later answer then finds nothing to answer.
 */
export function settlePendingSubstitutes(tx: OrderTx, order: OrderState, withoutPending: boolean): void {
  const now = tx.now();
  const waiting = order.lines.filter((l) => l.substitute?.status === 'pending');
  const open = waiting.filter((l) => substituteStatusAt(l.substitute!, now) === 'pending');
  if (open.length > 0 && !withoutPending) {
    throw new DomainError(
      substitutionErrorCodes.answerPending,
      'A substitute waits for the customer’s answer',
      { lineIds: open.map((l) => l.id) },
    );
  }
  for (const line of waiting) {
    const by = open.includes(line) ? 'associate' : 'deadline';
    const substitute = line.substitute!;
    tx.saveLine(order.id, { ...line, substitute: { ...substitute, status: 'declined', decidedAt: now } });
    tx.effects.webhook(order.id, 'order.substitution_decided', {
      lineId: line.id,
      orderedSku: line.sku,
      sku: substitute.sku,
      qty: substitute.qty,
      status: 'declined',
      by,
    });
    auditOrder(tx, order, 'order.substitutionDecided', {
      lineId: line.id,
      sku: substitute.sku,
      status: 'declined',
      by,
    });
  }
}

/**
 * Once every substitute is settled (at staging), the money follows, once: the difference of a
 * cheaper substitute kept, and the ordered price of a declined one, paid back through the payment
 * adapter under one key per order. Its lines stay empty: a later return judges only delivered units.
 * The platform hears of it (`order.refunded`), so it does not pay the same units back again.
 */
export function refundSubstitutions(tx: OrderTx, order: OrderState): void {
  const { totalCents, lines } = substitutionRefund(order.lines, order.paidGoodsCents);
  if (totalCents === 0) return;
  const key = substitutionRefundKey(order.id);
  tx.effects.refund(
    { returnId: null, orderId: order.id, refund: { key, lines: [], shippingCents: 0, totalCents } },
    {
      action: 'order.substitutionRefund',
      entityType: 'order',
      entityId: order.id,
      details: { key, totalCents, lines },
    },
  );
  // The platform must not refund these units itself too (docs/webhooks.md, "Refunds Aisle pays").
  tx.effects.webhook(order.id, 'order.refunded', {
    refundKey: key,
    refundCents: totalCents,
    lines: lines.map((l) => ({ lineId: l.lineId, status: l.status, qty: l.qty, refundCents: l.refundCents })),
  });
}

/** The order is ready on a shelf: the customer and the platform are told. */
export function readyOnShelf(
  tx: OrderTx,
  order: OrderState,
  changes: { status: OrderState['status']; stagingLocation: string },
): void {
  const readyAt = tx.now();
  tx.update(order.id, { ...changes, readyAt });
  const substitutions = order.lines.flatMap((line) =>
    line.substitute && line.substitute.status !== 'pending'
      ? [
          {
            orderedSku: line.sku,
            nameEn: line.substitute.nameEn,
            nameIt: line.substitute.nameIt,
            qty: line.substitute.qty,
            status: line.substitute.status,
          },
        ]
      : [],
  );
  tx.effects.notifyCustomer(order.id, 'ready_for_pickup', {
    number: order.number,
    storeId: order.storeId,
    language: order.customerLanguage,
    readyAt,
    ...(substitutions.length > 0 ? { substitutions } : {}),
  });
  tx.effects.webhook(order.id, 'order.ready', { readyAt });
}
