import { describe, expect, it } from 'vitest';
import { putBackTask } from './put-back-task';
import { cmd, EAN_1, EAN_2, LINE_1, LINE_2, order, record } from './testing/order-fixture';

const cancelled = (picked: [number, number]) => {
  const base = order({ status: 'cancelled', cancelledBy: 'platform' });
  return {
    ...base,
    lines: base.lines.map((line, i) => ({ ...line, qtyPicked: picked[i as 0 | 1] })),
  };
};

describe('the put-back task of a cancelled order', () => {
  it('counts what the server has picked', () => {
    const server = cancelled([1, 0]);
    expect(putBackTask(server, server, [])).toMatchObject({
      serverHasPicked: true,
      items: [{ line: { id: LINE_1 }, units: 1 }],
    });
  });

  it('adds the picks the server refused and the ones blocked behind them: the associate holds both', () => {
    const server = cancelled([0, 0]);
    const refused = record(cmd('pick.confirm', { code: EAN_2, qty: 1 }), 'rejected', 4);
    const blocked = record(cmd('pick.confirm', { code: EAN_2, qty: 1 }), 'blocked');
    const otherLine = record(cmd('pick.confirm', { code: EAN_1, qty: 1 }), 'blocked');
    expect(putBackTask(server, server, [refused, blocked, otherLine])).toMatchObject({
      serverHasPicked: false,
      items: [
        { line: { id: LINE_1 }, units: 1 },
        { line: { id: LINE_2 }, units: 2 },
      ],
    });
  });

  it('leaves out picks the associate already decided on, and orders that are not over', () => {
    const server = cancelled([0, 0]);
    const discarded = {
      ...record(cmd('pick.confirm', { code: EAN_2, qty: 1 }), 'rejected', 4),
      resolution: 'discarded' as const,
    };
    expect(putBackTask(server, server, [discarded])).toBeNull();
    const open = order({ status: 'picking' });
    expect(
      putBackTask(open, open, [record(cmd('pick.confirm', { code: EAN_2, qty: 1 }), 'blocked')]),
    ).toBeNull();
  });

  it('lists a kept substitute under its own product, beside the picked units', () => {
    const base = cancelled([1, 0]);
    const substitute = {
      productId: 'p-sub',
      sku: 'SUB-1',
      gtin14: '08001505005714',
      nameEn: 'Blue mug',
      nameIt: 'Tazza blu',
      unitPriceCents: 800,
      qty: 2,
      status: 'accepted' as const,
      reason: 'customerAsks' as const,
      requestedAt: '2026-12-06T10:00:00.000Z',
      deadline: '2026-12-06T10:20:00.000Z',
      decidedAt: '2026-12-06T10:05:00.000Z',
    };
    const server = {
      ...base,
      lines: base.lines.map((l, i) => (i === 1 ? { ...l, qtyShort: 2, substitute } : l)),
    };
    expect(putBackTask(server, server, [])).toMatchObject({
      serverHasPicked: true,
      items: [
        { line: { id: LINE_1 }, units: 1 },
        { line: { id: LINE_2 }, units: 2, substitute: { gtin14: '08001505005714' } },
      ],
    });
  });
});
