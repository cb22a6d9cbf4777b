import { DomainError } from './domain-error';
import { parseGtin } from './gtin';
import { pickErrorCodes, remaining, sortByLocation, type PickLine } from './picking';

/*
 * Batch picking: one walk for several ship-from-store orders. The lines of every order are
 * merged into one list of stops in walking order (aisle, then bay), and each scanned unit is
 * sorted into an order's tote: the most urgent promise first, its lines in line order.
 */

export interface BatchLine extends PickLine {
  lineNo: number;
  aisle: string | null;
  bay: string | null;
}

export interface BatchOrder<L extends BatchLine = BatchLine> {
  id: string;
  number: string;
  /** ISO time; the earliest promise is served first. */
  promisedAt: string;
  /** The tote the order's units go in, 1..n. */
  slot: number;
  lines: readonly L[];
}

export interface BatchPick<L extends BatchLine> {
  order: BatchOrder<L>;
  line: L;
}

/** One place on the walk: a product, where it is, and which orders want how many. */
export interface BatchStop<L extends BatchLine> {
  gtin14: string;
  aisle: string | null;
  bay: string | null;
  /** Every order line of this product, most urgent first. */
  picks: BatchPick<L>[];
  /** Units still to pick or declare short, over every order. */
  remaining: number;
}

/** Most urgent promise first; the tote number breaks ties so the order never flips. */
export function byUrgency<O extends { promisedAt: string; slot: number }>(orders: readonly O[]): O[] {
  return [...orders].sort((a, b) => a.promisedAt.localeCompare(b.promisedAt) || a.slot - b.slot);
}

/** The merged pick list of a batch, in walking order. */
export function batchPickList<L extends BatchLine>(orders: readonly BatchOrder<L>[]): BatchStop<L>[] {
  const stops = new Map<string, BatchStop<L> & { lineNo: number }>();
  for (const order of byUrgency(orders)) {
    for (const line of [...order.lines].sort((a, b) => a.lineNo - b.lineNo)) {
      const stop = stops.get(line.gtin14) ?? {
        gtin14: line.gtin14,
        aisle: line.aisle,
        bay: line.bay,
        picks: [],
        remaining: 0,
        // Ties in one bay keep the order in which the most urgent order lists them.
        lineNo: stops.size,
      };
      stop.picks.push({ order, line });
      stop.remaining += remaining(line);
      stops.set(line.gtin14, stop);
    }
  }
  return sortByLocation([...stops.values()]).map(({ lineNo: _lineNo, ...stop }) => stop);
}

/**
 * Which order and line a scanned unit goes to. A code that is no product, or that no order of
 * the batch wants, is refused (unknown code, wrong item); a product every order already has
 * enough of is an over-pick.
 */
export function assignScan<L extends BatchLine>(
  code: string,
  orders: readonly BatchOrder<L>[],
  isKnownProduct: (gtin14: string) => boolean,
): BatchPick<L> {
  const parsed = parseGtin(code);
  if (!parsed.ok) {
    throw new DomainError(pickErrorCodes.unknownCode, `Not a product code: ${code}`, {
      code,
      reason: parsed.code,
    });
  }
  const candidates = byUrgency(orders).flatMap((order) =>
    [...order.lines]
      .sort((a, b) => a.lineNo - b.lineNo)
      .filter((line) => line.gtin14 === parsed.gtin14)
      .map((line) => ({ order, line })),
  );
  if (candidates.length === 0) {
    if (isKnownProduct(parsed.gtin14)) {
      throw new DomainError(pickErrorCodes.wrongItem, `No order in this batch contains ${code}`, {
        code,
        gtin14: parsed.gtin14,
        batch: true,
      });
    }
    throw new DomainError(pickErrorCodes.unknownCode, `No product has the code ${code}`, { code });
  }
  const open = candidates.find(({ line }) => remaining(line) > 0);
  if (!open) {
    throw new DomainError(pickErrorCodes.lineComplete, `Every unit of ${code} in this batch is picked`, {
      code,
      lineId: candidates[0]?.line.id,
    });
  }
  return open;
}
