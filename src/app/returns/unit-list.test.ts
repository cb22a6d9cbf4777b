import { describe, expect, it } from 'vitest';
import {
  countByLine,
  emptyUnitList,
  judgedUnits,
  unitListReducer,
  type UnitAction,
  type UnitList,
} from './unit-list';

const SHOES = 'line-shoes';
const SHIRT = 'line-shirt';
const run = (...actions: UnitAction[]): UnitList => actions.reduce(unitListReducer, emptyUnitList);

describe('the units on the counter', () => {
  it('adds one unit per scan, new and restocked, its reason still to choose', () => {
    const list = run({ type: 'add', lineId: SHOES, code: '8001234567892' });
    expect(list.units).toEqual([
      {
        key: 1,
        lineId: SHOES,
        reason: '',
        condition: 'new',
        disposition: 'restock',
        dispositionChosen: false,
        code: '8001234567892',
      },
    ]);
  });

  it('starts a second unit of a line like the first', () => {
    const list = run(
      { type: 'add', lineId: SHOES },
      { type: 'set', key: 1, field: 'reason', value: 'tooSmall' },
      { type: 'set', key: 1, field: 'condition', value: 'opened' },
      { type: 'add', lineId: SHOES },
      { type: 'add', lineId: SHIRT },
    );
    expect(list.units[1]).toMatchObject({
      key: 2,
      reason: 'tooSmall',
      condition: 'opened',
      disposition: 'restock',
    });
    expect(list.units[2]).toMatchObject({ key: 3, reason: '', condition: 'new' });
  });

  it('sends a damaged unit to damaged, unless the associate chose a disposition', () => {
    const damaged = run(
      { type: 'add', lineId: SHOES },
      { type: 'set', key: 1, field: 'condition', value: 'damaged' },
    );
    expect(damaged.units[0]?.disposition).toBe('damaged');
    const back = unitListReducer(damaged, { type: 'set', key: 1, field: 'condition', value: 'opened' });
    expect(back.units[0]?.disposition).toBe('restock');
    const chosen = run(
      { type: 'add', lineId: SHOES },
      { type: 'set', key: 1, field: 'disposition', value: 'return_to_vendor' },
      { type: 'set', key: 1, field: 'condition', value: 'damaged' },
    );
    expect(chosen.units[0]).toMatchObject({ disposition: 'return_to_vendor', dispositionChosen: true });
  });

  it('sets a line’s count with the stepper: up adds units, down drops the last ones', () => {
    const three = run(
      { type: 'add', lineId: SHOES },
      { type: 'add', lineId: SHIRT },
      { type: 'setQty', lineId: SHOES, qty: 3 },
    );
    expect(countByLine(three.units)).toEqual(
      new Map([
        [SHOES, 3],
        [SHIRT, 1],
      ]),
    );
    const one = unitListReducer(three, { type: 'setQty', lineId: SHOES, qty: 1 });
    expect(one.units.map((u) => u.key)).toEqual([1, 2]);
    expect(unitListReducer(one, { type: 'setQty', lineId: SHOES, qty: 1 })).toBe(one);
    expect(
      unitListReducer(one, { type: 'setQty', lineId: SHOES, qty: -2 }).units.map((u) => u.lineId),
    ).toEqual([SHIRT]);
  });

  it('takes a camera count in one step: each counted line to its count, the others kept', () => {
    const before = run(
      { type: 'add', lineId: SHOES, code: '8001234567892' },
      { type: 'add', lineId: SHOES },
      { type: 'add', lineId: SHIRT },
    );
    const after = unitListReducer(before, { type: 'setCounts', counts: new Map([[SHOES, 1]]) });
    expect(countByLine(after.units)).toEqual(
      new Map([
        [SHOES, 1],
        [SHIRT, 1],
      ]),
    );
    // The unit scanned first stays, with its code.
    expect(after.units[0]).toMatchObject({ key: 1, code: '8001234567892' });
    const more = unitListReducer(after, { type: 'setCounts', counts: new Map([[SHIRT, 3]]) });
    expect(countByLine(more.units).get(SHIRT)).toBe(3);
  });

  it('applies the same reason, condition or disposition to every unit', () => {
    const list = run(
      { type: 'add', lineId: SHOES },
      { type: 'add', lineId: SHIRT },
      { type: 'setAll', field: 'reason', value: 'changedMind' },
      { type: 'setAll', field: 'condition', value: 'damaged' },
    );
    expect(list.units.map((u) => [u.reason, u.condition, u.disposition])).toEqual([
      ['changedMind', 'damaged', 'damaged'],
      ['changedMind', 'damaged', 'damaged'],
    ]);
  });

  it('removes one unit, or all, and never reuses a key', () => {
    const list = run(
      { type: 'add', lineId: SHOES },
      { type: 'add', lineId: SHOES },
      { type: 'remove', key: 1 },
    );
    expect(list.units.map((u) => u.key)).toEqual([2]);
    expect(unitListReducer(list, { type: 'add', lineId: SHIRT }).units.map((u) => u.key)).toEqual([2, 3]);
    expect(unitListReducer(list, { type: 'clear' }).units).toEqual([]);
  });

  it('judges only the units with a reason', () => {
    const list = run(
      { type: 'add', lineId: SHOES },
      { type: 'add', lineId: SHIRT },
      { type: 'set', key: 2, field: 'reason', value: 'tooLarge' },
    );
    expect(judgedUnits(list.units)).toEqual([
      { lineId: SHIRT, reason: 'tooLarge', condition: 'new', disposition: 'restock' },
    ]);
  });
});
