import { describe, expect, it } from 'vitest';
import { assignScan, batchPickList, type BatchLine, type BatchOrder } from './batch-pick';
import { withCheckDigit } from './gtin';

const SHOE = withCheckDigit('800123456789');
const SOCK = withCheckDigit('800123456790');
const BELT = withCheckDigit('800123456791');
const OTHER = withCheckDigit('800123456792');
const g14 = (ean: string) => ean.padStart(14, '0');

function line(
  id: string,
  ean: string,
  lineNo: number,
  qtyOrdered: number,
  aisle: string | null,
  bay: string | null,
): BatchLine {
  return { id, gtin14: g14(ean), lineNo, qtyOrdered, qtyPicked: 0, qtyShort: 0, aisle, bay };
}

function order(id: string, slot: number, promisedAt: string, lines: BatchLine[]): BatchOrder {
  return { id, number: `W${id}`, slot, promisedAt, lines };
}

// Tote 1 is the later promise on purpose: urgency, not the tote number, decides.
const later = order('1', 1, '2026-11-22T15:00:00Z', [
  line('1a', SOCK, 1, 1, '2', '04'),
  line('1b', SHOE, 2, 1, '10', '01'),
]);
const sooner = order('2', 2, '2026-11-22T11:00:00Z', [
  line('2a', SHOE, 1, 1, '10', '01'),
  line('2b', BELT, 2, 2, '2', '10'),
  line('2c', SHOE, 3, 1, '10', '01'),
]);
const known = (gtin14: string) => [SHOE, SOCK, BELT, OTHER].map(g14).includes(gtin14);

describe('batchPickList', () => {
  it('merges the orders into one walk by aisle then bay (numerically), one stop per product', () => {
    const stops = batchPickList([later, sooner]);
    expect(stops.map((s) => [s.aisle, s.bay, s.gtin14])).toEqual([
      ['2', '04', g14(SOCK)],
      ['2', '10', g14(BELT)],
      ['10', '01', g14(SHOE)],
    ]);
    const shoe = stops[2]!;
    expect(shoe.remaining).toBe(3);
    // The most urgent order first, then its lines in line order.
    expect(shoe.picks.map((p) => p.line.id)).toEqual(['2a', '2c', '1b']);
  });

  it('puts products with no shelf place last and counts only what is still open', () => {
    const unplaced = order('3', 3, '2026-11-22T12:00:00Z', [
      { ...line('3a', OTHER, 1, 2, null, null), qtyPicked: 1 },
      { ...line('3b', SOCK, 2, 1, '2', '04'), qtyShort: 1 },
    ]);
    const stops = batchPickList([later, unplaced]);
    expect(stops.at(-1)).toMatchObject({ gtin14: g14(OTHER), remaining: 1 });
    expect(stops[0]).toMatchObject({ gtin14: g14(SOCK), remaining: 1 });
  });
});

describe('assignScan', () => {
  it('sends a unit to the most urgent order that still needs it, filling its lines in order', () => {
    expect(assignScan(SHOE, [later, sooner], known)).toMatchObject({
      order: { id: '2' },
      line: { id: '2a' },
    });
    const firstDone = {
      ...sooner,
      lines: sooner.lines.map((l) => (l.id === '2a' ? { ...l, qtyPicked: 1 } : l)),
    };
    expect(assignScan(SHOE, [later, firstDone], known)).toMatchObject({ line: { id: '2c' } });
    const bothDone = {
      ...firstDone,
      lines: firstDone.lines.map((l) => (l.id === '2c' ? { ...l, qtyShort: 1 } : l)),
    };
    expect(assignScan(SHOE, [later, bothDone], known)).toMatchObject({ order: { id: '1', slot: 1 } });
  });

  it('matches by GTIN equivalence: a UPC-A or GTIN-14 form of the same product', () => {
    expect(assignScan(g14(SOCK), [later, sooner], known).line.id).toBe('1a');
  });

  it('refuses loudly what the batch does not want', () => {
    expect(() => assignScan(OTHER, [later, sooner], known)).toThrow(
      expect.objectContaining({ code: 'scan.wrongItem', details: expect.objectContaining({ batch: true }) }),
    );
    expect(() => assignScan(withCheckDigit('400638133393'), [later, sooner], known)).toThrow(
      expect.objectContaining({ code: 'scan.unknownCode' }),
    );
    expect(() => assignScan('12345', [later, sooner], known)).toThrow(
      expect.objectContaining({ code: 'scan.unknownCode' }),
    );
  });

  it('calls a unit beyond every order an over-pick, not a wrong item', () => {
    const allPicked = [later, sooner].map((o) => ({
      ...o,
      lines: o.lines.map((l) => ({ ...l, qtyPicked: l.qtyOrdered })),
    }));
    expect(() => assignScan(SHOE, allPicked, known)).toThrow(
      expect.objectContaining({ code: 'pick.lineComplete' }),
    );
  });

  it('refuses everything when the batch is empty', () => {
    expect(() => assignScan(SHOE, [], known)).toThrow(expect.objectContaining({ code: 'scan.wrongItem' }));
  });
});
