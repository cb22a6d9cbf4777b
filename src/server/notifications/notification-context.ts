import type { Language, OpeningHours } from './message-format';

/** What a message is rendered from: the queued row, with its order and store as they are now. */
export interface NotificationContext {
  kind: string;
  payload: Record<string, unknown>;
  language: Language;
  order: {
    number: string;
    customerName: string;
    pickupCode: string;
    currency: string;
    status: string;
    readyAt: string | null;
  };
  store: {
    name: string;
    address: string;
    postcode: string;
    city: string;
    timezone: string;
    openingHours: OpeningHours;
    pickupHoldDays: number;
  };
  /** Product names by SKU, for the messages that name an item. */
  productNames: ReadonlyMap<string, { it: string; en: string }>;
  /** Product pictures by SKU (an https address, or a path on this server), where a product has one. */
  productPictures?: ReadonlyMap<string, string>;
  /** The signed pickup pass (AISLE:PASS:2:…), for the messages that carry its QR code. */
  pickupPass?: string;
  /** The customer's curbside page ("I'm here" from the car), for the ready-for-pickup message. */
  curbsideUrl?: string;
  /** The customer's substitution page for the line a request names (issue 15). */
  substitutionUrl?: string;
}

/** A message a retry cannot fix (no template, a malformed payload, no address): it fails at once. */
export class PermanentNotificationError extends Error {
  override readonly name = 'PermanentNotificationError';
}
