// Tests only: a store, a customer and a shipment as the app would pass them.
import type { ShipmentRequest } from '../carrier';
import type { PostalAddress } from '../postal-address';

export const store: PostalAddress = {
  name: 'Aisle Milano Duomo',
  line1: 'Via Torino 12',
  postcode: '20123',
  city: 'Milano',
  province: 'MI',
  country: 'IT',
};

export const customer: PostalAddress = {
  name: 'Niccolò Bianchi',
  line1: 'Piazza della Città 3',
  line2: 'Scala B, interno 4',
  postcode: '50122',
  city: 'Firenze',
  province: 'FI',
  country: 'IT',
  phone: '+393331234567',
};

export function shipmentRequest(overrides: Partial<ShipmentRequest> = {}): ShipmentRequest {
  return {
    storeId: 'MI01',
    reference: 'A-10042',
    service: 'next-day',
    shipDate: '2026-03-02',
    from: store,
    to: customer,
    packages: [1, 2].map((packageNumber) => ({
      idempotencyKey: `order-42/${packageNumber}`,
      packageNumber,
      type: 'box-m' as const,
      weightGrams: 1250 * packageNumber,
      dimensions: { lengthMm: 400, widthMm: 300, heightMm: 200 },
    })),
    ...overrides,
  };
}
