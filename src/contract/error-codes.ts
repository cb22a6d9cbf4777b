// The stable error codes of the wire, kept free of zod so the PWA can import them as
// values without pulling the schema library into its bundle.

export const requestErrorCodes = {
  invalid: 'request.invalid',
  /** Text the server never stores: a NUL, or a lone UTF-16 surrogate (src/contract/wire-text.ts). */
  unsafeText: 'request.unsafeText',
  /** A part of the address is longer than any real one (a path parameter of kilobytes). */
  uriTooLong: 'request.uriTooLong',
  notFound: 'route.notFound',
  tooLarge: 'request.tooLarge',
  unsupportedMediaType: 'request.unsupportedMediaType',
  rateLimited: 'request.rateLimited',
  internal: 'server.internal',
  unavailable: 'server.unavailable',
} as const;

export const authErrorCodes = {
  missingToken: 'auth.missingToken',
  invalidToken: 'auth.invalidToken',
  tokenExpired: 'auth.tokenExpired',
  badCredentials: 'auth.badCredentials',
  lockedOut: 'auth.lockedOut',
  forbidden: 'auth.forbidden',
  wrongStore: 'auth.wrongStore',
  badApiKey: 'auth.badApiKey',
  refreshInvalid: 'auth.refreshInvalid',
  /** The access token's session ended: signed out, a reused refresh token, or deactivated. */
  sessionEnded: 'auth.sessionEnded',
  /** Too many sign-ins wait for their PIN check (503 with Retry-After): try again shortly. */
  busy: 'auth.busy',
} as const;

export const orderErrorCodes = {
  notFound: 'order.notFound',
  duplicateMismatch: 'order.duplicateMismatch',
  claimedByOther: 'order.claimedByOther',
  notClaimedByYou: 'order.notClaimedByYou',
  unknownProduct: 'order.unknownProduct',
  unknownStore: 'order.unknownStore',
  insufficientStock: 'stock.insufficient',
  unknownLocation: 'staging.unknownLocation',
  /** The shelf holds as many orders as it can; staging there needs the associate's yes. */
  shelfFull: 'staging.shelfFull',
} as const;

export const stockErrorCodes = {
  productNotFound: 'stock.productNotFound',
  unknownStore: 'stock.unknownStore',
  /** The other store no longer has the units available (sold or reserved meanwhile). */
  notAvailable: 'stock.notAvailable',
} as const;

export const shipmentErrorCodes = {
  /** A label for this order is being booked right now (another tap, another device): wait. */
  inProgress: 'shipment.inProgress',
  manifestNotFound: 'manifest.notFound',
} as const;

export const syncErrorCodes = {
  outOfOrder: 'sync.outOfOrder',
  mutationMismatch: 'sync.mutationMismatch',
  inProgress: 'sync.inProgress',
  unknownCommand: 'sync.unknownCommand',
  invalidArgs: 'sync.invalidArgs',
  /** An older version of a command that this server no longer accepts (ADR 0027). */
  retiredVersion: 'sync.retiredVersion',
  /** The same mutation id twice in one batch: the second is refused. */
  duplicateMutationId: 'sync.duplicateMutationId',
  /** Text the server never stores: a NUL or other control character, or a lone surrogate. */
  unsafeText: 'sync.unsafeText',
  /** Arguments nested too deep or too large to be a real command. */
  argsTooLarge: 'sync.argsTooLarge',
  /** The client id belongs to another device or store. */
  foreignClient: 'sync.foreignClient',
} as const;

/** Returns (issue 6). The policy's own codes (return.windowExpired…) live in src/domain/return-policy.ts. */
export const returnErrorCodes = {
  notFound: 'return.notFound',
  /** The order has not reached the customer yet (not collected, not shipped). */
  notDelivered: 'return.notDelivered',
  /** The return is not waiting for a decision (already refunded or declined). */
  notInReview: 'return.notInReview',
  /** The return id was used for another order or other units. */
  idMismatch: 'return.idMismatch',
  /** An override needs a manager: signed in, or a valid approval for this return. */
  overrideNotAllowed: 'return.overrideNotAllowed',
  approvalInvalid: 'return.approvalInvalid',
  /** A receipt e-mail was asked for, but the return has no address and none was given. */
  noReceiptEmail: 'return.noReceiptEmail',
} as const;

/** A customer who said they are here (kiosk, curbside). */
export const arrivalErrorCodes = {
  notFound: 'arrival.notFound',
} as const;

/** The customer's signed curbside link (the customer's own page shows these in their words). */
export const curbsideErrorCodes = {
  notFound: 'curbside.notFound',
  /** The store no longer holds the order (collected, cancelled, expired). */
  expired: 'curbside.expired',
  /** The order is not waiting for pickup yet. */
  notReady: 'curbside.notReady',
} as const;
