import { DomainError } from './domain-error';
import { parseGtin } from './gtin';

export interface PickLine {
  id: string;
  /** The ordered product's GTIN, normalised to GTIN-14. */
  gtin14: string;
  qtyOrdered: number;
  qtyPicked: number;
  qtyShort: number;
}

export const shortReasons = ['not_found', 'damaged', 'wrong_location', 'expired', 'other'] as const;
export type ShortReason = (typeof shortReasons)[number];

export const pickErrorCodes = {
  unknownCode: 'scan.unknownCode',
  wrongItem: 'scan.wrongItem',
  lineComplete: 'pick.lineComplete',
  overPick: 'pick.overPick',
  badQuantity: 'pick.badQuantity',
  lineNotFound: 'pick.lineNotFound',
  shortExceedsRemaining: 'pick.shortExceedsRemaining',
} as const;

/** Units of a line still to be picked or declared short. */
export function remaining(line: PickLine): number {
  return line.qtyOrdered - line.qtyPicked - line.qtyShort;
}

export function isLineDone(line: PickLine): boolean {
  return remaining(line) === 0;
}

export function isPickComplete(lines: readonly PickLine[]): boolean {
  return lines.every(isLineDone);
}

export function pickedUnits(lines: readonly PickLine[]): number {
  return lines.reduce((sum, line) => sum + line.qtyPicked, 0);
}

/**
 * Which line a scanned code confirms. The code is compared as GTIN-14, so a UPC-A label
 * matches the EAN-13 in the catalogue. A code that is no GTIN, or one the catalogue does
 * not know, is "unknown"; a real product that this order does not want is a "wrong item";
 * a product whose lines are all done would be an over-pick.
 */
export function matchScan<L extends PickLine>(
  code: string,
  lines: readonly L[],
  isKnownProduct: (gtin14: string) => boolean,
): L {
  const parsed = parseGtin(code);
  if (!parsed.ok) {
    throw new DomainError(pickErrorCodes.unknownCode, `Not a product code: ${code}`, {
      code,
      reason: parsed.code,
    });
  }
  const candidates = lines.filter((line) => line.gtin14 === parsed.gtin14);
  if (candidates.length === 0) {
    if (isKnownProduct(parsed.gtin14)) {
      throw new DomainError(pickErrorCodes.wrongItem, `This order does not contain ${code}`, {
        code,
        gtin14: parsed.gtin14,
      });
    }
    throw new DomainError(pickErrorCodes.unknownCode, `No product has the code ${code}`, { code });
  }
  const open = candidates.find((line) => remaining(line) > 0);
  if (!open) {
    throw new DomainError(pickErrorCodes.lineComplete, `Every unit of ${code} is already picked`, {
      code,
      lineId: candidates[0]?.id,
    });
  }
  return open;
}

function assertQuantity(qty: number): void {
  if (!Number.isInteger(qty) || qty < 1) {
    throw new DomainError(pickErrorCodes.badQuantity, `Quantity must be a whole number ≥ 1`, { qty });
  }
}

export function findLine<L extends PickLine>(lines: readonly L[], lineId: string): L {
  const line = lines.find((candidate) => candidate.id === lineId);
  if (!line)
    throw new DomainError(pickErrorCodes.lineNotFound, `No line ${lineId} in this order`, { lineId });
  return line;
}

/** Confirms picked units. Picks are deltas, so two devices picking one line both count. */
export function applyPick<L extends PickLine>(line: L, qty: number): L {
  assertQuantity(qty);
  if (qty > remaining(line)) {
    throw new DomainError(
      remaining(line) === 0 ? pickErrorCodes.lineComplete : pickErrorCodes.overPick,
      `Only ${remaining(line)} more unit(s) of this line are wanted`,
      { lineId: line.id, qty, remaining: remaining(line) },
    );
  }
  return { ...line, qtyPicked: line.qtyPicked + qty };
}

/** Declares units that cannot be found; their reservation will be released. */
export function applyShort<L extends PickLine>(line: L, qty: number): L {
  assertQuantity(qty);
  if (qty > remaining(line)) {
    throw new DomainError(
      pickErrorCodes.shortExceedsRemaining,
      `Only ${remaining(line)} unit(s) of this line are still open`,
      { lineId: line.id, qty, remaining: remaining(line) },
    );
  }
  return { ...line, qtyShort: line.qtyShort + qty };
}

/** The order a picker walks: by aisle, then bay, then the line's own order. */
export function sortByLocation<T extends { aisle: string | null; bay: string | null; lineNo: number }>(
  lines: readonly T[],
): T[] {
  const key = (value: string | null) => value ?? '\uffff';
  return [...lines].sort(
    (a, b) =>
      key(a.aisle).localeCompare(key(b.aisle), 'en', { numeric: true }) ||
      key(a.bay).localeCompare(key(b.bay), 'en', { numeric: true }) ||
      a.lineNo - b.lineNo,
  );
}

/**
 * Which line a scan confirms on an order in a given state. A scan that arrives after the
 * order's last unit was picked (another device finished it) is an over-pick of that product,
 * explained as such, not a puzzling "the order moved on"; other states refuse any pick.
 */
export function matchScanOnOrder<L extends PickLine>(
  order: { status: string },
  code: string,
  lines: readonly L[],
  isKnownProduct: (gtin14: string) => boolean,
): L {
  if (order.status === 'picked') matchScan(code, lines, isKnownProduct);
  if (order.status !== 'picking') {
    throw new DomainError('order.illegalTransition', `An order that is ${order.status} cannot pick`, {
      event: 'pick',
      from: order.status,
      allowedFrom: ['picking'],
    });
  }
  return matchScan(code, lines, isKnownProduct);
}
