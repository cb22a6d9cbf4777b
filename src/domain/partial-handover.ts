import { DomainError } from './domain-error';
import type { PickLine } from './picking';
import type { StockDelta } from './order-stock';

/**
 * A handover at the counter line by line (issue 15, point 4): the customer takes some units now,
 * may refuse others, and the rest stays staged for later. A line's picked units are either
 * handed over, refused, or still on the staging shelf; an order is collected once none is left
 * there (ADR 0047).
 */
export const partialHandoverErrorCodes = {
  /** A line named is not on this order. */
  unknownLine: 'handover.unknownLine',
  /** The same line twice in one handover or refusal. */
  duplicateLine: 'handover.duplicateLine',
  badQuantity: 'handover.badQuantity',
  /** More units than are still on the staging shelf for that line. */
  exceedsStaged: 'handover.exceedsStaged',
  /** Nothing is left on the staging shelf to hand over or refuse. */
  nothingStaged: 'handover.nothingStaged',
} as const;

export interface CounterLine extends PickLine {
  /** Units the customer took away. */
  qtyHandedOver: number;
  /** Units the customer refused at the counter. */
  qtyRefused: number;
}

export interface LineUnits {
  lineId: string;
  qty: number;
}

/** Units of a line picked and still waiting on the staging shelf. */
export function stagedUnits(line: CounterLine): number {
  return line.qtyPicked - line.qtyHandedOver - line.qtyRefused;
}

export function totalStaged(lines: readonly CounterLine[]): number {
  return lines.reduce((sum, line) => sum + stagedUnits(line), 0);
}

/** Whether some units were handed over while others still wait: "partly collected". */
export function isPartlyCollected(lines: readonly CounterLine[]): boolean {
  return lines.some((l) => l.qtyHandedOver > 0) && totalStaged(lines) > 0;
}

/**
 * Checks units asked of the staging shelf (to hand over or to refuse) against what is there,
 * one entry per line, and answers them in the order's line order.
 */
export function takeFromStaged(lines: readonly CounterLine[], asked: readonly LineUnits[]): LineUnits[] {
  if (totalStaged(lines) === 0) {
    throw new DomainError(partialHandoverErrorCodes.nothingStaged, 'Nothing is left on the staging shelf');
  }
  const byId = new Map(lines.map((l) => [l.id, l]));
  const seen = new Set<string>();
  for (const { lineId, qty } of asked) {
    const line = byId.get(lineId);
    if (!line) {
      throw new DomainError(partialHandoverErrorCodes.unknownLine, 'The order has no such line', { lineId });
    }
    if (seen.has(lineId)) {
      throw new DomainError(partialHandoverErrorCodes.duplicateLine, 'A line appears twice', { lineId });
    }
    seen.add(lineId);
    if (!Number.isSafeInteger(qty) || qty <= 0) {
      throw new DomainError(partialHandoverErrorCodes.badQuantity, 'Bad quantity', { lineId, qty });
    }
    if (qty > stagedUnits(line)) {
      throw new DomainError(partialHandoverErrorCodes.exceedsStaged, 'More units than are staged', {
        lineId,
        qty,
        staged: stagedUnits(line),
      });
    }
  }
  if (asked.length === 0) {
    throw new DomainError(partialHandoverErrorCodes.badQuantity, 'No units named', {});
  }
  return lines.flatMap((l) => {
    const hit = asked.find((a) => a.lineId === l.id);
    return hit ? [{ lineId: l.id, qty: hit.qty }] : [];
  });
}

export interface HandoverPlan {
  /** The units handed over now, per line. */
  now: LineUnits[];
  /** The units that stay on the staging shelf afterwards, per line with any. */
  kept: LineUnits[];
  /** True when nothing stays staged: the order is collected. */
  complete: boolean;
}

/**
 * Which units leave with the customer now: the lines named (a partial handover), or every
 * staged unit when none are named (the whole order, as before partial handovers: it never
 * fails for want of units, only the order's state decides).
 */
export function planHandover(lines: readonly CounterLine[], asked?: readonly LineUnits[]): HandoverPlan {
  const now =
    asked === undefined
      ? lines.filter((l) => stagedUnits(l) > 0).map((l) => ({ lineId: l.id, qty: stagedUnits(l) }))
      : takeFromStaged(lines, asked);
  const kept = lines.flatMap((l) => {
    const left = stagedUnits(l) - (now.find((n) => n.lineId === l.id)?.qty ?? 0);
    return left > 0 ? [{ lineId: l.id, qty: left }] : [];
  });
  return { now, kept, complete: kept.length === 0 };
}

/** Units handed over leave the shelf count and the reservation. */
export function handedOverStockDelta(qty: number): StockDelta {
  return { onHand: -qty, reserved: -qty };
}
