import { describe, expect, it } from 'vitest';
import type { SyncOrder } from '../contract/sync';
import { withCheckDigit } from '../domain/gtin';
import { applyCommand, foldOverlay, type OverlayCommand } from './overlay';
import type { OutboxRecord } from './outbox-record';

const A = '7f6b1a52-0d5e-4c1e-9b1a-000000000001';
const LINE_1 = '11111111-1111-4111-8111-111111111111';
const LINE_2 = '22222222-2222-4222-8222-222222222222';
const EAN_1 = withCheckDigit('800123456789');
const EAN_2 = withCheckDigit('800123456790');
const EAN_OTHER = withCheckDigit('800123456791');
const ORDER = '0d1f0a5e-6a7b-4c8d-9e0f-123456789abc';

function line(id: string, ean: string, qtyOrdered: number, lineNo: number): SyncOrder['lines'][number] {
  return {
    id,
    lineNo,
    sku: `SKU-${lineNo}`,
    barcode: ean,
    gtin14: ean.padStart(14, '0'),
    nameIt: 'Scarpa',
    nameEn: 'Shoe',
    brand: 'Brand',
    colorIt: 'nero',
    colorEn: 'black',
    size: '40',
    aisle: '3',
    bay: String(lineNo),
    qtyOrdered,
    qtyPicked: 0,
    qtyShort: 0,
    shortReason: null,
    unitPriceCents: 1000,
  };
}

function order(overrides: Partial<SyncOrder> = {}): SyncOrder {
  return {
    id: ORDER,
    number: 'W1001',
    channel: 'web',
    fulfillmentType: 'pickup',
    status: 'new',
    placedAt: '2026-11-22T09:00:00Z',
    promisedAt: '2026-11-22T12:00:00Z',
    customerName: 'Giulia',
    lineCount: 2,
    unitCount: 3,
    pickedUnits: 0,
    claimedBy: null,
    stagingLocation: null,
    externalId: 'x',
    customer: { name: 'Giulia', email: 'g@example.it', phone: null, language: 'it' },
    totalCents: 3000,
    version: 1,
    readyAt: null,
    collectedAt: null,
    lines: [line(LINE_1, EAN_1, 1, 1), line(LINE_2, EAN_2, 2, 2)],
    cancelledBy: null,
    cancelReason: null,
    putBackAt: null,
    pickupCodeDigest: 'ab',
    ...overrides,
  };
}

const cmd = (name: OverlayCommand['name'], args: Record<string, unknown>, who = A): OverlayCommand => ({
  name,
  args: { orderId: ORDER, ...args },
  associateId: who,
  associateName: 'Tommaso',
  createdAt: '2026-11-22T10:00:00Z',
});

let localOrder = 0;
function record(
  command: OverlayCommand,
  status: OutboxRecord['status'] = 'pending',
  seq: number | null = null,
): OutboxRecord {
  localOrder += 1;
  return {
    ...command,
    id: `cmd-${localOrder}`,
    clientId: 'c',
    localOrder,
    seq,
    v: 1,
    entityKeys: [`order:${ORDER}`],
    storeId: 'MI01',
    orderNumber: 'W1001',
    status,
    attempts: 0,
    nextAttemptAt: 0,
  };
}

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
    const facts = { isKnownProduct: (gtin: string) => gtin === EAN_OTHER.padStart(14, '0') };
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
    const facts = { locationExists: (code: string) => code === 'MI01-A03' };
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
