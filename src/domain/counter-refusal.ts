import type { Disposition } from './disposition';
import { dispositionsStockDelta } from './disposition';
import { DomainError } from './domain-error';
import type { StockDelta } from './order-stock';
import type { CounterLine, LineUnits } from './partial-handover';
import { takeFromStaged } from './partial-handover';
import type { ReturnReason } from './return-reasons';

/**
 * The customer refuses units at the counter (issue 15, point 4): each with a reason from the
 * store's return reasons, and each looked at and given a disposition as a returned unit is.
 * Only staged units can be refused: what the customer took away comes back as a return.
 */
export const refusalErrorCodes = {
  /** A reason that is not one of the store's return reasons. */
  unknownReason: 'refusal.unknownReason',
  emptyRefusal: 'refusal.empty',
} as const;

export interface RefusedUnit {
  lineId: string;
  reason: string;
  disposition: Disposition;
}

export interface RefusalPlan {
  /** Refused units per line, in the order's line order. */
  lines: LineUnits[];
  /** The reason the refund's shipping rule is judged by: a store-fault reason when any unit has one. */
  refundReason: string;
}

export function planRefusal(
  lines: readonly CounterLine[],
  units: readonly RefusedUnit[],
  reasons: readonly ReturnReason[],
  sellerFaultReasons: readonly string[],
): RefusalPlan {
  if (units.length === 0) throw new DomainError(refusalErrorCodes.emptyRefusal, 'No units refused');
  const known = new Set(reasons.map((r) => r.code));
  const unknown = units.find((u) => !known.has(u.reason));
  if (unknown) {
    throw new DomainError(refusalErrorCodes.unknownReason, `Unknown reason ${unknown.reason}`, {
      reason: unknown.reason,
    });
  }
  const perLine = new Map<string, number>();
  for (const u of units) perLine.set(u.lineId, (perLine.get(u.lineId) ?? 0) + 1);
  const taken = takeFromStaged(
    lines,
    [...perLine].map(([lineId, qty]) => ({ lineId, qty })),
  );
  const refundReason = units.find((u) => sellerFaultReasons.includes(u.reason))?.reason ?? units[0]!.reason;
  return { lines: taken, refundReason };
}

/**
 * A refused unit never left the store: it leaves the order's reservation, and stays on hand only
 * when it goes back on the shelf. That is the handover's move (off the shelf count and the
 * reservation) followed by the return's disposition (src/domain/disposition.ts).
 */
export function refusedStockDelta(dispositions: readonly Disposition[]): StockDelta {
  const back = dispositionsStockDelta(dispositions);
  return { onHand: back.onHand - dispositions.length, reserved: back.reserved - dispositions.length };
}
