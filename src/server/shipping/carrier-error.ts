import { HttpError } from '../http-error';

/**
 * Why a carrier said no, as a stable code the app translates into what to do next. The status
 * is what the API answers when the error reaches the error handler (an HttpError).
 */
export const carrierErrorCodes = {
  /** The carrier does not deliver to this address, or cannot read it: fix it with the customer. details.field */
  addressRejected: 'carrier.addressRejected',
  /** details: packageNumber, weightGrams, minGrams, maxGrams: re-weigh or split the package. */
  weightOutOfRange: 'carrier.weightOutOfRange',
  /** details: packageNumber, maxSideMm: use a smaller box. */
  dimensionsOutOfRange: 'carrier.dimensionsOutOfRange',
  /** The service is unknown or not offered for this destination: choose another. details.service */
  serviceNotOffered: 'carrier.serviceNotOffered',
  /** No account or credentials for this store, or they were refused: a manager must configure it. */
  notConfigured: 'carrier.notConfigured',
  /** Timeout, network, carrier 5xx: retried by the app with the same idempotency keys. */
  unavailable: 'carrier.unavailable',
  /** The carrier does not know this shipment (void of an unknown id). */
  shipmentNotFound: 'carrier.shipmentNotFound',
  /** Too late to void: the shipment is on a closed manifest. */
  alreadyManifested: 'carrier.alreadyManifested',
  /** Closing a day with no shipment in it. */
  nothingToClose: 'carrier.nothingToClose',
  /** Any other refusal; details.carrierMessage holds the carrier's own words for the log. */
  rejected: 'carrier.rejected',
} as const;

export type CarrierErrorCode = (typeof carrierErrorCodes)[keyof typeof carrierErrorCodes];

const statusOf: Record<CarrierErrorCode, number> = {
  'carrier.addressRejected': 422,
  'carrier.weightOutOfRange': 422,
  'carrier.dimensionsOutOfRange': 422,
  'carrier.serviceNotOffered': 422,
  'carrier.notConfigured': 503,
  'carrier.unavailable': 503,
  'carrier.shipmentNotFound': 404,
  'carrier.alreadyManifested': 409,
  'carrier.nothingToClose': 409,
  'carrier.rejected': 422,
};

export class CarrierError extends HttpError {
  /** Only carrier.unavailable is worth retrying as it is; the others need a person. */
  readonly retryable: boolean;
  constructor(code: CarrierErrorCode, message: string, details?: Record<string, unknown>) {
    super(statusOf[code], code, message, details);
    this.retryable = code === carrierErrorCodes.unavailable;
  }
}

export function isCarrierError(error: unknown): error is CarrierError {
  return error instanceof CarrierError;
}
