// Tests only: the order and store every rendered message of the tests is about.
import type { NotificationContext } from '../notification-context';

export const testOrder: NotificationContext['order'] = {
  number: 'A-10042',
  customerName: 'Chiara Rossi',
  pickupCode: '482913',
  currency: 'EUR',
  status: 'ready',
  readyAt: '2026-11-21T17:30:00.000Z',
};

/** A ready-for-pickup message in English for Aisle Milano Duomo, whose one product is SKU-1; overrides win. */
export function testNotificationContext(overrides: Partial<NotificationContext> = {}): NotificationContext {
  return {
    kind: 'ready_for_pickup',
    payload: {},
    language: 'en',
    order: testOrder,
    store: {
      name: 'Aisle Milano Duomo',
      address: 'Via Torino 12',
      postcode: '20123',
      city: 'Milano',
      timezone: 'Europe/Rome',
      openingHours: { mon: [{ open: '10:00', close: '20:00' }], sun: [] },
      pickupHoldDays: 7,
    },
    productNames: new Map([['SKU-1', { it: 'Scarpa da corsa', en: 'Running shoe' }]]),
    ...overrides,
  };
}
