import { describe, expect, it } from 'vitest';
import { applyCommand, foldOverlay } from './overlay';
import { withCheckDigit } from '../domain/gtin';
import { A, cmd, EAN_1, EAN_2, EAN_OTHER, LINE_1, LINE_2, order, record } from './testing/order-fixture';

describe('applyCommand', () => {
  it('claims for the associate who did it, and refuses an order someone else picks', () => {
    const claimed = applyCommand(order(), cmd('order.claim', {}));
    expect(claimed).toMatchObject({ status: 'picking', claimedBy: { id: A, name: 'Tommaso' } });
    expect(applyCommand(claimed, cmd('order.claim', {}))).toBe(claimed);
    expect(() => applyCommand(claimed, cmd('order.claim', {}, 'someone-else'))).toThrow(
      expect.objectContaining({ code: 'order.claimedByOther' }),
    );
  });

  it('picks by scan like the server: wrong item, unknown code, over-pick, then picked when complete', () => {
    const facts = { knownGtins: new Set([EAN_OTHER.padStart(14, '0')]) };
    let current = applyCommand(order(), cmd('order.claim', {}));
    const pick = (code: string) => applyCommand(current, cmd('pick.confirm', { code, qty: 1 }), facts);
    expect(() => pick(EAN_OTHER)).toThrow(expect.objectContaining({ code: 'scan.wrongItem' }));
    expect(() => pick(withCheckDigit('400638133393'))).toThrow(
      expect.objectContaining({ code: 'scan.unknownCode' }),
    );
    current = pick(EAN_1);
    expect(() => pick(EAN_1)).toThrow(expect.objectContaining({ code: 'pick.lineComplete' }));
    current = pick(EAN_2);
    expect(current).toMatchObject({ status: 'picking', pickedUnits: 2 });
    current = pick(EAN_2);
    expect(current).toMatchObject({ status: 'picked', pickedUnits: 3 });
  });

  it('refuses to pick an order not claimed by the associate', () => {
    const theirs = order({ status: 'picking', claimedBy: { id: 'other', name: 'Sara' } });
    expect(() => applyCommand(theirs, cmd('pick.confirm', { code: EAN_1, qty: 1 }))).toThrow(
      expect.objectContaining({ code: 'order.notClaimedByYou' }),
    );
  });

  it('cancels an order when every line is short, as the server does', () => {
    let current = applyCommand(order(), cmd('order.claim', {}));
    current = applyCommand(current, cmd('pick.short', { lineId: LINE_1, qty: 1, reason: 'damaged' }));
    expect(current.lines[0]).toMatchObject({ qtyShort: 1, shortReason: 'damaged' });
    current = applyCommand(current, cmd('pick.short', { lineId: LINE_2, qty: 2, reason: 'not_found' }));
    expect(current).toMatchObject({ status: 'cancelled', cancelReason: 'nothing_available' });
  });

  it('stages on a known shelf and hands over a ready order', () => {
    const picked = order({ status: 'picked', claimedBy: { id: A, name: 'Tommaso' } });
    const facts = { locations: new Set(['MI01-A03']) };
    expect(() => applyCommand(picked, cmd('order.stage', { locationCode: 'MI01-Z99' }), facts)).toThrow(
      expect.objectContaining({ code: 'staging.unknownLocation' }),
    );
    const ready = applyCommand(picked, cmd('order.stage', { locationCode: ' mi01-a03 ' }), facts);
    expect(ready).toMatchObject({ status: 'ready', stagingLocation: 'MI01-A03' });
    expect(applyCommand(ready, cmd('order.handover', { code: '123456' }))).toMatchObject({
      status: 'collected',
      collectedAt: '2026-11-22T10:00:00Z',
    });
    expect(() => applyCommand(picked, cmd('order.handover', { code: '1' }))).toThrow(
      expect.objectContaining({ code: 'order.illegalTransition' }),
    );
  });

  it('puts back only a cancelled order with picked units', () => {
    const lines = order().lines.map((l) => ({ ...l, qtyPicked: 1 }));
    const cancelled = order({ status: 'cancelled', lines });
    expect(applyCommand(cancelled, cmd('order.putBack', {})).putBackAt).toBe('2026-11-22T10:00:00Z');
    expect(() => applyCommand(order({ status: 'cancelled' }), cmd('order.putBack', {}))).toThrow(
      expect.objectContaining({ code: 'order.illegalTransition' }),
    );
  });
});

describe('applyCommand: ship-from-store', () => {
  const picked = order({ fulfillmentType: 'ship_from_store', status: 'picked' });
  const label = {
    id: 's',
    carrierId: 'aisle-fleet',
    carrierName: 'Aisle Fleet',
    service: 'next-day',
    serviceName: 'Next day',
    shipDate: '2026-11-22',
    bookedAt: '2026-11-22T10:05:00Z',
    packages: [{ packageNumber: 1, trackingNumber: 'AISMI010000001X' }],
  };
  const box = { type: 'box-s', weightGrams: 850 };

  it('packs a picked order with numbered packages, and re-packs it until a label is known', () => {
    const packed = applyCommand(
      picked,
      cmd('order.pack', { packages: [box, { type: 'envelope', weightGrams: 90 }] }),
    );
    expect(packed).toMatchObject({ status: 'packed', packedAt: '2026-11-22T10:00:00Z' });
    expect(packed.packages?.map((p) => [p.packageNumber, p.type, p.lengthMm])).toEqual([
      [1, 'box-s', 300],
      [2, 'envelope', 350],
    ]);
    const repacked = applyCommand(packed, cmd('order.pack', { packages: [box] }));
    expect(repacked.packages).toHaveLength(1);
    const labelled = { ...packed, shipment: label };
    expect(() => applyCommand(labelled, cmd('order.pack', { packages: [box] }))).toThrow(
      expect.objectContaining({ code: 'pack.alreadyLabelled' }),
    );
  });

  it('refuses what the server refuses: no packages, bad weights, other order types or states', () => {
    expect(() => applyCommand(picked, cmd('order.pack', { packages: [] }))).toThrow(
      expect.objectContaining({ code: 'pack.noPackages' }),
    );
    expect(() =>
      applyCommand(picked, cmd('order.pack', { packages: [{ type: 'bag', weightGrams: 0 }] })),
    ).toThrow(expect.objectContaining({ code: 'pack.weightOutOfRange' }));
    expect(() => applyCommand(order({ status: 'picked' }), cmd('order.pack', { packages: [box] }))).toThrow(
      expect.objectContaining({ code: 'order.notForFulfillmentType' }),
    );
    expect(() =>
      applyCommand({ ...picked, status: 'picking' }, cmd('order.pack', { packages: [box] })),
    ).toThrow(expect.objectContaining({ code: 'order.illegalTransition' }));
  });

  it('marks a packed order shipped once its label is on the device, as the server will', () => {
    const packed = applyCommand(picked, cmd('order.pack', { packages: [box] }));
    // The parity test (src/parity) found that shipping on trust showed "shipped" for orders the
    // server then refused: the device now decides with the label its replica holds.
    expect(() => applyCommand(packed, cmd('order.ship', {}))).toThrow(
      expect.objectContaining({ code: 'ship.noLabel' }),
    );
    const labelled = { ...packed, shipment: label };
    expect(applyCommand(labelled, cmd('order.ship', {}))).toMatchObject({
      status: 'shipped',
      shippedAt: '2026-11-22T10:00:00Z',
    });
    expect(() => applyCommand(picked, cmd('order.ship', {}))).toThrow(
      expect.objectContaining({ code: 'order.illegalTransition' }),
    );
  });
});

describe('foldOverlay', () => {
  it('folds unsynced and not-yet-pulled commands in enqueue order, and drops refused ones', () => {
    const claim = record(cmd('order.claim', {}), 'acked', 1);
    const pick1 = record(cmd('pick.confirm', { code: EAN_1, qty: 1 }), 'inflight', 2);
    const refused = record(cmd('pick.confirm', { code: EAN_2, qty: 1 }), 'rejected', 3);
    const blocked = record(cmd('pick.confirm', { code: EAN_2, qty: 1 }), 'blocked');
    const pick2 = record(cmd('pick.confirm', { code: EAN_2, qty: 1 }), 'pending');
    const all = [pick2, blocked, refused, pick1, claim];

    const before = foldOverlay(order(), all, 0);
    expect(before.foldedIds).toEqual([claim.id, pick1.id, pick2.id]);
    expect(before.order).toMatchObject({ status: 'picking', pickedUnits: 2 });

    // The pull already holds the claim (seq 1): only the later commands are folded on top.
    const server = applyCommand(order(), cmd('order.claim', {}));
    const after = foldOverlay(server, all, 1);
    expect(after.foldedIds).toEqual([pick1.id, pick2.id]);
    expect(after.order.pickedUnits).toBe(2);
  });

  it('skips a command that no longer applies to the newer server state', () => {
    const pick = record(cmd('pick.confirm', { code: EAN_1, qty: 1 }));
    const pickedElsewhere = order({
      status: 'picking',
      claimedBy: { id: A, name: 'Tommaso' },
      lines: order().lines.map((l) => (l.id === LINE_1 ? { ...l, qtyPicked: 1 } : l)),
    });
    const view = foldOverlay(pickedElsewhere, [pick], 0);
    expect(view.foldedIds).toEqual([]);
    expect(view.order.lines[0]?.qtyPicked).toBe(1);
  });
});
