// A delivered order of two lines for the return counter's pure tests.
import type { ReturnableLine, ReturnableOrder, ReturnSummary } from '../../../contract/returns';
import { withCheckDigit } from '../../../domain/gtin';

export const ORDER_ID = '0d1f0a5e-6a7b-4c8d-9e0f-123456789abc';
export const SHOES = '11111111-1111-4111-8111-111111111111';
export const SHIRT = '22222222-2222-4222-8222-222222222222';
export const EAN_SHOES = withCheckDigit('800123456789');
export const EAN_SHIRT = withCheckDigit('800123456790');

export function returnableLine(
  overrides: Partial<ReturnableLine> & Pick<ReturnableLine, 'lineId'>,
): ReturnableLine {
  return {
    lineNo: 1,
    productId: `p-${overrides.lineId}`,
    sku: 'SKU-1',
    gtin14: '0' + EAN_SHOES,
    barcode: EAN_SHOES,
    brand: 'Brand',
    nameIt: 'Scarpa',
    nameEn: 'Trainers',
    colorIt: 'nero',
    colorEn: 'black',
    size: '40',
    category: 'footwear',
    returnable: true,
    finalSale: false,
    unitPriceCents: 5000,
    qtyOrdered: 2,
    qtyShort: 0,
    qtyDelivered: 2,
    qtyReturned: 0,
    qtyInReview: 0,
    ...overrides,
  };
}

export function summary(id: string, status: ReturnSummary['status'] = 'refunded'): ReturnSummary {
  return {
    id,
    number: `R-MI01-${id.slice(0, 6)}`,
    status,
    storeId: 'MI01',
    orderId: ORDER_ID,
    orderNumber: 'W482913',
    customerName: 'Giulia Rossi',
    takenAt: '2026-11-20T10:00:00Z',
    units: 1,
    refundCents: 0,
    shippingRefundCents: 0,
  };
}

export function returnableOrder(overrides: Partial<ReturnableOrder> = {}): ReturnableOrder {
  return {
    id: ORDER_ID,
    number: 'W482913',
    storeId: 'MI01',
    storeName: 'Aisle Milano Duomo',
    channel: 'web',
    fulfillmentType: 'pickup',
    status: 'collected',
    customerName: 'Giulia Rossi',
    customerEmail: 'giulia@example.it',
    customerPhone: '+393331234567',
    customerLanguage: 'it',
    placedAt: '2026-11-01T10:00:00Z',
    receivedAt: '2026-11-03T16:00:00Z',
    currency: 'EUR',
    totalCents: 13_499,
    discounts: [{ code: 'WELCOME10', cents: 1_000 }],
    shippingCents: 499,
    payment: { method: 'card', brand: 'visa', last4: '4242' },
    lines: [
      returnableLine({ lineId: SHOES }),
      returnableLine({
        lineId: SHIRT,
        lineNo: 2,
        sku: 'SKU-2',
        gtin14: '0' + EAN_SHIRT,
        barcode: EAN_SHIRT,
        nameEn: 'Shirt',
        nameIt: 'Camicia',
        category: 'apparel',
        unitPriceCents: 2000,
        qtyOrdered: 1,
        qtyDelivered: 1,
      }),
    ],
    refundHistory: { lines: {}, shippingCents: 0, refundKeys: [] },
    returns: [],
    fetchedAt: '2026-11-10T10:00:00Z',
    ...overrides,
  };
}
