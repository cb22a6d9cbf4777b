import type { Disposition } from '../../domain/disposition';
import type { ReturnCondition } from '../../domain/return-reasons';
import type { ReturnUnit } from '../../domain/return-units';

/**
 * The units on the counter, one entry per physical item: a scan adds one, the stepper sets a
 * line's count (for a label that will not scan), and each unit keeps its own reason, condition
 * and disposition. Pure, so the screen is a thin shell over it.
 */
export interface DraftUnit {
  /** Stable within the screen, for React keys and labels ("unit 2 of Trainers"). */
  key: number;
  lineId: string;
  /** "" until chosen: the policy is checked only for units with a reason. */
  reason: string;
  condition: ReturnCondition;
  disposition: Disposition;
  /** Set once the associate chose the disposition; until then it follows the condition. */
  dispositionChosen: boolean;
  /** The barcode scanned for it, if it was scanned. */
  code?: string;
}

export interface UnitList {
  units: DraftUnit[];
  nextKey: number;
}

export type UnitField = 'reason' | 'condition' | 'disposition';

export type UnitAction =
  | { type: 'add'; lineId: string; code?: string }
  | { type: 'setQty'; lineId: string; qty: number }
  /** A camera count (returnable.ts, countedUnitsByLine): each counted line takes its count. */
  | { type: 'setCounts'; counts: ReadonlyMap<string, number> }
  | { type: 'set'; key: number; field: UnitField; value: string }
  | { type: 'setAll'; field: UnitField; value: string }
  | { type: 'remove'; key: number }
  | { type: 'clear' };

export const emptyUnitList: UnitList = { units: [], nextKey: 1 };

/** A damaged unit cannot go back on the shelf; anything else is restocked unless the associate says otherwise. */
export function defaultDisposition(condition: ReturnCondition): Disposition {
  return condition === 'damaged' ? 'damaged' : 'restock';
}

/** A new unit of a line starts like the previous unit of that line (two pairs, same reason). */
function newUnit(list: UnitList, lineId: string, code?: string): DraftUnit {
  const previous = list.units.findLast((u) => u.lineId === lineId);
  const condition = previous?.condition ?? 'new';
  return {
    key: list.nextKey,
    lineId,
    reason: previous?.reason ?? '',
    condition,
    disposition: previous?.dispositionChosen ? previous.disposition : defaultDisposition(condition),
    dispositionChosen: previous?.dispositionChosen ?? false,
    ...(code ? { code } : {}),
  };
}

function withField(unit: DraftUnit, field: UnitField, value: string): DraftUnit {
  switch (field) {
    case 'reason':
      return { ...unit, reason: value };
    case 'condition': {
      const condition = value as ReturnCondition;
      return {
        ...unit,
        condition,
        disposition: unit.dispositionChosen ? unit.disposition : defaultDisposition(condition),
      };
    }
    case 'disposition':
      return { ...unit, disposition: value as Disposition, dispositionChosen: true };
  }
}

export function unitListReducer(list: UnitList, action: UnitAction): UnitList {
  switch (action.type) {
    case 'add':
      return { units: [...list.units, newUnit(list, action.lineId, action.code)], nextKey: list.nextKey + 1 };
    case 'setQty': {
      const target = Math.max(0, Math.floor(action.qty));
      const current = list.units.filter((u) => u.lineId === action.lineId).length;
      if (target === current) return list;
      if (target > current) {
        let next = list;
        for (let i = current; i < target; i++)
          next = unitListReducer(next, { type: 'add', lineId: action.lineId });
        return next;
      }
      // Fewer: the line's last units go (the most recently added, likely the miscount).
      const keep = new Set(
        list.units
          .filter((u) => u.lineId === action.lineId)
          .slice(0, target)
          .map((u) => u.key),
      );
      return { ...list, units: list.units.filter((u) => u.lineId !== action.lineId || keep.has(u.key)) };
    }
    case 'setCounts': {
      let next = list;
      for (const [lineId, qty] of action.counts)
        next = unitListReducer(next, { type: 'setQty', lineId, qty });
      return next;
    }
    case 'set':
      return {
        ...list,
        units: list.units.map((u) => (u.key === action.key ? withField(u, action.field, action.value) : u)),
      };
    case 'setAll':
      return { ...list, units: list.units.map((u) => withField(u, action.field, action.value)) };
    case 'remove':
      return { ...list, units: list.units.filter((u) => u.key !== action.key) };
    case 'clear':
      return { ...list, units: [] };
  }
}

/** Units per line in this return. */
export function countByLine(units: readonly DraftUnit[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const u of units) counts.set(u.lineId, (counts.get(u.lineId) ?? 0) + 1);
  return counts;
}

/** The units the policy and the refund can judge: those with a reason. */
export function judgedUnits(units: readonly DraftUnit[]): ReturnUnit[] {
  return units
    .filter((u) => u.reason !== '')
    .map(({ lineId, reason, condition, disposition }) => ({ lineId, reason, condition, disposition }));
}
