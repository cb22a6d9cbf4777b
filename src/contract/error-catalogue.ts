// The one catalogue of stable error codes: every code the server answers with, every refusal
// a domain rule or a command gives, and every code the device raises itself. Each has words in
// English and Italian (src/app/error-words.test.ts checks). Screens switch on these codes,
// never on messages. The groups stay where their rules live; this file gathers them.

import { refusalErrorCodes } from '../domain/counter-refusal';
import { fleetTrackingErrorCodes } from '../domain/fleet-tracking-number';
import { gs1ErrorCodes } from '../domain/gs1-element-string';
import { gtinErrorCodes } from '../domain/gtin';
import { scanErrorCodes } from '../domain/interpret-scan';
import { locationErrorCodes } from '../domain/location-label';
import { orderErrorCodes as orderRuleCodes } from '../domain/order-machine';
import { packErrorCodes, shipErrorCodes } from '../domain/packing';
import { pickErrorCodes } from '../domain/picking';
import { idCheckErrorCodes } from '../domain/id-check';
import { partialHandoverErrorCodes } from '../domain/partial-handover';
import { handoverErrorCodes } from '../domain/pickup-pass';
import { receiveErrorCodes } from '../domain/receive-errors';
import { refundErrorCodes } from '../domain/refund';
import { rerouteErrorCodes } from '../domain/reroute';
import { reservationErrorCodes } from '../domain/reservation';
import { returnOverrideErrorCodes } from '../domain/return-override';
import { returnViolationCodes } from '../domain/return-policy';
import { returnWindowErrorCodes } from '../domain/return-window';
import { signedPassErrorCodes } from '../domain/signed-pickup-pass';
import { substitutionErrorCodes } from '../domain/substitution';
import { upcEErrorCodes } from '../domain/upc-e';
import { variableMeasureErrorCodes } from '../domain/variable-measure';
import {
  cameraErrorCodes,
  carrierErrorCodes,
  clientErrorCodes,
  decodeErrorCodes,
  offlinePassErrorCodes,
  scanMeaningErrorCodes,
} from './device-error-codes';
import {
  arrivalErrorCodes,
  authErrorCodes,
  curbsideErrorCodes,
  orderErrorCodes,
  requestErrorCodes,
  returnErrorCodes,
  shipmentErrorCodes,
  stockErrorCodes,
  syncErrorCodes,
} from './error-codes';
import { kioskErrorCodes } from './kiosk-codes';
import { managerErrorCodes } from './manager';

/** Every group of codes, by the area that raises it. */
export const errorCodeGroups = {
  request: requestErrorCodes,
  auth: authErrorCodes,
  order: orderErrorCodes,
  orderRules: orderRuleCodes,
  stock: stockErrorCodes,
  shipment: shipmentErrorCodes,
  sync: syncErrorCodes,
  return: returnErrorCodes,
  arrival: arrivalErrorCodes,
  curbside: curbsideErrorCodes,
  kiosk: kioskErrorCodes,
  manager: managerErrorCodes,
  reservation: reservationErrorCodes,
  scan: scanErrorCodes,
  pack: packErrorCodes,
  ship: shipErrorCodes,
  handover: handoverErrorCodes,
  partialHandover: partialHandoverErrorCodes,
  refusal: refusalErrorCodes,
  idCheck: idCheckErrorCodes,
  gtin: gtinErrorCodes,
  refund: refundErrorCodes,
  fleetTracking: fleetTrackingErrorCodes,
  signedPass: signedPassErrorCodes,
  variableMeasure: variableMeasureErrorCodes,
  returnOverride: returnOverrideErrorCodes,
  pick: pickErrorCodes,
  substitution: substitutionErrorCodes,
  location: locationErrorCodes,
  upcE: upcEErrorCodes,
  gs1: gs1ErrorCodes,
  returnWindow: returnWindowErrorCodes,
  reroute: rerouteErrorCodes,
  returnPolicy: returnViolationCodes,
  receive: receiveErrorCodes,
  camera: cameraErrorCodes,
  decode: decodeErrorCodes,
  client: clientErrorCodes,
  offlinePass: offlinePassErrorCodes,
  scanMeaning: scanMeaningErrorCodes,
  carrier: carrierErrorCodes,
} as const;

type Groups = typeof errorCodeGroups;
/** Any stable error code Aisle can show. */
export type ErrorCode = { [G in keyof Groups]: Groups[G][keyof Groups[G]] }[keyof Groups];

/** Every code once, in catalogue order. */
export const errorCodes: readonly ErrorCode[] = [
  ...new Set(Object.values(errorCodeGroups).flatMap((group) => Object.values(group) as ErrorCode[])),
];

export function isErrorCode(code: string): code is ErrorCode {
  return (errorCodes as readonly string[]).includes(code);
}
