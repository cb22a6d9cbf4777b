import type { Disposition } from './disposition';
import { dispositionsStockDelta } from './disposition';
import { DomainError } from './domain-error';
import { heldSubstitutes, type StockDelta } from './order-stock';
import type { CounterLine, LineUnits } from './partial-handover';
import { partialHandoverErrorCodes, takeFromStaged } from './partial-handover';
import type { LineSubstitute } from './substitution';
import type { ReturnReason } from './return-reasons';

/**
 * The customer refuses units at the counter (issue 15, point 4): each with a reason from the
 * store's return reasons, and each looked at and given a disposition as a returned unit is.
 * Only staged units can be refused: what the customer took away comes back as a return. A kept
 * substitute waiting with the order (not yet gone with a first handover) can be refused too, a
 * unit naming the substitute's product.
 */
export const refusalErrorCodes = {
  /** A reason that is not one of the store's return reasons. */
  unknownReason: 'refusal.unknownReason',
  emptyRefusal: 'refusal.empty',
  /** A unit names a product that is not its line's kept substitute waiting with the order. */
  notASubstitute: 'refusal.notASubstitute',
} as const;

export interface RefusedUnit {
  lineId: string;
  /** The line's kept substitute's product; absent: the ordered product. */
  productId?: string | undefined;
  reason: string;
  disposition: Disposition;
}

/** A line at the counter, with the substitute picked for it. */
export type RefusalLine = CounterLine & {
  substitute?: Pick<LineSubstitute, 'productId' | 'gtin14' | 'qty' | 'status' | 'qtyRefused'> | null;
};

export interface RefusalPlan {
  /** Refused ordered units per line, in the order's line order. */
  lines: LineUnits[];
  /** Refused units of kept substitutes, per line, in the order's line order. */
  substitutes: LineUnits[];
  /** The reason the refund's shipping rule is judged by: a store-fault reason when any unit has one. */
  refundReason: string;
}

export function planRefusal(
  lines: readonly RefusalLine[],
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
  const perSubstitute = new Map<string, number>();
  for (const u of units) {
    const count = u.productId === undefined ? perLine : perSubstitute;
    count.set(u.lineId, (count.get(u.lineId) ?? 0) + 1);
  }
  const taken =
    perLine.size > 0
      ? takeFromStaged(
          lines,
          [...perLine].map(([lineId, qty]) => ({ lineId, qty })),
        )
      : [];
  const held = heldSubstitutes(lines);
  const wrong = units.find(
    (u) => u.productId !== undefined && held.find((h) => h.lineId === u.lineId)?.productId !== u.productId,
  );
  if (wrong) {
    throw new DomainError(
      refusalErrorCodes.notASubstitute,
      'No kept substitute of that product waits for the customer on this line',
      { lineId: wrong.lineId, productId: wrong.productId },
    );
  }
  for (const [lineId, qty] of perSubstitute) {
    const substitute = held.find((h) => h.lineId === lineId)!;
    if (qty > substitute.qty) {
      throw new DomainError(partialHandoverErrorCodes.exceedsStaged, 'More units than are staged', {
        lineId,
        productId: substitute.productId,
        qty,
        staged: substitute.qty,
      });
    }
  }
  const substitutes = lines.flatMap((l) => {
    const qty = perSubstitute.get(l.id);
    return qty ? [{ lineId: l.id, qty }] : [];
  });
  const refundReason = units.find((u) => sellerFaultReasons.includes(u.reason))?.reason ?? units[0]!.reason;
  return { lines: taken, substitutes, refundReason };
}

/** Units a line's kept substitute still has with the order after a refusal of `qty` of them. */
export function substituteAfterRefusal<S extends Pick<LineSubstitute, 'qtyRefused'>>(
  substitute: S,
  qty: number,
): S {
  return { ...substitute, qtyRefused: (substitute.qtyRefused ?? 0) + qty };
}

/**
 * A refused unit of a kept substitute left the stock when it was kept, and nothing reserved it:
 * it comes back as a returned unit does, on hand only when restocked.
 */
export function refusedSubstituteStockDelta(dispositions: readonly Disposition[]): StockDelta {
  return dispositionsStockDelta(dispositions);
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
