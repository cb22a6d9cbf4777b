// Codes the device raises itself (camera, decoder, network, offline checks) or learns from a
// carrier through the server. They live here so the one catalogue (error-catalogue.ts) holds
// every code an associate can be shown; the modules that raise them re-export their own group.

export const cameraErrorCodes = {
  denied: 'camera.denied',
  noCamera: 'camera.noCamera',
  inUse: 'camera.inUse',
  insecure: 'camera.insecure',
  failed: 'camera.failed',
} as const;

export const decodeErrorCodes = {
  /** Neither engine could start: scanning by camera is not possible on this device. */
  initFailed: 'decode.initFailed',
  /** A frame came before a successful init. */
  notReady: 'decode.notReady',
  /** One frame could not be read (e.g. a bad buffer); the next may be fine. */
  frameFailed: 'decode.frameFailed',
  /** The worker itself failed, e.g. its script could not be loaded. */
  workerFailed: 'decode.workerFailed',
} as const;

export const clientErrorCodes = {
  offline: 'network.offline',
  unexpected: 'http.unexpected',
} as const;

export const offlinePassErrorCodes = {
  unknownKey: 'pickupPass.unknownKey',
  cannotVerify: 'pickupPass.cannotVerify',
} as const;

/** A scan that is a known code, but not what the screen asked for. */
export const scanMeaningErrorCodes = {
  notAProduct: 'scan.notAProduct',
  locationLabel: 'scan.locationLabel',
  pickupPass: 'scan.pickupPass',
  trackingNumber: 'scan.trackingNumber',
  notALocation: 'scan.notALocation',
  otherStore: 'scan.otherStore',
} as const;

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
