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
  /** Not an enrollment code this server signed: scan the QR on the manager's screen again. */
  enrollmentInvalid: 'kiosk.enrollmentInvalid',
  /** The enrollment code's few minutes are over: the manager shows a new one. */
  enrollmentExpired: 'kiosk.enrollmentExpired',
  /** Another device already enrolled with this code: the manager shows a new one. */
  enrollmentUsed: 'kiosk.enrollmentUsed',
} as const;

/** Where an enrollment code the manager's screen shows stands. */
export const enrollmentCodeStates = ['waiting', 'used', 'expired'] as const;
export type EnrollmentCodeState = (typeof enrollmentCodeStates)[number];

/** What a kiosk check-in found, once the customer proved they hold the order's code. */
export const checkInOutcomes = ['arrived', 'notReady', 'collected', 'unavailable'] as const;
export type CheckInOutcome = (typeof checkInOutcomes)[number];

/** The "Kiosk <secret>" authorization scheme of enrolled counter and board devices. */
export const KIOSK_AUTH_SCHEME = 'Kiosk';
