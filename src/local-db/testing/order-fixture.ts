// Test data for the outbox overlay: one order of two lines and commands on it.
import type { SyncOrder } from '../../contract/sync';
import { withCheckDigit } from '../../domain/gtin';
import type { OverlayCommand } from '../overlay';
import type { OutboxRecord } from '../outbox-record';

export const A = '7f6b1a52-0d5e-4c1e-9b1a-000000000001';
export const LINE_1 = '11111111-1111-4111-8111-111111111111';
export const LINE_2 = '22222222-2222-4222-8222-222222222222';
export const EAN_1 = withCheckDigit('800123456789');
export const EAN_2 = withCheckDigit('800123456790');
export const EAN_OTHER = withCheckDigit('800123456791');
export const ORDER = '0d1f0a5e-6a7b-4c8d-9e0f-123456789abc';

export function line(
  id: string,
  ean: string,
  qtyOrdered: number,
  lineNo: number,
): SyncOrder['lines'][number] {
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

export function order(overrides: Partial<SyncOrder> = {}): SyncOrder {
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

export const cmd = (
  name: OverlayCommand['name'],
  args: Record<string, unknown>,
  who = A,
): OverlayCommand => ({
  name,
  args: { orderId: ORDER, ...args },
  associateId: who,
  associateName: 'Tommaso',
  createdAt: '2026-11-22T10:00:00Z',
  storeId: 'MI01',
});

let localOrder = 0;
export function record(
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
