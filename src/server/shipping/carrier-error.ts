import { HttpError } from '../http-error';
import { carrierErrorCodes } from '../../contract/device-error-codes';

/**
 * Why a carrier said no, as a stable code the app translates into what to do next. The status
 * is what the API answers when the error reaches the error handler (an HttpError).
 */
export { carrierErrorCodes };

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
