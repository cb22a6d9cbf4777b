import { describe, expect, it } from 'vitest';
import { domainErrorOf } from './domain-error-of';
import {
  applyPick,
  applyShort,
  findLine,
  isLineDone,
  isPickComplete,
  matchScan,
  pickErrorCodes,
  pickedUnits,
  remaining,
  shortReasons,
  sortByLocation,
  type PickLine,
  matchScanOnOrder,
} from './picking';

// Real products, stored as the catalogue stores them: GTIN-14.
const COKE_UPC_A = '036000291452'; // printed as UPC-A
const COKE_GTIN14 = '00036000291452';
const FABER_EAN13 = '4006381333931';
const FABER_GTIN14 = '04006381333931';
const ITALIAN_EAN13 = '8001505005707';
const ITALIAN_GTIN14 = '08001505005707';
const EAN8 = '96385074';
const EAN8_GTIN14 = '00000096385074';
const POLISH_EAN13 = '5901234123457'; // in the catalogue, not in the order below
const POLISH_GTIN14 = '05901234123457';
const NOT_IN_CATALOGUE = '40170725'; // a valid EAN-8 the catalogue does not know

const catalogue = new Set([COKE_GTIN14, FABER_GTIN14, ITALIAN_GTIN14, EAN8_GTIN14, POLISH_GTIN14]);
const isKnown = (gtin14: string) => catalogue.has(gtin14);

function line(overrides: Partial<PickLine> & Pick<PickLine, 'id' | 'gtin14'>): PickLine {
  return { qtyOrdered: 1, qtyPicked: 0, qtyShort: 0, ...overrides };
}

/** An order with a second line for the same Coke, as happens when a promotion splits a line. */
function sampleLines(): PickLine[] {
  return [
    line({ id: 'L1', gtin14: COKE_GTIN14, qtyOrdered: 2 }),
    line({ id: 'L2', gtin14: FABER_GTIN14, qtyOrdered: 1 }),
    line({ id: 'L3', gtin14: COKE_GTIN14, qtyOrdered: 3 }),
    line({ id: 'L4', gtin14: ITALIAN_GTIN14, qtyOrdered: 1 }),
  ];
}

describe('remaining / isLineDone', () => {
  it('counts units neither picked nor declared short', () => {
    expect(remaining(line({ id: 'a', gtin14: COKE_GTIN14, qtyOrdered: 5 }))).toBe(5);
    expect(remaining(line({ id: 'a', gtin14: COKE_GTIN14, qtyOrdered: 5, qtyPicked: 2 }))).toBe(3);
    expect(remaining(line({ id: 'a', gtin14: COKE_GTIN14, qtyOrdered: 5, qtyPicked: 2, qtyShort: 1 }))).toBe(
      2,
    );
    expect(remaining(line({ id: 'a', gtin14: COKE_GTIN14, qtyOrdered: 5, qtyPicked: 3, qtyShort: 2 }))).toBe(
      0,
    );
  });

  it('calls a line done when every unit is picked or short, including an all-short line', () => {
    expect(isLineDone(line({ id: 'a', gtin14: COKE_GTIN14, qtyOrdered: 2, qtyPicked: 2 }))).toBe(true);
    expect(isLineDone(line({ id: 'a', gtin14: COKE_GTIN14, qtyOrdered: 2, qtyShort: 2 }))).toBe(true);
    expect(isLineDone(line({ id: 'a', gtin14: COKE_GTIN14, qtyOrdered: 2, qtyPicked: 1 }))).toBe(false);
  });
});

describe('isPickComplete / pickedUnits', () => {
  it('is complete only when every line is done', () => {
    const lines = [
      line({ id: 'a', gtin14: COKE_GTIN14, qtyOrdered: 2, qtyPicked: 2 }),
      line({ id: 'b', gtin14: FABER_GTIN14, qtyOrdered: 3, qtyPicked: 1, qtyShort: 2 }),
    ];
    expect(isPickComplete(lines)).toBe(true);
    expect(pickedUnits(lines)).toBe(3);

    const notYet = [...lines, line({ id: 'c', gtin14: EAN8_GTIN14, qtyOrdered: 1 })];
    expect(isPickComplete(notYet)).toBe(false);
    expect(pickedUnits(notYet)).toBe(3);
  });

  it('treats an order of only shorts as complete with zero picked units', () => {
    const lines = [line({ id: 'a', gtin14: COKE_GTIN14, qtyOrdered: 4, qtyShort: 4 })];
    expect(isPickComplete(lines)).toBe(true);
    expect(pickedUnits(lines)).toBe(0);
  });

  it('handles no lines (vacuously complete, nothing picked)', () => {
    expect(isPickComplete([])).toBe(true);
    expect(pickedUnits([])).toBe(0);
  });
});

describe('matchScan', () => {
  it('matches a UPC-A label against a line stored as GTIN-14', () => {
    expect(matchScan(COKE_UPC_A, sampleLines(), isKnown).id).toBe('L1');
  });

  it('matches EAN-13, EAN-8, GTIN-14 and the EAN-13 form of a UPC-A', () => {
    const lines = sampleLines();
    expect(matchScan(FABER_EAN13, lines, isKnown).id).toBe('L2');
    expect(matchScan(ITALIAN_EAN13, lines, isKnown).id).toBe('L4');
    expect(matchScan('0036000291452', lines, isKnown).id).toBe('L1');
    expect(matchScan(COKE_GTIN14, lines, isKnown).id).toBe('L1');
    expect(matchScan(EAN8, [line({ id: 'e8', gtin14: EAN8_GTIN14 })], isKnown).id).toBe('e8');
  });

  it('ignores whitespace a scanner adds around the code', () => {
    expect(matchScan(` ${FABER_EAN13}\n`, sampleLines(), isKnown).id).toBe('L2');
  });

  it('returns the very line object (with its extra fields), so callers keep their own type', () => {
    const lines = [{ ...line({ id: 'x', gtin14: COKE_GTIN14 }), name: 'Coca-Cola 12 fl oz' }];
    const matched = matchScan(COKE_UPC_A, lines, isKnown);
    expect(matched).toBe(lines[0]);
    expect(matched.name).toBe('Coca-Cola 12 fl oz');
  });

  it('picks the first line with units remaining when a product appears in two lines', () => {
    const lines = sampleLines();
    expect(matchScan(COKE_UPC_A, lines, isKnown).id).toBe('L1');

    // L1 fully picked → the next Coke scan goes to L3
    lines[0] = { ...lines[0]!, qtyPicked: 2 };
    expect(matchScan(COKE_UPC_A, lines, isKnown).id).toBe('L3');

    // L1 done by a short rather than a pick: same
    lines[0] = { ...lines[0]!, qtyPicked: 1, qtyShort: 1 };
    expect(matchScan(COKE_UPC_A, lines, isKnown).id).toBe('L3');
  });

  it('refuses a code with a bad check digit as unknown, giving the GTIN reason', () => {
    const error = domainErrorOf(() => matchScan('036000291453', sampleLines(), isKnown));
    expect(error.code).toBe(pickErrorCodes.unknownCode);
    expect(error.code).toBe('scan.unknownCode');
    expect(error.details).toEqual({ code: '036000291453', reason: 'gtin.badCheckDigit' });
  });

  it.each([
    ['not numeric', 'https://example.com/qr', 'gtin.notNumeric'],
    ['a bad length', '03600029145', 'gtin.badLength'],
    ['empty', '', 'gtin.notNumeric'],
  ])('refuses a code that is %s as unknown', (_label, code, reason) => {
    expect(() => matchScan(code, sampleLines(), isKnown)).toThrow(
      expect.objectContaining({ code: 'scan.unknownCode', details: expect.objectContaining({ reason }) }),
    );
  });

  it('refuses a valid GTIN the catalogue does not know as unknown (no reason: the code itself is fine)', () => {
    const error = domainErrorOf(() => matchScan(NOT_IN_CATALOGUE, sampleLines(), isKnown));
    expect(error.code).toBe('scan.unknownCode');
    expect(error.details).toEqual({ code: NOT_IN_CATALOGUE });
  });

  it('asks the catalogue with the normalised GTIN-14', () => {
    const asked: string[] = [];
    expect(() =>
      matchScan(POLISH_EAN13, sampleLines(), (gtin14) => {
        asked.push(gtin14);
        return true;
      }),
    ).toThrow(expect.objectContaining({ code: 'scan.wrongItem' }));
    expect(asked).toEqual([POLISH_GTIN14]);
  });

  it('does not consult the catalogue when the order has the product', () => {
    const never = () => {
      throw new Error('catalogue should not be consulted');
    };
    expect(matchScan(COKE_UPC_A, sampleLines(), never).id).toBe('L1');
  });

  it('refuses a known product that is not in this order as the wrong item', () => {
    const error = domainErrorOf(() => matchScan(POLISH_EAN13, sampleLines(), isKnown));
    expect(error.code).toBe('scan.wrongItem');
    expect(error.details).toEqual({ code: POLISH_EAN13, gtin14: POLISH_GTIN14 });
  });

  it('says the line is complete when every line for the product is done', () => {
    const lines = sampleLines().map((l) =>
      l.gtin14 === COKE_GTIN14 ? { ...l, qtyPicked: l.qtyOrdered - 1, qtyShort: 1 } : l,
    );
    const error = domainErrorOf(() => matchScan(COKE_UPC_A, lines, isKnown));
    expect(error.code).toBe('pick.lineComplete');
    expect(error.details).toEqual({ code: COKE_UPC_A, lineId: 'L1' });
  });

  it('treats an empty order as "wrong item" for known products and "unknown" for the rest', () => {
    expect(() => matchScan(COKE_UPC_A, [], isKnown)).toThrow(
      expect.objectContaining({ code: 'scan.wrongItem' }),
    );
    expect(() => matchScan(NOT_IN_CATALOGUE, [], isKnown)).toThrow(
      expect.objectContaining({ code: 'scan.unknownCode' }),
    );
  });

  it('does not mutate the lines', () => {
    const lines = sampleLines();
    const before = structuredClone(lines);
    matchScan(COKE_UPC_A, lines, isKnown);
    expect(lines).toEqual(before);
  });
});

describe('findLine', () => {
  it('finds a line by id', () => {
    const lines = sampleLines();
    expect(findLine(lines, 'L3')).toBe(lines[2]);
  });

  it('throws pick.lineNotFound with the id for a line not in the order', () => {
    const error = domainErrorOf(() => findLine(sampleLines(), 'L99'));
    expect(error.code).toBe('pick.lineNotFound');
    expect(error.details).toEqual({ lineId: 'L99' });
    expect(() => findLine([], 'L1')).toThrow(expect.objectContaining({ code: pickErrorCodes.lineNotFound }));
  });
});

describe('applyPick', () => {
  const sixPack = line({ id: 'L1', gtin14: COKE_GTIN14, qtyOrdered: 6 });

  it('adds the picked units as a delta', () => {
    const once = applyPick(sixPack, 1);
    expect(once.qtyPicked).toBe(1);
    const twice = applyPick(once, 4);
    expect(twice.qtyPicked).toBe(5);
    expect(remaining(twice)).toBe(1);
  });

  it('lets two devices picking the same line both count', () => {
    // Device A and device B each saw qtyPicked 0 and picked 2; the server applies both deltas.
    const serverSide = applyPick(applyPick(sixPack, 2), 2);
    expect(serverSide.qtyPicked).toBe(4);
  });

  it('can pick exactly what remains, completing the line', () => {
    const partlyShort = { ...sixPack, qtyShort: 2, qtyPicked: 1 };
    const done = applyPick(partlyShort, 3);
    expect(done).toEqual({ ...partlyShort, qtyPicked: 4 });
    expect(isLineDone(done)).toBe(true);
  });

  it('keeps the other fields of the line', () => {
    const withName = { ...sixPack, name: 'Coca-Cola', aisle: 'A2' };
    expect(applyPick(withName, 1)).toEqual({ ...withName, qtyPicked: 1 });
  });

  it('does not mutate its input', () => {
    const input = { ...sixPack };
    const out = applyPick(input, 3);
    expect(input).toEqual(sixPack);
    expect(out).not.toBe(input);
  });

  it('refuses an over-pick with the remaining count in details', () => {
    const error = domainErrorOf(() => applyPick({ ...sixPack, qtyPicked: 4 }, 3));
    expect(error.code).toBe('pick.overPick');
    expect(error.details).toEqual({ lineId: 'L1', qty: 3, remaining: 2 });
  });

  it('counts shorts when deciding on an over-pick', () => {
    expect(() => applyPick({ ...sixPack, qtyPicked: 2, qtyShort: 3 }, 2)).toThrow(
      expect.objectContaining({ code: 'pick.overPick', details: expect.objectContaining({ remaining: 1 }) }),
    );
  });

  it('says lineComplete rather than overPick when nothing remains', () => {
    expect(() => applyPick({ ...sixPack, qtyPicked: 6 }, 1)).toThrow(
      expect.objectContaining({ code: 'pick.lineComplete' }),
    );
    expect(() => applyPick({ ...sixPack, qtyPicked: 5, qtyShort: 1 }, 2)).toThrow(
      expect.objectContaining({
        code: 'pick.lineComplete',
        details: expect.objectContaining({ remaining: 0 }),
      }),
    );
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses quantity %s as pick.badQuantity',
    (qty) => {
      const error = domainErrorOf(() => applyPick(sixPack, qty));
      expect(error.code).toBe('pick.badQuantity');
      expect(error.details).toEqual({ qty });
    },
  );

  it('checks the quantity before the remaining count', () => {
    expect(() => applyPick({ ...sixPack, qtyPicked: 6 }, 0)).toThrow(
      expect.objectContaining({ code: 'pick.badQuantity' }),
    );
  });
});

describe('applyShort', () => {
  const three = line({ id: 'L2', gtin14: FABER_GTIN14, qtyOrdered: 3 });

  it('adds short units as a delta', () => {
    const once = applyShort(three, 1);
    expect(once).toEqual({ ...three, qtyShort: 1 });
    expect(applyShort(once, 2)).toEqual({ ...three, qtyShort: 3 });
  });

  it('can short what is left after a partial pick, completing the line', () => {
    const done = applyShort(applyPick(three, 2), 1);
    expect(done).toMatchObject({ qtyPicked: 2, qtyShort: 1 });
    expect(isLineDone(done)).toBe(true);
  });

  it('refuses to short more than remains', () => {
    const error = domainErrorOf(() => applyShort({ ...three, qtyPicked: 2 }, 2));
    expect(error.code).toBe('pick.shortExceedsRemaining');
    expect(error.details).toEqual({ lineId: 'L2', qty: 2, remaining: 1 });
    expect(() => applyShort({ ...three, qtyShort: 3 }, 1)).toThrow(
      expect.objectContaining({ code: 'pick.shortExceedsRemaining' }),
    );
  });

  it.each([0, -1, 1.5])('refuses quantity %s as pick.badQuantity', (qty) => {
    expect(() => applyShort(three, qty)).toThrow(expect.objectContaining({ code: 'pick.badQuantity' }));
  });

  it('does not mutate its input', () => {
    const input = { ...three };
    applyShort(input, 1);
    expect(input).toEqual(three);
  });

  it('offers the expected short reasons', () => {
    expect(shortReasons).toEqual(['not_found', 'damaged', 'wrong_location', 'expired', 'other']);
  });
});

describe('sortByLocation', () => {
  type Loc = { aisle: string | null; bay: string | null; lineNo: number };
  const ids = (lines: readonly Loc[]) => lines.map((l) => l.lineNo);

  it('orders aisles numerically, so A2 comes before A10', () => {
    const lines: Loc[] = [
      { aisle: 'A10', bay: '1', lineNo: 1 },
      { aisle: 'A2', bay: '1', lineNo: 2 },
      { aisle: 'A1', bay: '1', lineNo: 3 },
      { aisle: 'B1', bay: '1', lineNo: 4 },
      { aisle: 'A9', bay: '1', lineNo: 5 },
    ];
    expect(sortByLocation(lines).map((l) => l.aisle)).toEqual(['A1', 'A2', 'A9', 'A10', 'B1']);
  });

  it('then orders by bay (also numerically), then by line number', () => {
    const lines: Loc[] = [
      { aisle: 'A2', bay: '12', lineNo: 1 },
      { aisle: 'A2', bay: '3', lineNo: 4 },
      { aisle: 'A2', bay: '3', lineNo: 2 },
      { aisle: 'A1', bay: '20', lineNo: 3 },
    ];
    expect(ids(sortByLocation(lines))).toEqual([3, 2, 4, 1]);
  });

  it('puts lines without an aisle last, and lines without a bay last within their aisle', () => {
    const lines: Loc[] = [
      { aisle: null, bay: null, lineNo: 1 },
      { aisle: 'A3', bay: null, lineNo: 2 },
      { aisle: 'A3', bay: '2', lineNo: 3 },
      { aisle: 'Z99', bay: '1', lineNo: 4 },
      { aisle: null, bay: '1', lineNo: 5 },
      { aisle: 'A1', bay: '1', lineNo: 6 },
    ];
    expect(ids(sortByLocation(lines))).toEqual([6, 3, 2, 4, 5, 1]);
  });

  it('orders unlocated lines among themselves by line number', () => {
    const lines: Loc[] = [
      { aisle: null, bay: null, lineNo: 3 },
      { aisle: null, bay: null, lineNo: 1 },
      { aisle: null, bay: null, lineNo: 2 },
    ];
    expect(ids(sortByLocation(lines))).toEqual([1, 2, 3]);
  });

  it('returns a new array and leaves the input untouched', () => {
    const lines: Loc[] = [
      { aisle: 'B1', bay: '1', lineNo: 1 },
      { aisle: 'A1', bay: '1', lineNo: 2 },
    ];
    const before = structuredClone(lines);
    const sorted = sortByLocation(lines);
    expect(sorted).not.toBe(lines);
    expect(lines).toEqual(before);
    expect(sorted[0]).toBe(lines[1]);
  });

  it('handles an empty list', () => {
    expect(sortByLocation([])).toEqual([]);
  });
});

describe('matchScanOnOrder', () => {
  const done = [{ id: 'l1', gtin14: '08001505005707', qtyOrdered: 2, qtyPicked: 2, qtyShort: 0 }];
  const known = () => true;

  it('explains a scan on an order another device just finished as an over-pick', () => {
    expect(
      domainErrorOf(() => matchScanOnOrder({ status: 'picked' }, '8001505005707', done, known)).code,
    ).toBe('pick.lineComplete');
    expect(
      domainErrorOf(() => matchScanOnOrder({ status: 'picked' }, '4006381333931', done, known)).code,
    ).toBe('scan.wrongItem');
  });

  it('refuses picks on an order that is not being picked', () => {
    for (const status of ['new', 'ready', 'cancelled', 'collected']) {
      expect(domainErrorOf(() => matchScanOnOrder({ status }, '8001505005707', done, known)).code).toBe(
        'order.illegalTransition',
      );
    }
  });
});
