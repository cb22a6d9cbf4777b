// The kiosk's stable error codes, free of zod so the counter and board chunks can import them.

export const kioskErrorCodes = {
  /** No kiosk secret, or one the server never issued: enroll the device. */
  notEnrolled: 'kiosk.notEnrolled',
  /** A manager revoked this kiosk. */
  revoked: 'kiosk.revoked',
  notFound: 'kiosk.notFound',
  /** The order number, code or pass is not right; deliberately says no more. */
  checkInFailed: 'kiosk.checkInFailed',
  /** Too many wrong tries: wait `details.retryAfterSeconds`. */
  tooManyTries: 'kiosk.tooManyTries',
  /** A genuine pass of another store. */
  wrongStore: 'kiosk.wrongStore',
  notCollected: 'kiosk.notCollected',
  alreadyRated: 'kiosk.alreadyRated',
} as const;

/** What a kiosk check-in found, once the customer proved they hold the order's code. */
export const checkInOutcomes = ['arrived', 'notReady', 'collected', 'unavailable'] as const;
export type CheckInOutcome = (typeof checkInOutcomes)[number];

/** The "Kiosk <secret>" authorization scheme of enrolled counter and board devices. */
export const KIOSK_AUTH_SCHEME = 'Kiosk';
